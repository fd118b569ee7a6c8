// The cost-per-call goals (issue #20): each a ratio of a figure to a baseline measured in the same
// bench run. bench/run.mjs feeds this the benches' result lines and renders the table into
// bench/results/latest.md, latest.json and the README. Pure: rows in, table out. Erasable
// TypeScript only, so run.mjs imports it with Node's own type stripping.

/** One result of a bench's JSON line (docs/developing.md). */
export interface BenchResult {
  metric: string;
  value: number | null;
  unit: string;
  target?: string;
  baseline?: { metric: string; value: number | null; unit: string };
  notes?: string;
}

/** One bench file's entry in latest.json. */
export interface BenchRecord {
  bench: string;
  file?: string;
  /** When the bench file ran (ISO time). */
  ranAt?: string;
  error?: string;
  results?: BenchResult[];
  /** 1-min load average just before the bench file started and just after it ended. */
  load?: { before: number; after: number };
}

/** A goal: a figure of one bench over a baseline of the same bench file. */
export interface GoalDefinition {
  id: string;
  figure: string;
  /** The baseline, in words. */
  baseline: string;
  /** The bench name of the result line (e.g. `ingest/replay`). */
  bench: string;
  metric: string;
  /** Another metric of the same bench to divide by; omitted: the figure's own `baseline`. */
  baselineMetric?: string;
  op: '>=' | '<=';
  goal: number;
}

export const GOALS: readonly GoalDefinition[] = [
  {
    id: 'replay',
    figure: 'replay CDR/s',
    baseline: 'the same client producing pre-encoded records alone',
    bench: 'ingest/replay',
    metric: 'replay throughput',
    baselineMetric: 'producer alone, CDRs parsed and encoded beforehand',
    op: '>=',
    goal: 0.9,
  },
  {
    id: 'scorer-cpu',
    figure: 'scorer end to end, machine CPU per CDR (scorer + broker processes)',
    baseline: "the in-process engine's CPU per CDR on the same input",
    bench: 'scorer/scorer',
    metric: 'machine CPU per CDR end to end (scorer + broker processes)',
    op: '<=',
    goal: 2.5,
  },
  {
    id: 'sink',
    figure: 'sink rows/s, exact hourly views',
    baseline: 'a direct RowBinary insert into the same tables with the same views',
    bench: 'sink/sink',
    metric: 'sink throughput (Kafka cdr.v1 → ClickHouse)',
    op: '>=',
    goal: 0.9,
  },
  {
    id: 'unary-check',
    figure: 'unary Check req/s at p99 ≤ 10 ms',
    baseline: 'a grpc-js echo server, same ladder',
    bench: 'risk-api/risk-api',
    metric: 'unary Check highest rate with p99 <= 10 ms',
    op: '>=',
    goal: 0.85,
  },
  {
    id: 'engine',
    figure: 'in-process engine CDR/s',
    baseline: 'the floor (state found, two fields bumped)',
    bench: 'engine/engine',
    metric: 'engine throughput (pre-decoded CDRs, one core)',
    op: '>=',
    goal: 0.3,
  },
];

/** One row of the goals table. */
export interface GoalRow {
  id: string;
  figure: string;
  baseline: string;
  /** The figure as measured, with its unit; undefined when never measured. */
  measured?: string;
  /** The baseline as measured, with its unit. */
  baselineMeasured?: string;
  ratio?: number;
  goal: string;
  met?: boolean;
  /** When the bench that measured it ran. */
  ranAt?: string;
  loadBefore?: number;
  loadAfter?: number;
  /** False when the load average before the bench was above the quiet limit; undefined when not recorded. */
  quiet?: boolean;
  /** False when the figure comes from an earlier run than this one (a subset run, or the bench failed). */
  current: boolean;
}

export interface GoalsInput {
  benches: readonly BenchRecord[];
  /** Start of this run (ISO time): benches that ran before it are carried over from an earlier run. */
  runStartedAt: string;
  /** Highest 1-min load average before a bench for its figures to count as quiet. */
  quietLoad: number;
  /** The previous run's goals table, for rows this run has no figure for. */
  previous?: readonly GoalRow[];
  goals?: readonly GoalDefinition[];
}

function format(value: number, unit: string): string {
  const v =
    Math.abs(value) >= 1000
      ? Math.round(value).toLocaleString('en-US')
      : String(Math.round(value * 100) / 100);
  return `${v} ${unit}`;
}

function measure(def: GoalDefinition, input: GoalsInput): GoalRow | undefined {
  const bench = input.benches.find((b) => b.bench === def.bench && b.error === undefined);
  const results = bench?.results ?? [];
  const figure = results.find((r) => r.metric === def.metric);
  const base =
    def.baselineMetric === undefined
      ? figure?.baseline
      : results.find((r) => r.metric === def.baselineMetric);
  if (bench === undefined || figure === undefined || base === undefined) return undefined;
  if (figure.value === null || base.value === null) return undefined;
  // A baseline of 0 (e.g. no rate of the ladder met the p99 limit) was measured, but gives no ratio.
  const ratio = base.value > 0 ? figure.value / base.value : undefined;
  const quiet = bench.load === undefined ? undefined : bench.load.before <= input.quietLoad;
  return {
    id: def.id,
    figure: def.figure,
    baseline: def.baseline,
    measured: format(figure.value, figure.unit),
    baselineMeasured: format(base.value, base.unit),
    ...(ratio === undefined ? {} : { ratio }),
    goal: `${def.op === '>=' ? '≥' : '≤'} ${def.goal.toFixed(2)}`,
    ...(ratio === undefined ? {} : { met: def.op === '>=' ? ratio >= def.goal : ratio <= def.goal }),
    ...(bench.ranAt === undefined ? {} : { ranAt: bench.ranAt }),
    ...(bench.load === undefined ? {} : { loadBefore: bench.load.before, loadAfter: bench.load.after }),
    ...(quiet === undefined ? {} : { quiet }),
    current: bench.ranAt !== undefined && bench.ranAt >= input.runStartedAt,
  };
}

/**
 * The goals table: one row per goal, from this run's benches, else from the bench's figures kept
 * from an earlier run, else from the previous table; each row says which. A figure that is not quiet
 * never replaces a quiet one from the previous table.
 */
export function buildGoals(input: GoalsInput): GoalRow[] {
  return (input.goals ?? GOALS).map((def) => {
    const row = measure(def, input);
    const before = input.previous?.find((p) => p.id === def.id);
    // A figure measured on a busy machine does not count: the last quiet one stays until a quiet run.
    if (row !== undefined && (row.quiet !== false || before?.quiet !== true)) return row;
    if (before !== undefined) return { ...before, current: false };
    return {
      id: def.id,
      figure: def.figure,
      baseline: def.baseline,
      goal: `${def.op === '>=' ? '≥' : '≤'} ${def.goal.toFixed(2)}`,
      current: false,
    };
  });
}

const cell = (s: string): string => s.replaceAll('|', '/');

/** The goals table as Markdown: the figure, its baseline, the ratio, the goal, and how far to trust it. */
export function goalsMarkdown(rows: readonly GoalRow[]): string {
  const lines = [
    '| figure | measured | baseline in the same run | ratio | goal | met | load avg before → after | quiet | measured in |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const load =
      r.loadBefore === undefined || r.loadAfter === undefined
        ? 'not recorded'
        : `${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)}`;
    const quiet = r.quiet === undefined ? '?' : r.quiet ? 'yes' : '**not quiet**';
    const day = r.ranAt === undefined ? '' : `${r.ranAt.slice(0, 10)} ${r.ranAt.slice(11, 16)} UTC`;
    const when =
      r.measured === undefined ? '**never measured**' : r.current ? 'this run' : `**earlier run, ${day}**`;
    lines.push(
      `| ${cell(r.figure)} | ${cell(r.measured ?? '—')} | ${cell(r.baseline)}: ${cell(r.baselineMeasured ?? '—')} | ${r.ratio === undefined ? '—' : r.ratio.toFixed(2)} | ${r.goal} | ${r.met === undefined ? '—' : r.met ? 'yes' : '**no**'} | ${load} | ${quiet} | ${when} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

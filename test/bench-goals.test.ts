import { describe, expect, it } from 'vitest';
import { buildGoals, goalsMarkdown, type BenchRecord, type GoalDefinition } from '../bench/goals.js';

const RUN = '2026-12-03T13:00:00.000Z';
const goals: GoalDefinition[] = [
  {
    id: 'replay',
    figure: 'replay CDR/s',
    baseline: 'the producer alone',
    bench: 'ingest/replay',
    metric: 'replay throughput',
    baselineMetric: 'producer alone',
    op: '>=',
    goal: 0.9,
  },
  {
    id: 'cpu',
    figure: 'scorer CPU per CDR',
    baseline: 'the engine',
    bench: 'scorer/scorer',
    metric: 'machine CPU per CDR',
    op: '<=',
    goal: 2.5,
  },
  {
    id: 'sink',
    figure: 'sink rows/s',
    baseline: 'direct insert',
    bench: 'sink/sink',
    metric: 'sink throughput',
    op: '>=',
    goal: 0.9,
  },
];

const replay: BenchRecord = {
  bench: 'ingest/replay',
  ranAt: '2026-12-03T13:01:00.000Z',
  load: { before: 0.4, after: 1.9 },
  results: [
    { metric: 'replay throughput', value: 90_000, unit: 'CDR/s' },
    { metric: 'producer alone', value: 100_000, unit: 'CDR/s' },
  ],
};
const scorer: BenchRecord = {
  bench: 'scorer/scorer',
  ranAt: '2026-12-03T13:03:00.000Z',
  load: { before: 2.4, after: 2.1 },
  results: [
    {
      metric: 'machine CPU per CDR',
      value: 18,
      unit: 'µs',
      baseline: { metric: 'engine CPU per CDR', value: 6, unit: 'µs' },
    },
  ],
};

describe('goals table', () => {
  it('divides each figure by its baseline and judges it against the goal in its direction', () => {
    const [r, s] = buildGoals({ benches: [replay, scorer], runStartedAt: RUN, quietLoad: 1.5, goals });
    expect(r).toMatchObject({ ratio: 0.9, met: true, current: true, quiet: true, measured: '90,000 CDR/s' });
    expect(r?.baselineMeasured).toBe('100,000 CDR/s');
    expect(s).toMatchObject({ ratio: 3, met: false, goal: '≤ 2.50' });
  });

  it('marks a figure whose bench started on a busy machine as not quiet', () => {
    const [, s] = buildGoals({ benches: [replay, scorer], runStartedAt: RUN, quietLoad: 1.5, goals });
    expect(s).toMatchObject({ quiet: false, loadBefore: 2.4, loadAfter: 2.1 });
    expect(goalsMarkdown([s!])).toContain('**not quiet**');
  });

  it('keeps a missing row from the previous table, marked with its date', () => {
    const previous = buildGoals({
      benches: [{ ...scorer, ranAt: '2026-11-26T07:00:00.000Z', load: { before: 0.2, after: 1 } }],
      runStartedAt: '2026-11-26T06:59:00.000Z',
      quietLoad: 1.5,
      goals,
    });
    const rows = buildGoals({ benches: [replay], runStartedAt: RUN, quietLoad: 1.5, previous, goals });
    expect(rows[1]).toMatchObject({ id: 'cpu', ratio: 3, current: false, ranAt: '2026-11-26T07:00:00.000Z' });
    expect(rows[2]).toMatchObject({ id: 'sink', current: false });
    expect(rows[2]?.ratio).toBeUndefined();
    const md = goalsMarkdown(rows);
    expect(md).toContain('**earlier run, 2026-11-26 07:00 UTC**');
    expect(md).toContain('**never measured**');
    expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBe(2 + rows.length);
  });

  it('keeps the previous quiet figure over a newer one measured on a busy machine', () => {
    const quietScorer = { ...scorer, ranAt: '2026-11-26T07:00:00.000Z', load: { before: 0.2, after: 1 } };
    const previous = buildGoals({
      benches: [quietScorer],
      runStartedAt: '2026-11-26T06:59:00.000Z',
      quietLoad: 1.5,
      goals,
    });
    const busy = buildGoals({
      benches: [replay, scorer],
      runStartedAt: RUN,
      quietLoad: 1.5,
      previous,
      goals,
    });
    expect(busy[1]).toMatchObject({
      id: 'cpu',
      quiet: true,
      current: false,
      ranAt: '2026-11-26T07:00:00.000Z',
    });
    const quietAgain = buildGoals({
      benches: [replay, { ...scorer, load: { before: 0.3, after: 1 } }],
      runStartedAt: RUN,
      quietLoad: 1.5,
      previous: busy,
      goals,
    });
    expect(quietAgain[1]).toMatchObject({ id: 'cpu', quiet: true, current: true, ranAt: scorer.ranAt });
  });

  it('shows a figure measured against a zero baseline without a ratio', () => {
    const zero: BenchRecord = {
      ...replay,
      results: [
        { metric: 'replay throughput', value: 0, unit: 'CDR/s' },
        { metric: 'producer alone', value: 0, unit: 'CDR/s' },
      ],
    };
    const [r] = buildGoals({ benches: [zero], runStartedAt: RUN, quietLoad: 1.5, goals });
    expect(r).toMatchObject({ current: true, measured: '0 CDR/s', baselineMeasured: '0 CDR/s' });
    expect(r?.ratio).toBeUndefined();
    expect(r?.met).toBeUndefined();
  });

  it('treats a bench kept from an earlier run, or one that failed, as not this run', () => {
    const kept = { ...replay, ranAt: '2026-11-26T07:36:49.146Z' };
    const failed: BenchRecord = { bench: 'scorer/scorer', ranAt: RUN, error: 'exit 1; no result line' };
    const [r, s] = buildGoals({ benches: [kept, failed], runStartedAt: RUN, quietLoad: 1.5, goals });
    expect(r).toMatchObject({ current: false, ratio: 0.9 });
    expect(s?.measured).toBeUndefined();
  });
});

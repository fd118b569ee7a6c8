#!/usr/bin/env node
// Runs every services/*/bench/*.bench.ts (each prints one JSON line last) and writes
// bench/results/latest.json and bench/results/latest.md with the machine it ran on.
// Usage: node bench/run.mjs [substring-filter ...]
// With filters, results of benchmarks not run this time are kept from the previous latest.json, each
// with the date it ran (`ranAt`), so a partial rerun never drops figures; a bench that prints
// `partial: true` (it ran some of its parts) keeps its other rows from the previous run too.
// Each bench file's entry records the 1-min load average just before and after it; before each one
// the run waits (up to BENCH_SETTLE_S, default 90 s) for the load left by the previous one to decay.
// At the end it builds the cost-per-call goals table (bench/goals.ts), writes it into latest.md,
// latest.json and the README's GOALS block, and prints it. `--render` runs nothing: it rebuilds the
// table, latest.md and the README block from latest.json as it stands.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

// goals.ts is TypeScript, which Node loads natively from 24 on; under an older Node (the machine's
// own, when this file is run directly instead of through `npm run bench`) say so instead of failing
// on the import with ERR_UNKNOWN_FILE_EXTENSION.
if (Number(process.versions.node.split('.')[0]) < 24) {
  process.stderr.write(
    `bench/run.mjs needs Node 24 (this is ${process.version}): run it with \`npm run bench\`, which brings the project's pinned Node\n`,
  );
  process.exit(1);
}
const { buildGoals, goalsMarkdown } = await import('./goals.ts');

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const render = process.argv.includes('--render');
const filters = process.argv.slice(2).filter((a) => a !== '--render');
const latest = join(repo, 'bench', 'results', 'latest.json');
const previous = existsSync(latest) ? JSON.parse(readFileSync(latest, 'utf8')) : {};
const files = render
  ? []
  : readdirSync(join(repo, 'services'))
      .flatMap((ws) => {
        const dir = join(repo, 'services', ws, 'bench');
        return existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => f.endsWith('.bench.ts'))
              .map((f) => join(dir, f))
          : [];
      })
      .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
      .sort();

const machine = (render ? previous.machine : undefined) ?? {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  kernel: release(),
  date: new Date().toISOString(),
};
// Above this 1-min load average before a bench, something besides the bench was running: on 2 cores
// a broker and a ClickHouse server at rest stay well under it.
const quietLoad = 0.75 * machine.cores;
const settleMs = Number(process.env.BENCH_SETTLE_S ?? 90) * 1000;
const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
async function settle() {
  const until = Date.now() + settleMs;
  while (load1() > quietLoad && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
}

const benches = [];
let failed = 0;
for (const file of files) {
  const name = relative(repo, file);
  await settle();
  const loadBefore = load1();
  process.stdout.write(`\n▶ ${name} (1-min load average ${loadBefore})\n`);
  const started = Date.now();
  const r = spawnSync(join(repo, 'node_modules', '.bin', 'tsx'), [file], {
    cwd: repo,
    env: { ...process.env, NODE_OPTIONS: '--expose-gc', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (r.stdout ?? '').trim().split('\n');
  for (const l of lines.slice(0, -1)) process.stdout.write(`  ${l}\n`);
  let parsed;
  try {
    parsed = JSON.parse(lines.at(-1) ?? '');
  } catch {
    parsed = undefined;
  }
  if (r.status !== 0 || parsed === undefined || !Array.isArray(parsed.results)) {
    failed += 1;
    benches.push({
      bench: name,
      error: `exit ${r.status ?? r.signal}; no result line`,
      ranAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      load: { before: loadBefore, after: load1() },
    });
    process.stdout.write(`  ✖ failed (exit ${r.status ?? r.signal})\n`);
    continue;
  }
  // A bench that ran some of its parts (`partial`) keeps the other parts' rows from the last run.
  if (parsed.partial === true) {
    const before = (previous.benches ?? []).find((b) => (b.file ?? b.bench) === name);
    const fresh = new Set(parsed.results.map((r) => r.metric));
    const kept = (before?.results ?? [])
      .filter((r) => !fresh.has(r.metric))
      .map((r) => ({ ...r, notes: `${r.notes ?? ''} (kept from the run of ${before.ranAt})` }));
    parsed.results = [...parsed.results, ...kept];
    delete parsed.partial;
  }
  benches.push({
    ...parsed,
    file: name,
    ranAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    load: { before: loadBefore, after: load1() },
  });
  for (const res of parsed.results)
    process.stdout.write(
      `  ${res.metric}: ${res.value} ${res.unit}${res.target ? ` (target ${res.target})` : ''}\n`,
    );
}

if (filters.length > 0 || render) {
  const ran = new Set(benches.map((b) => b.file ?? b.bench));
  for (const b of previous.benches ?? []) {
    if (!ran.has(b.file ?? b.bench)) benches.push({ ...b, ranAt: b.ranAt ?? previous.machine?.date });
  }
  benches.sort((a, b) => String(a.file ?? a.bench).localeCompare(String(b.file ?? b.bench)));
}

const fmt = (v) =>
  typeof v === 'number'
    ? Math.abs(v) >= 1000
      ? Math.round(v).toLocaleString('en-US')
      : String(Math.round(v * 1000) / 1000)
    : String(v);
const loadCell = (b) => (b.load ? `${b.load.before} → ${b.load.after}` : '');
// On --render the previous table is the one being rebuilt: only rows it kept from earlier runs are kept.
const goals = buildGoals({
  benches,
  runStartedAt: machine.date,
  quietLoad,
  previous: render ? previous.goals?.filter((g) => !g.current) : previous.goals,
});
const goalsTable = [
  `Cost-per-call goals (issue #20), each a ratio to a baseline measured in the same bench file; a figure whose 1-min load average before its bench was above ${quietLoad} (${machine.cores} cores) is not quiet and does not count.`,
  '',
  goalsMarkdown(goals),
].join('\n');
const md = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Linux ${machine.kernel}; run ${machine.date}.`,
  '',
  goalsTable,
  '| benchmark | ran at | load avg before → after | metric | value | unit | target | baseline in the same run | notes |',
  '| --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
  ...benches.flatMap((b) =>
    b.error
      ? [`| ${b.bench} | ${b.ranAt ?? ''} | ${loadCell(b)} | — | failed | | | | ${b.error} |`]
      : b.results.map(
          (r) =>
            `| ${b.bench} | ${b.ranAt ?? ''} | ${loadCell(b)} | ${r.metric} | ${fmt(r.value)} | ${r.unit} | ${r.target ?? ''} | ${r.baseline ? `${r.baseline.metric}: ${fmt(r.baseline.value)} ${r.baseline.unit}` : ''} | ${(r.notes ?? '').replaceAll('|', '/')} |`,
        ),
  ),
  '',
].join('\n');
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(latest, `${JSON.stringify({ machine, quietLoad, goals, benches }, null, 2)}\n`);
writeFileSync(join(repo, 'bench', 'results', 'latest.md'), md);

// The README's generated block, formatted as `npm run check` expects.
const readmePath = join(repo, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const [start, end] = ['<!-- GOALS:START -->', '<!-- GOALS:END -->'];
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from >= 0 && to > from) {
  const block = await prettier.format(goalsTable, {
    ...(await prettier.resolveConfig(readmePath)),
    parser: 'markdown',
  });
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n\n${block}\n${readme.slice(to)}`);
}

process.stdout.write(
  `\n${md}\n${goalsTable}\nwrote bench/results/latest.json, latest.md and README.md's goals\n`,
);
process.exit(failed === 0 ? 0 : 1);

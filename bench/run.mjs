#!/usr/bin/env node
// Runs every services/*/bench/*.bench.ts (each prints one JSON line last) and writes
// bench/results/latest.json and bench/results/latest.md with the machine it ran on.
// Usage: node bench/run.mjs [substring-filter ...]
// With filters, results of benchmarks not run this time are kept from the previous latest.json, each
// with the date it ran (`ranAt`), so a partial rerun never drops figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const files = readdirSync(join(repo, 'services'))
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

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  kernel: release(),
  date: new Date().toISOString(),
};
const benches = [];
let failed = 0;
for (const file of files) {
  const name = relative(repo, file);
  process.stdout.write(`\n▶ ${name}\n`);
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
      seconds: (Date.now() - started) / 1000,
    });
    process.stdout.write(`  ✖ failed (exit ${r.status ?? r.signal})\n`);
    continue;
  }
  benches.push({
    ...parsed,
    file: name,
    ranAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  });
  for (const res of parsed.results)
    process.stdout.write(
      `  ${res.metric}: ${res.value} ${res.unit}${res.target ? ` (target ${res.target})` : ''}\n`,
    );
}

const latest = join(repo, 'bench', 'results', 'latest.json');
if (filters.length > 0 && existsSync(latest)) {
  const previous = JSON.parse(readFileSync(latest, 'utf8'));
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
const md = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Linux ${machine.kernel}; run ${machine.date}.`,
  '',
  '| benchmark | ran at | metric | value | unit | target | baseline in the same run | notes |',
  '| --- | --- | --- | ---: | --- | --- | --- | --- |',
  ...benches.flatMap((b) =>
    b.error
      ? [`| ${b.bench} | ${b.ranAt ?? ''} | — | failed | | | | ${b.error} |`]
      : b.results.map(
          (r) =>
            `| ${b.bench} | ${b.ranAt ?? ''} | ${r.metric} | ${fmt(r.value)} | ${r.unit} | ${r.target ?? ''} | ${r.baseline ? `${r.baseline.metric}: ${fmt(r.baseline.value)} ${r.baseline.unit}` : ''} | ${(r.notes ?? '').replaceAll('|', '/')} |`,
        ),
  ),
  '',
].join('\n');
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(repo, 'bench', 'results', 'latest.json'),
  `${JSON.stringify({ machine, benches }, null, 2)}\n`,
);
writeFileSync(join(repo, 'bench', 'results', 'latest.md'), md);
process.stdout.write(`\n${md}\nwrote bench/results/latest.json and latest.md\n`);
process.exit(failed === 0 ? 0 : 1);

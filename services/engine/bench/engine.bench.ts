// Engine speed and memory: in-process CDR/s on one core over pre-decoded generated traffic, and
// heap bytes per tracked caller over 1M callers. Prints the bench JSON contract line last.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCdr, readRecords } from '@ringfence/cdr';
import { generateToFiles } from '@ringfence/generator';
import type { ICallDetailRecord } from '@ringfence/proto';
import { Engine, loadRules, type EngineSink } from '../src/index.js';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const rules = loadRules();
const discard: EngineSink = { verdict() {}, tombstone() {}, alert() {} };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

const dir = mkdtempSync(join(tmpdir(), 'rf-engine-bench-'));
const { paths } = await generateToFiles({ subscribers: 20_000, hours: 24, seed: 11 }, join(dir, 'b.jsonl'));
const cdrs: ICallDetailRecord[] = [];
for await (const rec of readRecords(paths.cdrs)) {
  const r = parseCdr(rec.value);
  if (r.ok) cdrs.push(r.value);
}
rmSync(dir, { recursive: true, force: true });

// Throughput: the whole engine (number stage, source stage, verdicts) on pre-decoded CDRs.
const rates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const engine = new Engine(rules, discard);
  const t0 = performance.now();
  for (const c of cdrs) engine.onCdr(c);
  rates.push(cdrs.length / ((performance.now() - t0) / 1000));
}
// Baseline in the same run: just iterating the records and reading the fields the engine reads.
const baseRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let x = 0;
  const t0 = performance.now();
  for (const c of cdrs) x += Number(c.setupTimeMs) + (c.calling?.e164?.length ?? 0);
  baseRates.push(cdrs.length / ((performance.now() - t0) / 1000) + (x === -1 ? 1 : 0));
}

// Memory: 1M distinct ordinary callers, two calls each, all in the tiny state.
const CALLERS = Number(process.env['BENCH_CALLERS'] ?? 1_000_000);
const template = cdrs.find((c) => c.ingressCarrier === 'ON-NET' && Number(c.answerTimeMs) > 0)!;
const engine = new Engine(rules, discard);
gc();
const before = process.memoryUsage().heapUsed;
const start = Number(template.setupTimeMs);
for (let i = 0; i < CALLERS; i++) {
  const e164 = `+86138${String(i).padStart(8, '0')}`;
  const c = {
    ...template,
    calling: { raw: e164, e164, valid: true },
    asserted: null,
    setupTimeMs: start + i,
    deviceId: '',
  };
  engine.onCdr(c);
}
gc();
const tracked = engine.numbers.stage.states.size;
const perCaller = (process.memoryUsage().heapUsed - before) / tracked;

const result = {
  bench: 'engine/engine',
  results: [
    {
      metric: 'engine throughput (pre-decoded CDRs, one core)',
      value: Math.round(median(rates)),
      unit: 'CDR/s',
      target: '>= 500000',
      baseline: { metric: 'iterate records only', value: Math.round(median(baseRates)), unit: 'CDR/s' },
      notes: `${cdrs.length} generated CDRs (20k subscribers, 24h), median of ${ROUNDS} rounds`,
    },
    {
      metric: 'heap per tracked caller',
      value: Math.round(perCaller),
      unit: 'bytes',
      target: '<= 512',
      notes: `${tracked} callers in the tiny state; heapUsed delta after gc, includes map entry and key string`,
    },
  ],
};
process.stdout.write(`${JSON.stringify(result)}\n`);

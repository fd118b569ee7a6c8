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
const usPerCdr = (rate: number): string => (1e6 / rate).toFixed(2);

const dir = mkdtempSync(join(tmpdir(), 'rf-engine-bench-'));
const { paths } = await generateToFiles({ subscribers: 20_000, hours: 24, seed: 11 }, join(dir, 'b.jsonl'));
const cdrs: ICallDetailRecord[] = [];
for await (const rec of readRecords(paths.cdrs)) {
  const r = parseCdr(rec.value);
  if (r.ok) cdrs.push(r.value);
}
rmSync(dir, { recursive: true, force: true });

// Throughput: the whole engine (number stage, source stage, verdicts) on pre-decoded CDRs.
function engineRound(): number {
  const engine = new Engine(rules, discard);
  gc();
  const t0 = performance.now();
  for (const c of cdrs) engine.onCdr(c);
  return cdrs.length / ((performance.now() - t0) / 1000);
}

// Baseline: the floor of any engine on this traffic. Per CDR it only finds (or creates) the caller's,
// trunk's, carrier's and device's state in a Map and bumps two fields of each: no flags, windows,
// sketches or scores. What is left of 2 µs a CDR (500k/s) after it is the budget for all the features.
interface Tally {
  calls: number;
  lastMs: number;
}
function tally(m: Map<string, Tally>, key: string, timeMs: number): void {
  let t = m.get(key);
  if (t === undefined) {
    t = { calls: 0, lastMs: 0 };
    m.set(key, t);
  }
  t.calls++;
  t.lastMs = timeMs;
}
function floorRound(): number {
  const callers = new Map<string, Tally>();
  const trunks = new Map<string, Tally>();
  const carriers = new Map<string, Tally>();
  const devices = new Map<string, Tally>();
  gc();
  const t0 = performance.now();
  for (const c of cdrs) {
    const timeMs = Number(c.setupTimeMs);
    tally(callers, c.calling?.e164 || c.calling?.raw || '', timeMs);
    if (c.ingressTrunk) tally(trunks, c.ingressTrunk, timeMs);
    if (c.ingressCarrier) tally(carriers, c.ingressCarrier, timeMs);
    if (c.deviceId) tally(devices, c.deviceId, timeMs);
  }
  return cdrs.length / ((performance.now() - t0) / 1000);
}

// Alternating, so the machine's drift lands on both alike.
const rates: number[] = [];
const baseRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  rates.push(engineRound());
  baseRates.push(floorRound());
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
    // Each a call of its own: copies of one call_id would be ignored as resends.
    callId: `mem-${i}`,
    calling: { raw: e164, e164, valid: true },
    asserted: null,
    setupTimeMs: start + i,
    deviceId: '',
  };
  engine.onCdr(c);
}
gc();
const tracked = engine.numbers[0]!.stage.states.size;
const perCaller = (process.memoryUsage().heapUsed - before) / tracked;

// What a miss of the engine's state costs on this machine: a chase of dependent loads through a
// random cycle of 64-byte lines, in a working set that fits the caches and in one that does not.
function loadLatencyNs(bytes: number): number {
  const lines = bytes / 64;
  const order = Uint32Array.from({ length: lines }, (_, i) => i);
  let seed = 7;
  for (let i = lines - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const next = new Int32Array(bytes / 4);
  for (let i = 0; i < lines; i++) next[order[i]! * 16] = order[(i + 1) % lines]! * 16;
  const steps = 2_000_000;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    let p = 0;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) p = next[p]!;
    times.push(((performance.now() - t0) * 1e6) / steps + (p < 0 ? 1 : 0));
  }
  return median(times);
}
const missNs = loadLatencyNs(64 * 2 ** 20);
const hitNs = loadLatencyNs(256 * 2 ** 10);

const result = {
  bench: 'engine/engine',
  results: [
    {
      metric: 'engine throughput (pre-decoded CDRs, one core)',
      value: Math.round(median(rates)),
      unit: 'CDR/s',
      target: '>= 500000',
      baseline: {
        metric: 'floor: find the caller, trunk, carrier and device state in Maps, bump two fields',
        value: Math.round(median(baseRates)),
        unit: 'CDR/s',
      },
      notes: `${cdrs.length} generated CDRs (20k subscribers, 24h), median of ${ROUNDS} rounds, a gc before each; ${usPerCdr(median(rates))} µs a CDR against the floor's ${usPerCdr(median(baseRates))}`,
    },
    {
      metric: 'heap per tracked caller',
      value: Math.round(perCaller),
      unit: 'bytes',
      target: '<= 512',
      notes: `${tracked} callers in the tiny state; heapUsed delta after gc, includes map entry and key string`,
    },
    {
      metric: 'machine: one dependent load, 64 MB working set',
      value: Math.round(missNs * 10) / 10,
      unit: 'ns',
      baseline: { metric: '256 KB working set', value: Math.round(hitNs * 10) / 10, unit: 'ns' },
      notes:
        'random cycle of 64-byte lines, 2M loads, median of 5: the price of each cache line of state a call misses',
    },
  ],
};
process.stdout.write(`${JSON.stringify(result)}\n`);

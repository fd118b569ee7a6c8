// Benchmarks the risk view at a carrier's size: memory per number, the time of a full garbage
// collection with the view loaded (what a replica's Check stops for once a second or so at
// thousands of calls a second) and how fast verdicts are applied (risk-api.bench.ts times lookups).
// The baseline of the collection is the same process's full collection with the view empty.
// Run with `--expose-gc` (bench/run.mjs passes it).
import { Level, riskv1, SubjectKind, type IReason } from '@ringfence/proto';
import { createPolicy, riskApiConfigSchema, RiskView } from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench passes it)');

const quick = process.env['BENCH_QUICK'] === '1';
const NUMBERS = quick ? 200_000 : 1_000_000;
// Distinct verdict bodies (score, level, category, reasons) among the numbers: a carrier's verdicts
// repeat their reasons, whose values sit near the rules' thresholds.
const BODIES = 20_000;

const config = riskApiConfigSchema.parse({
  grpcHost: '127.0.0.1',
  grpcPort: 0,
  authTokens: { 'bench-switch-token-0123456789': 'bench' },
});
const policy = createPolicy(config);

const CODES = [
  'CALLS_PER_HOUR',
  'DISTINCT_CALLEES_1H',
  'SHORT_CALL_RATIO',
  'ONE_RING_RATIO',
  'SEQUENTIAL_DIALING',
];
const CATEGORIES = ['robocall', 'scam', 'telemarketing', 'wangiri', 'spoofing'];
function body(b: number): { score: number; level: Level; category: string; reasons: IReason[] } {
  const reasons: IReason[] = [];
  for (let r = 0; r <= b % 3; r++) {
    reasons.push({
      code: CODES[(b + r) % CODES.length] ?? '',
      value: 40 + ((b * 7 + r) % 500),
      threshold: 40,
      window: r === 2 ? '24h' : '1h',
      points: 10 + ((b + r) % 30),
    });
  }
  return {
    score: 40 + (b % 60),
    level: [Level.LEVEL_LOW, Level.LEVEL_MEDIUM, Level.LEVEL_HIGH][b % 3] ?? Level.LEVEL_LOW,
    category: CATEGORIES[b % CATEGORIES.length] ?? '',
    reasons,
  };
}
const bodies = Array.from({ length: BODIES }, (_, b) => body(b));
const number = (i: number): string => `+86139${String(100_000_000 + i).slice(-8)}`;
const verdictBytes = (i: number): Uint8Array =>
  riskv1.RiskVerdict.encode({
    kind: SubjectKind.SUBJECT_KIND_NUMBER,
    id: number(i),
    ...bodies[i % BODIES],
    updatedMs: 1_750_000_000_000 + i,
  }).finish();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;
const settled = (): { heap: number; offHeap: number } => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, offHeap: m.arrayBuffers };
};
// A full collection, timed: gc() is a whole stop-the-world mark-compact, the worst a running
// replica meets (its own full collections mark concurrently, then finish in one pause).
const fullGcMs = (): number => {
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    gc();
    times.push(performance.now() - start);
  }
  return median(times);
};

const view = new RiskView(policy);
const before = settled();
const emptyGcMs = fullGcMs();

// Apply rate: verdicts already on the wire format, decoded and applied as the loader does.
const applyRounds: number[] = [];
const CHUNK = 50_000;
for (let from = 0; from < NUMBERS; from += CHUNK) {
  const chunk = Array.from({ length: Math.min(CHUNK, NUMBERS - from) }, (_, k) => verdictBytes(from + k));
  const keys = chunk.map((_, k) => number(from + k));
  const start = performance.now();
  for (let k = 0; k < chunk.length; k++) view.applyCaller(keys[k] ?? '', chunk[k] ?? null);
  applyRounds.push((chunk.length / (performance.now() - start)) * 1000);
}
const after = settled();
const loadedGcMs = fullGcMs();
const heapPerNumber = (after.heap - before.heap) / NUMBERS;
const offHeapPerNumber = (after.offHeap - before.offHeap) / NUMBERS;

if (view.sizes().number !== NUMBERS) throw new Error(`view holds ${view.sizes().number}, not ${NUMBERS}`);

const perNumber = heapPerNumber + offHeapPerNumber;
const shape = `${NUMBERS.toLocaleString('en')} numbers, ${BODIES.toLocaleString('en')} distinct verdict bodies (1–3 reasons each)`;
process.stdout.write(
  `${JSON.stringify({
    bench: 'risk-api/view',
    results: [
      {
        metric: 'risk view memory per number',
        value: round(perNumber),
        unit: 'bytes',
        target: '<= 64',
        notes: `${round(heapPerNumber)} B on the JavaScript heap, ${round(offHeapPerNumber)} B in typed arrays; ${shape}; heapUsed and arrayBuffers after full collections, before and after loading`,
      },
      {
        metric: 'full garbage collection with the view loaded',
        value: round(loadedGcMs),
        unit: 'ms',
        baseline: { metric: 'the same with the view empty', value: round(emptyGcMs), unit: 'ms' },
        notes: `median of 7 forced stop-the-world collections (gc()); ${shape}`,
      },
      {
        metric: 'verdicts applied to the view',
        value: Math.round(median(applyRounds)),
        unit: 'verdicts/s',
        notes: `median over chunks of ${CHUNK.toLocaleString('en')} while loading ${shape}; decode, policy and store`,
      },
    ],
  })}\n`,
);

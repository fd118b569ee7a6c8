// Benchmarks the risk-api: unary Check latency at rising rates (to p99 > 10 ms), CheckBatch and
// CheckStream throughput, and in-process lookups; a plain @grpc/grpc-js unary echo server is the
// baseline, and a minimal gRPC echo on bare node:http2 (no grpc-js) shows what a hand-written fast
// path could at best gain. The servers run here, the load generator in a separate process on
// loopback; both share the machine's cores (2 on the reference machine), so client cost is inside
// every figure. The load generator's own CPU per call is measured too (grpc-js client vs raw client).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Http2Server } from 'node:http2';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { createLogger, Registry } from '@ringfence/common';
import { Level, riskv1, SubjectKind, type ICheckRequest } from '@ringfence/proto';
import {
  createDecider,
  createPolicy,
  RISK_API_NODE_FLAGS,
  riskApiConfigSchema,
  RiskView,
  startRiskServer,
} from '../src/index.js';
import { highestHeld, ladderRates, medianLadder, type Step } from './ladder.js';

// The servers run with the node flags the risk-api is deployed with (the echo baselines share them):
// started without them, this file runs itself again with them.
if (!RISK_API_NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const self = spawnSync(
    process.execPath,
    [...process.execArgv, ...RISK_API_NODE_FLAGS, fileURLToPath(import.meta.url)],
    { stdio: 'inherit' },
  );
  process.exit(self.status ?? 1);
}

const TOKEN = 'bench-switch-token-0123456789';
const quick = process.env['BENCH_QUICK'] === '1';
// Other work on the machine skews every figure here; the notes record how busy it was.
const loadAtStart = loadavg()[0] ?? NaN;

const config = riskApiConfigSchema.parse({
  grpcHost: '127.0.0.1',
  grpcPort: 0,
  authTokens: { [TOKEN]: 'bench' },
  maxInFlight: 100_000,
  maxBatchChecks: 100_000,
  maxMessageBytes: 64 * 1024 * 1024,
});

// A view of 200k risky numbers and a few hundred trunks; half the checked numbers hit it.
const policy = createPolicy(config);
const view = new RiskView(policy);
const verdict = (kind: SubjectKind, id: string, i: number): Buffer =>
  Buffer.from(
    riskv1.RiskVerdict.encode({
      kind,
      id,
      score: 40 + (i % 60),
      level: [Level.LEVEL_LOW, Level.LEVEL_MEDIUM, Level.LEVEL_HIGH][i % 3],
      category: ['robocall', 'scam', 'telemarketing', 'wangiri'][i % 4],
      reasons: [{ code: 'CALLS_PER_HOUR', value: 300, threshold: 100, window: '1h', points: 40 }],
      updatedMs: 1_700_000_000_000 + i,
    }).finish(),
  );
const risky = (i: number): string => `+86139${String(10_000_000 + i).slice(-8)}`;
for (let i = 0; i < 200_000; i++)
  view.applyCaller(risky(i), verdict(SubjectKind.SUBJECT_KIND_NUMBER, risky(i), i));
const trunks = Array.from({ length: 300 }, (_, i) => `TR-${i}`);
trunks.forEach((t, i) => view.applySource(`trunk:${t}`, verdict(SubjectKind.SUBJECT_KIND_TRUNK, t, i)));
const numbers = Array.from({ length: 20_000 }, (_, i) =>
  i % 2 === 0 ? risky(i * 7) : `+86135${String(20_000_000 + i).slice(-8)}`,
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// In-process lookup: request → answer, the work the handler does per check minus the wire.
function lookupRate(): number {
  const decide = createDecider(view, policy, config);
  const reqs: ICheckRequest[] = numbers.map((n, i) => ({
    calling: n,
    called: '+8613700000000',
    ingressTrunk: trunks[i % trunks.length] ?? '',
    ingressCarrier: 'CARRIER-1',
  }));
  const rounds: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const n = quick ? 300_000 : 1_000_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) sink += decide(reqs[i % reqs.length] as ICheckRequest).answer.score;
    rounds.push((n / (performance.now() - start)) * 1000);
  }
  if (sink < 0) throw new Error('unreachable');
  return median(rounds);
}

async function startEcho(): Promise<{ port: number; server: Server }> {
  // Channelz off, as on the risk-api's server: the baseline pays for nothing Check's server does not.
  const server = new Server({ 'grpc.max_concurrent_streams': 1_000, 'grpc.enable_channelz': 0 });
  const pass = (b: Buffer): Buffer => b;
  server.addService(
    {
      Echo: {
        path: '/bench.Echo/Echo',
        requestStream: false,
        responseStream: false,
        requestSerialize: pass,
        requestDeserialize: pass,
        responseSerialize: pass,
        responseDeserialize: pass,
      },
    },
    { Echo: (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => cb(null, call.request) },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return { port, server };
}

/**
 * The least a gRPC unary server can do on node:http2: echo the length-prefixed request as the
 * response, then `grpc-status: 0` trailers. No auth, deadlines, decoding or metrics: a lower bound.
 */
async function startH2Echo(): Promise<{ port: number; server: Http2Server }> {
  const server = createServer();
  server.on('stream', (stream) => {
    const chunks: Buffer[] = [];
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address !== null ? address.port : 0, server };
}

const lookups = lookupRate();
process.stderr.write(`in-process lookups: ${Math.round(lookups)}/s\n`);

const risk = await startRiskServer(config, {
  logger: createLogger('bench', 'silent'),
  registry: new Registry(),
  view,
});
risk.setReady(true);
const echo = await startEcho();
const h2echo = await startH2Echo();

const plan = {
  riskPort: risk.port,
  echoPort: echo.port,
  h2EchoPort: h2echo.port,
  token: TOKEN,
  rates: quick ? ladderRates(500, 25_000).filter((_, i) => i % 3 === 0) : ladderRates(400, 25_000),
  mustReach: 2_000,
  stepMs: quick ? 1_000 : 2_000,
  numbers,
  trunks,
  batchSize: 1_000,
  throughputMs: quick ? 1_000 : 2_000,
  rounds: quick ? 1 : 3,
};
const here = fileURLToPath(new URL('.', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
// Server-process CPU per request (or per check) in each phase: unlike latency, barely moved by other
// load on the machine, so it shows what one core could serve. A phase is marked once or once per
// ladder step (interleaved with other phases); its CPU and calls add up over its marks.
const cpuAtStart = new Map<string, NodeJS.CpuUsage>();
const cpuUsed = new Map<string, { us: number; items: number }>();
const cpuPerItem = (phase: string): number | undefined => {
  const c = cpuUsed.get(phase);
  return c === undefined ? undefined : c.us / Math.max(1, c.items);
};
// GC pauses of the server process by the phase they fell in (a pause is a stall for every call).
const gcByPhase = new Map<string, { n: number; ms: number; maxMs: number; major: number }>();
let phaseNow = '';
const gcObserver = new PerformanceObserver((list) => {
  const g = gcByPhase.get(phaseNow);
  if (g === undefined) return;
  for (const e of list.getEntries()) {
    g.n += 1;
    g.ms += e.duration;
    g.maxMs = Math.max(g.maxMs, e.duration);
    const detail = (e as PerformanceEntry & { detail?: { kind?: number } }).detail;
    if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) g.major += 1;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
// BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the server process for each marked unary step,
// Check's (unary-N) and the grpc-js echo's (echo-N), for bench/profile-areas.mjs (figures then suffer).
const profileDir = process.env['BENCH_PROFILE_DIR'];
const profiler = profileDir === undefined ? undefined : new Session();
profiler?.connect();
profiler?.post('Profiler.enable');
let profiled = 0;
const profileStart = (phase: string): void => {
  if (phase === 'unary' || phase === 'echo') profiler?.post('Profiler.start');
};
const profileEnd = (phase: string): void => {
  if (profileDir === undefined || (phase !== 'unary' && phase !== 'echo')) return;
  const file = join(profileDir, `${phase}-${++profiled}.cpuprofile`);
  profiler?.post('Profiler.stop', (err, r) => {
    if (err === null) writeFileSync(file, JSON.stringify(r.profile));
  });
};
const planDir = mkdtempSync(join(tmpdir(), 'risk-bench-'));
const planFile = join(planDir, 'plan.json');
writeFileSync(planFile, JSON.stringify(plan));
const out = await new Promise<string>((resolve, reject) => {
  const child = spawn(tsx, [`${here}load-gen.ts`, planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buf = '';
  let pending = '';
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const m = /^MARK (\w+) (start|end) (\d+)$/.exec(line);
      if (m === null) {
        buf += `${line}\n`;
      } else if (m[2] === 'start') {
        profileStart(m[1] ?? '');
        phaseNow = m[1] ?? '';
        if (!gcByPhase.has(phaseNow)) gcByPhase.set(phaseNow, { n: 0, ms: 0, maxMs: 0, major: 0 });
        cpuAtStart.set(m[1] ?? '', process.cpuUsage());
      } else {
        const used = process.cpuUsage(cpuAtStart.get(m[1] ?? ''));
        const c = cpuUsed.get(m[1] ?? '') ?? { us: 0, items: 0 };
        c.us += used.user + used.system;
        c.items += Number(m[3]);
        cpuUsed.set(m[1] ?? '', c);
        profileEnd(m[1] ?? '');
        phaseNow = '';
      }
    }
  });
  child.on('error', reject);
  child.on('exit', (code) =>
    code === 0 ? resolve(buf) : reject(new Error(`load generator exited ${code}`)),
  );
});
const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
  clients: { grpcJs: Step[]; raw: Step[] };
  /** Per round, that round's ladder. */
  echo: Step[][];
  h2echo: Step[][];
  risk: Step[][];
  batch: number[];
  stream: number[];
};
rmSync(planDir, { recursive: true, force: true });
await risk.close();
echo.server.forceShutdown();
h2echo.server.close();
profiler?.disconnect();

const riskLadder = medianLadder(result.risk);
const echoLadder = medianLadder(result.echo);
const h2Ladder = medianLadder(result.h2echo);
const at = (steps: Step[], rate: number): Step | undefined => steps.find((s) => s.rate === rate);
const r2k = at(riskLadder, 2_000);
const e2k = at(echoLadder, 2_000);
// The goal holds "in every run": each round's Check ladder over the echo's ladder of the same round
// (climbed interleaved with it), and the row reports the round with the lowest ratio. A round where
// the echo held no step gives no ratio; when none gives one, the row's baseline is 0 (no ratio).
const perRound = result.risk.map((steps, r) => {
  const check = highestHeld(steps);
  const base = highestHeld(result.echo[r] ?? []);
  return { check, base, ratio: base > 0 ? check / base : undefined };
});
const worst = perRound.reduce<{ check: number; base: number; ratio?: number | undefined }>(
  (a, b) => (b.ratio !== undefined && (a.ratio === undefined || b.ratio < a.ratio) ? b : a),
  { check: 0, base: 0 },
);
const medianRatio =
  highestHeld(echoLadder) > 0 ? highestHeld(riskLadder) / highestHeld(echoLadder) : undefined;
const round = (v: number | undefined, d = 3): number =>
  v === undefined ? NaN : Math.round(v * 10 ** d) / 10 ** d;
const gcNote = (phase: string): string => {
  const g = gcByPhase.get(phase);
  return g === undefined
    ? '—'
    : `${g.n} pauses (${g.major} mark-compact), ${round(g.ms, 1)} ms in all, longest ${round(g.maxMs, 1)} ms`;
};
const cpuNote = (phase: string, unit: string): string => {
  const us = cpuPerItem(phase);
  return us === undefined
    ? ''
    : `server CPU ${round(us, 2)} µs per ${unit} (≈ ${Math.round(1e6 / us)}/s per core)`;
};
const retries = (rounds: readonly (readonly Step[])[]): number =>
  rounds.reduce((n, steps) => n + steps.filter((st) => st.retried === true).length, 0);
const ladderNote = (steps: Step[]): string =>
  steps
    .map(
      (s) =>
        `${s.rate}/s→${s.achieved}/s p50/p99/p99.9 ${round(s.p50, 2)}/${round(s.p99, 2)}/${round(s.p999, 2)} ms` +
        (s.errors + s.shed > 0 ? ` (${s.errors} errors, ${s.shed} shed)` : ''),
    )
    .join(', ');
const shared = `servers (risk-api and both echoes) run with ${RISK_API_NODE_FLAGS.join(' ')}, as the risk-api is deployed; load generator in a separate process on loopback, sharing the same cores as the server; 1-min load average ${round(loadAtStart, 1)} at start, ${round(loadavg()[0], 1)} at end`;
const clientCpu = (steps: Step[]): number => median(steps.map((s) => s.clientCpuUs));
const h2k = at(h2Ladder, 2_000);

for (const [name, steps] of [
  ['risk Check', riskLadder],
  ['grpc-js echo', echoLadder],
  ['node:http2 echo', h2Ladder],
] as const) {
  for (const s of steps) process.stdout.write(`${name.padEnd(16)} ${JSON.stringify(s)}\n`);
}

process.stdout.write(
  `${JSON.stringify({
    bench: 'risk-api/risk-api',
    results: [
      {
        metric: 'unary Check p99 at 2000 req/s',
        value: round(r2k?.p99),
        unit: 'ms',
        target: '<= 2',
        baseline: { metric: 'grpc-js unary echo p99 at 2000 req/s', value: round(e2k?.p99), unit: 'ms' },
        notes: `p50 ${round(r2k?.p50)} ms, p99.9 ${round(r2k?.p999)} ms (grpc-js echo p50 ${round(e2k?.p50)}, p99.9 ${round(e2k?.p999)}; node:http2 echo p50/p99/p99.9 ${round(h2k?.p50)}/${round(h2k?.p99)}/${round(h2k?.p999)}); open loop, latency from intended send time, raw HTTP/2 client; ${shared}`,
      },
      {
        metric: 'unary Check highest rate with p99 <= 10 ms',
        value: worst.check,
        unit: 'req/s',
        target: '>= 5000',
        baseline: { metric: 'grpc-js unary echo, same ladder', value: worst.base, unit: 'req/s' },
        notes: `the round with the lowest ratio of ${perRound.length}; per round Check/echo ${perRound.map((p) => `${p.check}/${p.base} = ${p.ratio === undefined ? '—' : round(p.ratio, 2)}`).join(', ')}; on the rounds' medians per rate ${highestHeld(riskLadder)}/${highestHeld(echoLadder)} = ${medianRatio === undefined ? '—' : round(medianRatio, 2)}; ladder ×1.122 a step (${plan.rates[0]}/s up), each rate ${plan.stepMs / 1000} s per round, Check and echo interleaved at each rate; a step that missed ran once more at once and a round ends at a rate that missed twice in a row (steps run twice, all rounds: Check ${retries(result.risk)}, echo ${retries(result.echo)}); medians of the rounds: risk: ${ladderNote(riskLadder)}; grpc-js echo: ${ladderNote(echoLadder)}; node:http2 echo, one round (max ${highestHeld(h2Ladder)}/s): ${ladderNote(h2Ladder)}; one connection, raw HTTP/2 client; ${shared}`,
      },
      {
        metric: 'server CPU per unary Check',
        value: round(cpuPerItem('unary'), 2),
        unit: 'µs',
        baseline: {
          metric: 'server CPU per grpc-js unary echo',
          value: round(cpuPerItem('echo'), 2),
          unit: 'µs',
        },
        notes: `process.cpuUsage of the server process over its ladder steps divided by answered calls; ${cpuNote('unary', 'Check')}; a minimal gRPC echo on bare node:http2 (no grpc-js, no auth, no decoding): ${round(cpuPerItem('h2echo'), 2)} µs a call, the most a hand-written fast path could save; server GC during the Check steps: ${gcNote('unary')}; during the grpc-js echo steps: ${gcNote('echo')}`,
      },
      {
        metric: 'load generator CPU per unary call, raw HTTP/2 client',
        value: round(clientCpu(result.clients.raw), 1),
        unit: 'µs',
        baseline: {
          metric: 'load generator CPU per unary call, grpc-js client',
          value: round(clientCpu(result.clients.grpcJs), 1),
          unit: 'µs',
        },
        notes: `same grpc-js echo server, open loop at 1000 req/s, medians of ${result.clients.raw.length} alternating rounds (raw ${result.clients.raw.map((s) => s.clientCpuUs).join(', ')}; grpc-js ${result.clients.grpcJs.map((s) => s.clientCpuUs).join(', ')}); p99 raw ${round(median(result.clients.raw.map((s) => s.p99)), 2)} ms vs grpc-js ${round(median(result.clients.grpcJs.map((s) => s.p99)), 2)} ms; the client shares the server's cores, so its cost is latency in every ladder`,
      },
      {
        metric: 'CheckBatch throughput',
        value: Math.round(median(result.batch)),
        unit: 'checks/s',
        target: '>= 100000',
        notes: `median of ${result.batch.length} rounds (${result.batch.join(', ')}), ${plan.batchSize} checks per batch, 4 in flight; ${cpuNote('batch', 'check')}; ${shared}`,
      },
      {
        metric: 'CheckStream throughput',
        value: Math.round(median(result.stream)),
        unit: 'checks/s',
        target: '>= 100000',
        notes: `median of ${result.stream.length} rounds (${result.stream.join(', ')}), one stream, ${plan.batchSize} checks per message, 8 messages in flight; ${cpuNote('stream', 'check')}; ${shared}`,
      },
      {
        metric: 'in-process lookup (request → answer)',
        value: Math.round(lookups),
        unit: 'lookups/s',
        target: '>= 1000000',
        notes:
          'median of 5 rounds; E.164 check, allowlist, number + trunk + carrier maps; 200k numbers in the view, half the lookups hit',
      },
    ],
  })}\n`,
);
process.exit(0);

// Load generator for risk-api.bench.ts, run in its own process so client and server do not share an
// event loop (they still share the machine's cores). Reads a JSON plan from the file named by argv[2], prints one JSON
// line of results. The unary ladders use RawGrpcClient (HTTP/2 framed by hand, requests pre-encoded):
// grpc-js's own client costs several times the server's CPU per call, and on shared cores that cost
// would be measured as server latency. The client-cost phase measures both clients at the same rate.
// CheckBatch and CheckStream stay on grpc-js: with 1000 checks a message its per-call cost is noise.
import { readFileSync } from 'node:fs';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { riskv1 } from '@ringfence/proto';
import { RawGrpcClient } from './raw-h2-client.js';

interface Plan {
  riskPort: number;
  echoPort: number;
  h2EchoPort: number;
  token: string;
  rates: number[];
  stepMs: number;
  numbers: string[];
  trunks: string[];
  batchSize: number;
  throughputMs: number;
  rounds: number;
}

interface Step {
  rate: number;
  done: number;
  /** Load-generator CPU per answered call in this step (µs). */
  clientCpuUs: number;
  achieved: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  shed: number;
}

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Plan;
const pass = (b: Buffer): Buffer => b;
const metadata = new Metadata();
metadata.set('authorization', `Bearer ${plan.token}`);

const unaryRequests = plan.numbers.map((n, i) =>
  Buffer.from(
    riskv1.CheckRequest.encode({
      calling: n,
      called: '+8613700000000',
      ingressTrunk: plan.trunks[i % plan.trunks.length] ?? '',
      ingressCarrier: 'CARRIER-1',
      requestId: String(i),
    }).finish(),
  ),
);

function batchRequest(offset: number): Buffer {
  const checks = [];
  for (let i = 0; i < plan.batchSize; i++) {
    const k = (offset + i) % plan.numbers.length;
    checks.push({
      calling: plan.numbers[k],
      called: '+8613700000000',
      ingressTrunk: plan.trunks[k % plan.trunks.length] ?? '',
      requestId: String(k),
    });
  }
  return Buffer.from(riskv1.CheckBatchRequest.encode({ checks }).finish());
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Sends request `i` (an index into the pre-encoded requests); `done(ok)` when the call ends. */
type Send = (i: number, done: (ok: boolean) => void) => void;

/** The hand-framed client: requests prepared once per path, only the stream id changes per call. */
async function rawSender(port: number, path: string): Promise<{ send: Send; close: () => void }> {
  const client = new RawGrpcClient('127.0.0.1', port);
  await client.connected();
  const auth = { authorization: `Bearer ${plan.token}`, 'grpc-timeout': '10S' };
  const prepared = unaryRequests.map((m) => client.prepare(path, m, auth));
  return {
    send: (i, done) => client.call(prepared[i % prepared.length] as Buffer, (r) => done(r.ok)),
    close: () => client.close(),
  };
}

/** grpc-js's client with pass-through codecs: the cheapest way to drive grpc-js's own call stack. */
function grpcSender(port: number, path: string): { send: Send; close: () => void } {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure(), { 'grpc.enable_channelz': 0 });
  return {
    send: (i, done) =>
      client.makeUnaryRequest(
        path,
        pass,
        pass,
        unaryRequests[i % unaryRequests.length] as Buffer,
        metadata,
        { deadline: Date.now() + 10_000 },
        (err: ServiceError | null) => done(err === null),
      ),
    close: () => client.close(),
  };
}

/** Open loop at a fixed rate; latency is measured from the intended send time (no coordinated omission). */
async function unaryStep(send: Send, rate: number, ms: number): Promise<Step> {
  const total = Math.floor((rate * ms) / 1000);
  const lat = new Float64Array(total);
  let done = 0;
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  let shed = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const interval = 1000 / rate;
  await new Promise<void>((resolve) => {
    const finish = (): void => {
      if (done + errors + shed >= total) resolve();
    };
    const tick = (): void => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / interval) + 1);
      while (sent < due) {
        const intended = start + sent * interval;
        const i = sent;
        sent += 1;
        // Bound the client's own queue; anything beyond counts as shed by the client.
        if (inFlight >= 5_000) {
          shed += 1;
          continue;
        }
        inFlight += 1;
        send(i, (ok) => {
          inFlight -= 1;
          if (ok) lat[done++] = performance.now() - intended;
          else errors += 1;
          finish();
        });
      }
      finish();
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const sorted = lat.slice(0, done).sort();
  return {
    rate,
    done,
    clientCpuUs: Math.round(((used.user + used.system) / Math.max(1, done)) * 10) / 10,
    achieved: Math.round((done / elapsed) * 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    errors,
    shed,
  };
}

function medianOf(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Figure by figure medians of repeated runs at one rate; counts are summed. */
function medianStep(runs: Step[]): Step {
  const m = (k: 'clientCpuUs' | 'achieved' | 'p50' | 'p99' | 'p999'): number =>
    medianOf(runs.map((r) => r[k]));
  const sum = (k: 'done' | 'errors' | 'shed'): number => runs.reduce((n, r) => n + r[k], 0);
  return {
    rate: runs[0]?.rate ?? 0,
    done: sum('done'),
    clientCpuUs: m('clientCpuUs'),
    achieved: m('achieved'),
    p50: m('p50'),
    p99: m('p99'),
    p999: m('p999'),
    errors: sum('errors'),
    shed: sum('shed'),
  };
}

/** Tells the server process a phase starts or ends, so it can attribute its CPU time to the phase. */
function mark(phase: string, edge: 'start' | 'end', count = 0): void {
  process.stdout.write(`MARK ${phase} ${edge} ${count}\n`);
}

async function ladder(port: number, path: string, phase: string): Promise<Step[]> {
  const { send, close } = await rawSender(port, path);
  const steps: Step[] = [];
  await unaryStep(send, 500, 500); // warm-up: connection, JIT
  mark(phase, 'start');
  for (const rate of plan.rates) {
    // One pause (a GC, another process) decides a single run's p99 on these cores: each rate runs
    // `rounds` times and the step reports the median of each figure.
    const runs: Step[] = [];
    for (let r = 0; r < plan.rounds; r++) runs.push(await unaryStep(send, rate, plan.stepMs));
    const s = medianStep(runs);
    steps.push(s);
    process.stderr.write(`  ${phase} ${JSON.stringify(s)}\n`);
    // Past p99 10 ms the ladder ends, but never before the target rate of 2k/s has been measured,
    // and a step that cannot even reach 80% of its rate ends it (saturated: higher only queues).
    if ((s.p99 > 10 && rate >= 2_000) || s.achieved < rate * 0.8) break;
  }
  mark(
    phase,
    'end',
    steps.reduce((n, s) => n + s.done, 0),
  );
  close();
  return steps;
}

/** Load-generator CPU per call, grpc-js client vs the raw client, same server and rate, alternating rounds. */
async function clientCost(rate: number): Promise<{ grpcJs: Step[]; raw: Step[] }> {
  const path = '/bench.Echo/Echo';
  const grpc = grpcSender(plan.echoPort, path);
  const raw = await rawSender(plan.echoPort, path);
  await unaryStep(grpc.send, 500, 500);
  await unaryStep(raw.send, 500, 500);
  const out = { grpcJs: [] as Step[], raw: [] as Step[] };
  for (let r = 0; r < plan.rounds; r++) {
    out.grpcJs.push(await unaryStep(grpc.send, rate, plan.throughputMs));
    out.raw.push(await unaryStep(raw.send, rate, plan.throughputMs));
  }
  grpc.close();
  raw.close();
  return out;
}

async function batchThroughput(concurrency: number): Promise<number[]> {
  const client = new Client(`127.0.0.1:${plan.riskPort}`, credentials.createInsecure(), {
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  });
  const reqs = [0, 1, 2, 3].map((i) => batchRequest(i * plan.batchSize));
  const rounds: number[] = [];
  let total = 0;
  mark('batch', 'start');
  for (let r = 0; r < plan.rounds; r++) {
    let checks = 0;
    const until = performance.now() + plan.throughputMs;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (performance.now() < until) {
          await new Promise<void>((resolve, reject) =>
            client.makeUnaryRequest(
              '/ringfence.risk.v1.RiskService/CheckBatch',
              pass,
              pass,
              reqs[w % reqs.length] as Buffer,
              metadata,
              { deadline: Date.now() + 10_000 },
              (err: ServiceError | null) => (err ? reject(err) : resolve()),
            ),
          );
          checks += plan.batchSize;
        }
      }),
    );
    rounds.push(Math.round((checks / (performance.now() - start)) * 1000));
    total += checks;
  }
  mark('batch', 'end', total);
  client.close();
  return rounds;
}

async function streamThroughput(window: number): Promise<number[]> {
  const client = new Client(`127.0.0.1:${plan.riskPort}`, credentials.createInsecure(), {
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  });
  const reqs = [0, 1, 2, 3].map((i) => batchRequest(i * plan.batchSize));
  const rounds: number[] = [];
  let total = 0;
  mark('stream', 'start');
  for (let r = 0; r < plan.rounds; r++) {
    const call = client.makeBidiStreamRequest(
      '/ringfence.risk.v1.RiskService/CheckStream',
      pass,
      pass,
      metadata,
    );
    let answered = 0;
    let sent = 0;
    const start = performance.now();
    const until = start + plan.throughputMs;
    await new Promise<void>((resolve, reject) => {
      const pump = (): void => {
        while (sent - answered < window && performance.now() < until) {
          call.write(reqs[sent % reqs.length] as Buffer);
          sent += 1;
        }
        if (sent === answered && performance.now() >= until) {
          call.end();
          resolve();
        }
      };
      call.on('data', () => {
        answered += 1;
        pump();
      });
      call.on('error', reject);
      pump();
    });
    rounds.push(Math.round(((answered * plan.batchSize) / (performance.now() - start)) * 1000));
    total += answered * plan.batchSize;
    call.cancel();
  }
  mark('stream', 'end', total);
  client.close();
  return rounds;
}

const clients = await clientCost(1_000);
process.stderr.write(`  client cost ${JSON.stringify(clients)}\n`);
const echo = await ladder(plan.echoPort, '/bench.Echo/Echo', 'echo');
const h2echo = await ladder(plan.h2EchoPort, '/bench.Echo/Echo', 'h2echo');
const risk = await ladder(plan.riskPort, '/ringfence.risk.v1.RiskService/Check', 'unary');
const batch = await batchThroughput(4);
const stream = await streamThroughput(8);
process.stdout.write(`${JSON.stringify({ clients, echo, h2echo, risk, batch, stream })}\n`);

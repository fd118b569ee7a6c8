// Load generator for risk-api.bench.ts, run in its own process so client and server do not share an
// event loop (they still share the machine's cores). Reads a JSON plan from the file named by argv[2], prints one JSON
// line of results. The unary ladders use RawGrpcClient (HTTP/2 framed by hand, requests pre-encoded):
// grpc-js's own client costs several times the server's CPU per call, and on shared cores that cost
// would be measured as server latency. The client-cost phase measures both clients at the same rate.
// CheckBatch and CheckStream stay on grpc-js: with 1000 checks a message its per-call cost is noise.
import { readFileSync } from 'node:fs';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { riskv1 } from '@ringfence/proto';
import { medianLadder, stepHeld, type Step } from './ladder.js';
import { RawGrpcClient } from './raw-h2-client.js';

interface Plan {
  riskPort: number;
  echoPort: number;
  h2EchoPort: number;
  token: string;
  rates: number[];
  /** The ladder runs at least to here, whatever held, for the fixed-rate figures. */
  mustReach: number;
  stepMs: number;
  numbers: string[];
  trunks: string[];
  batchSize: number;
  throughputMs: number;
  rounds: number;
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

/** Tells the server process a phase starts or ends, so it can attribute its CPU time to the phase. */
function mark(phase: string, edge: 'start' | 'end', count = 0): void {
  process.stdout.write(`MARK ${phase} ${edge} ${count}\n`);
}

interface Target {
  phase: string;
  port: number;
  path: string;
}

/**
 * Climbs the rate ladder `rounds` times for each target, the targets' runs interleaved at each rate
 * (order alternating by round), so a target and its baseline are measured under the same load on
 * the machine. Each run is marked, so the server attributes its CPU to the target's phase. A step
 * that does not hold is run again at once; a target's round ends at its first step that does not
 * hold twice in a row, but every target runs to `mustReach`.
 * Returns, per target, each round's ladder.
 */
async function ladders(targets: readonly Target[], rounds: number): Promise<Map<string, Step[][]>> {
  const senders = await Promise.all(targets.map((t) => rawSender(t.port, t.path)));
  for (const s of senders) await unaryStep(s.send, 500, 500); // warm-up: connection, JIT
  const out = new Map(targets.map((t) => [t.phase, Array.from({ length: rounds }, (): Step[] => [])]));
  const ended = new Set<string>();
  for (const rate of plan.rates) {
    for (let r = 0; r < rounds; r++) {
      for (let j = 0; j < targets.length; j++) {
        const k = r % 2 === 0 ? j : targets.length - 1 - j;
        const t = targets[k] as Target;
        const key = `${t.phase}/${r}`;
        if (ended.has(key) && rate > plan.mustReach) continue;
        const run = async (): Promise<Step> => {
          mark(t.phase, 'start');
          const s = await unaryStep((senders[k] as { send: Send }).send, rate, plan.stepMs);
          mark(t.phase, 'end', s.done);
          return s;
        };
        let s = await run();
        // A step that missed runs once more at once: one pause decides a step, saturation both.
        if (!stepHeld(s)) s = { ...(await run()), retried: true };
        out.get(t.phase)?.[r]?.push(s);
        if (!stepHeld(s)) ended.add(key);
      }
    }
    for (const t of targets) {
      const steps = out.get(t.phase) ?? [];
      process.stderr.write(`  ${t.phase} ${JSON.stringify(medianLadder(steps).at(-1))}\n`);
    }
    // Past the fixed-rate figures, climbing on only queues once every round has missed.
    if (rate >= plan.mustReach && ended.size === targets.length * rounds) break;
  }
  for (const s of senders) s.close();
  return out;
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
// Check and its baseline, the grpc-js echo, climb the ladder together; the bare node:http2 echo
// (a reference, not a baseline) once.
const paired = await ladders(
  [
    { phase: 'echo', port: plan.echoPort, path: '/bench.Echo/Echo' },
    { phase: 'unary', port: plan.riskPort, path: '/ringfence.risk.v1.RiskService/Check' },
  ],
  plan.rounds,
);
const h2 = await ladders([{ phase: 'h2echo', port: plan.h2EchoPort, path: '/bench.Echo/Echo' }], 1);
const echo = paired.get('echo') ?? [];
const risk = paired.get('unary') ?? [];
const h2echo = h2.get('h2echo') ?? [];
const batch = await batchThroughput(4);
const stream = await streamThroughput(8);
process.stdout.write(`${JSON.stringify({ clients, echo, h2echo, risk, batch, stream })}\n`);

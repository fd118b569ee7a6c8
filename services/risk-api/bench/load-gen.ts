// Load generator for risk-api.bench.ts, run in its own process so client and server do not share an
// event loop (they still share the machine's cores). Reads a JSON plan from the file named by argv[2], prints one JSON
// line of results. Pre-encoded requests and pass-through codecs keep the client's own cost small.
import { readFileSync } from 'node:fs';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { riskv1 } from '@ringfence/proto';

interface Plan {
  riskPort: number;
  echoPort: number;
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

/** Open loop at a fixed rate; latency is measured from the intended send time (no coordinated omission). */
async function unaryStep(client: Client, path: string, rate: number, ms: number): Promise<Step> {
  const total = Math.floor((rate * ms) / 1000);
  const lat = new Float64Array(total);
  let done = 0;
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  let shed = 0;
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
        const req = unaryRequests[sent % unaryRequests.length] as Buffer;
        sent += 1;
        // Bound the client's own queue; anything beyond counts as shed by the client.
        if (inFlight >= 5_000) {
          shed += 1;
          continue;
        }
        inFlight += 1;
        client.makeUnaryRequest(
          path,
          pass,
          pass,
          req,
          metadata,
          { deadline: Date.now() + 10_000 },
          (err: ServiceError | null) => {
            inFlight -= 1;
            if (err !== null) errors += 1;
            else lat[done++] = performance.now() - intended;
            finish();
          },
        );
      }
      finish();
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = performance.now() - start;
  const sorted = lat.slice(0, done).sort();
  return {
    rate,
    done,
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

async function ladder(port: number, path: string, phase: string): Promise<Step[]> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  const steps: Step[] = [];
  await unaryStep(client, path, 500, 500); // warm-up: connection, JIT
  mark(phase, 'start');
  for (const rate of plan.rates) {
    const s = await unaryStep(client, path, rate, plan.stepMs);
    steps.push(s);
    process.stderr.write(`  ${path} ${JSON.stringify(s)}\n`);
    if (s.p99 > 10) break;
  }
  mark(
    phase,
    'end',
    steps.reduce((n, s) => n + s.done, 0),
  );
  client.close();
  return steps;
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

const echo = await ladder(plan.echoPort, '/bench.Echo/Echo', 'echo');
const risk = await ladder(plan.riskPort, '/ringfence.risk.v1.RiskService/Check', 'unary');
const batch = await batchThroughput(4);
const stream = await streamThroughput(8);
process.stdout.write(`${JSON.stringify({ echo, risk, batch, stream })}\n`);

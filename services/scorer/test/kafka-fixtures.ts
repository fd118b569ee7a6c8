import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Admin, Kafka, Message } from 'kafkajs';
import { parseCdr, parseComplaint, readRecords } from '@ringfence/cdr';
import { createLogger, readToEnd, topicName } from '@ringfence/common';
import {
  countSeries,
  freePort,
  scrapeMetrics,
  sumMetric,
  until,
  type TestStack,
} from '@ringfence/common/testing';
import { subjectKey, type Verdict } from '@ringfence/engine';
import { cdrv1, riskv1, type ICallDetailRecord, type IComplaintEvent } from '@ringfence/proto';

// Every scorer logs at info to a file: SCORER_LOG_DIR keeps them there; by default a temp folder,
// read back when a wait times out (a failed run's story, in the test's own error).
const LOG_DIR = process.env['SCORER_LOG_DIR'] ?? mkdtempSync(join(tmpdir(), 'rf-scorer-logs-'));
mkdirSync(LOG_DIR, { recursive: true });
/** Log lines of kafkajs's request tracing: noise in a failure's story. */
const NOISE = /"msg":"(Response|Request) /;
const ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
const KINDS = ['', 'number', 'trunk', 'carrier', 'device'] as const;

/**
 * Scorer settings the tests start their instances with (benches keep the deployed ones). A test's
 * input is a few megabytes, so a fetch waiting for its minimum bytes (256 KiB by default) waits out
 * its whole time at every hop of every round: a fifth of the scorer tests' time went there. The
 * wait stays on, only shorter.
 */
export const TEST_SCORER_ENV: Readonly<Record<string, string>> = { FETCH_MAX_WAIT_MS: '20' };

/** What a subject's latest verdict says, for comparing runs. */
export interface Seen {
  level: string;
  category: string;
  score: number;
}

/** One generated CDR or complaint as ingest produces it: keyed by the calling (or reported) number. */
function cdrMessage(c: ICallDetailRecord): Message {
  return {
    key: c.calling?.e164 || c.calling?.raw || '',
    value: Buffer.from(cdrv1.CallDetailRecord.encode(c).finish()),
  };
}

function complaintMessage(c: IComplaintEvent): Message {
  return {
    key: c.reported?.e164 || c.reported?.raw || '',
    value: Buffer.from(cdrv1.ComplaintEvent.encode(c).finish()),
  };
}

async function* readInput(file: string, kind: 'cdr' | 'complaint'): AsyncGenerator<Message> {
  for await (const rec of readRecords(file)) {
    if (kind === 'cdr') {
      const r = parseCdr(rec.value);
      if (r.ok) yield cdrMessage(r.value);
    } else {
      const r = parseComplaint(rec.value);
      if (r.ok) yield complaintMessage(r.value);
    }
  }
}

/**
 * Produces each topic's messages in order, in batches of 5,000 acknowledged by every in-sync replica;
 * returns how many went to the CDR topic.
 */
async function produceAll(
  kafka: Kafka,
  prefix: string,
  topics: readonly (readonly [topic: string, messages: AsyncIterable<Message> | Iterable<Message>])[],
  cdrsPerSecond = 0,
): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const cdrTopic = topicName(prefix, 'cdr');
  // Paced, CDRs go out in batches of a twentieth of a second's worth, each at its time.
  const batchSize = cdrsPerSecond > 0 ? Math.max(1, Math.round(cdrsPerSecond / 20)) : 5000;
  let n = 0;
  try {
    for (const [topic, messages] of topics) {
      const paced = topic === cdrTopic && cdrsPerSecond > 0;
      const start = performance.now();
      let batch: Message[] = [];
      for await (const m of messages) {
        batch.push(m);
        if (topic === cdrTopic) n++;
        if (batch.length >= (paced ? batchSize : 5000)) {
          const wait = paced ? start + ((n - batch.length) / cdrsPerSecond) * 1000 - performance.now() : 0;
          if (wait > 0) await sleep(wait);
          await producer.send({ topic, acks: -1, messages: batch });
          batch = [];
        }
      }
      if (batch.length > 0) await producer.send({ topic, acks: -1, messages: batch });
    }
  } finally {
    await producer.disconnect();
  }
  return n;
}

/**
 * Produces a generated CDR file (and complaints) into cdr.v1 / complaints.v1 under `prefix`, keyed as
 * ingest keys them, as it reads them: the complaints first with `complaintsFirst`, so none lands more
 * than the allowed lateness behind a scorer already idle on the CDRs (docs/scoring.md, Determinism).
 * Returns the CDRs produced.
 */
export async function produceInput(
  kafka: Kafka,
  prefix: string,
  cdrs: string,
  complaints?: string,
  options: { complaintsFirst?: boolean } = {},
): Promise<number> {
  const cdrTopic = [topicName(prefix, 'cdr'), readInput(cdrs, 'cdr')] as const;
  if (complaints === undefined) return produceAll(kafka, prefix, [cdrTopic]);
  const complaintTopic = [topicName(prefix, 'complaints'), readInput(complaints, 'complaint')] as const;
  return produceAll(
    kafka,
    prefix,
    options.complaintsFirst === true ? [complaintTopic, cdrTopic] : [cdrTopic, complaintTopic],
  );
}

/** Input read and encoded ahead (readInput), for producing faster than a scorer applies it. */
export interface EncodedInput {
  cdrs: Message[];
  complaints: Message[];
}

export async function encodeInput(cdrs: string, complaints?: string): Promise<EncodedInput> {
  const out: EncodedInput = { cdrs: [], complaints: [] };
  if (complaints !== undefined)
    for await (const m of readInput(complaints, 'complaint')) out.complaints.push(m);
  for await (const m of readInput(cdrs, 'cdr')) out.cdrs.push(m);
  return out;
}

/**
 * Produces encoded input, the complaints first (as produceInput with `complaintsFirst`); the CDRs
 * as fast as the broker takes them, or at `cdrsPerSecond` as live traffic arrives.
 */
export function produceEncoded(
  kafka: Kafka,
  prefix: string,
  input: EncodedInput,
  cdrsPerSecond = 0,
): Promise<number> {
  return produceAll(
    kafka,
    prefix,
    [
      [topicName(prefix, 'complaints'), input.complaints],
      [topicName(prefix, 'cdr'), input.cdrs],
    ],
    cdrsPerSecond,
  );
}

/** The scorer as a child process, as it runs in production. */
export class ScorerProcess {
  /** Every scorer started and not yet reaped, so a failed test leaves no process behind. */
  static readonly running = new Set<ChildProcess>();
  private static started = 0;
  private child: ChildProcess | undefined;
  private port = 0;
  private logPath: string | undefined;

  constructor(
    private readonly stack: TestStack,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    this.port = await freePort();
    this.logPath = join(LOG_DIR, `scorer-${process.pid}-${++ScorerProcess.started}.log`);
    // Straight into the file: a pipe would stall the scorer's logging while the test is busy.
    const log = openSync(this.logPath, 'a');
    try {
      this.child = spawn(process.execPath, [ENTRY], {
        env: this.stack.env({ ...this.env, OPS_PORT: String(this.port), LOG_LEVEL: 'info' }),
        stdio: ['ignore', log, 'inherit'],
        // A process group of its own: a frozen (stopped) instance in the test runner's group got
        // SIGHUP from the kernel and died when the shell that started the run exited, since a
        // group left orphaned with a stopped member is hung up.
        detached: true,
      });
    } finally {
      closeSync(log);
    }
    const child = this.child;
    ScorerProcess.running.add(child);
    child.once('exit', () => ScorerProcess.running.delete(child));
    // Until it listens, its port is free for the next instance's freePort() too.
    await until(
      'scorer answering on its ops port',
      async () => {
        if (child.exitCode !== null) throw new Error(`scorer exited with ${child.exitCode} on start`);
        return (await scrapeMetrics(this.port)) !== undefined;
      },
      60_000,
    );
  }

  /**
   * What the instance reports now and the last lines of its log (request tracing left out): told
   * when a wait for it times out.
   */
  async describe(lines = 40): Promise<string> {
    const text = await scrapeMetrics(this.port);
    const pick = (name: string): string => (text === undefined ? 'no answer' : String(sumMetric(text, name)));
    const figures = [
      'idle',
      'active',
      'uncheckpointed',
      'activations_total',
      'restarts_total',
      'records_total',
    ]
      .map((n) => `${n}=${pick(`ringfence_scorer_${n}`)}`)
      .join(' ');
    let tail: string[] = [];
    try {
      if (this.logPath !== undefined)
        tail = readFileSync(this.logPath, 'utf8')
          .split('\n')
          .filter((l) => l !== '' && !NOISE.test(l))
          .slice(-lines);
    } catch {
      // No log yet: the figures say enough.
    }
    return [
      `scorer pid ${this.child?.pid ?? '-'} (exit ${this.child?.exitCode ?? this.child?.signalCode ?? '-'}): ${figures}`,
      ...tail,
    ].join('\n');
  }

  static killAll(): void {
    for (const child of ScorerProcess.running) child.kill('SIGKILL');
  }

  /** A Prometheus sample of the running scorer, or undefined while it is not answering. */
  async metric(name: string, label = ''): Promise<number | undefined> {
    const text = await scrapeMetrics(this.port);
    return text === undefined ? undefined : sumMetric(text, name, label);
  }

  /** How many series of `name` the running scorer serves whose labels contain every one of `labels`. */
  async series(name: string, ...labels: string[]): Promise<number | undefined> {
    const text = await scrapeMetrics(this.port);
    return text === undefined ? undefined : countSeries(text, name, ...labels);
  }

  /** Resolves once the scorer has applied every input record and given sources their final evaluation. */
  async idle(timeoutMs: number): Promise<void> {
    await until('scorer idle', async () => (await this.metric('ringfence_scorer_idle')) === 1, timeoutMs);
  }

  /** The ops (metrics) port. */
  opsPort(): number {
    return this.port;
  }

  /** The process id, while started. */
  pid(): number | undefined {
    return this.child?.pid;
  }

  /** Partitions this instance owns now (number and source stages); undefined while it does not answer. */
  async owned(): Promise<number | undefined> {
    return this.metric('ringfence_scorer_active');
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the process: cut off from the group, as in a long pause or partition. */
  freeze(frozen: boolean): void {
    this.signal(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  /** Sends a signal and returns at once (kill waits for the exit). */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** How many lines of the instance's log match `pattern`. */
  logged(pattern: RegExp): number {
    if (this.logPath === undefined) return 0;
    return readFileSync(this.logPath, 'utf8')
      .split('\n')
      .filter((l) => pattern.test(l)).length;
  }

  async kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return child?.exitCode ?? null;
    const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return done;
  }
}

/** A CDR file and its complaints, cut in two at the middle CDR (complaints by event time). */
export function splitInput(
  dir: string,
  cdrs: string,
  complaints: string,
): { first: { cdrs: string; complaints: string }; second: { cdrs: string; complaints: string } } {
  const lines = readFileSync(cdrs, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const cut = Math.floor(lines.length / 2);
  const cutTime = Date.parse((JSON.parse(lines[cut - 1]!) as { setup_time: string }).setup_time);
  const all = readFileSync(complaints, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const early = all.filter((l) => Date.parse((JSON.parse(l) as { time: string }).time) <= cutTime);
  const write = (name: string, rows: readonly string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, rows.map((l) => `${l}\n`).join(''));
    return path;
  };
  return {
    first: {
      cdrs: write('first.cdrs.jsonl', lines.slice(0, cut)),
      complaints: write('first.complaints.jsonl', early),
    },
    second: {
      cdrs: write('second.cdrs.jsonl', lines.slice(cut)),
      complaints: write('second.complaints.jsonl', all.slice(early.length)),
    },
  };
}

/**
 * One partition per stage (cdr.v1 and what is co-partitioned with it, and source events): the topic
 * settings, and the same as the scorer's KAFKA_TOPIC_PARTITIONS.
 */
export const ONE_PARTITION_PER_STAGE = (() => {
  const partitions = {
    'cdr.v1': 1,
    'complaints.v1': 1,
    'feedback.v1': 1,
    'scorer.received.v1': 1,
    'scorer.source-events.v1': 1,
  } as const;
  const env = {
    KAFKA_TOPIC_PARTITIONS: Object.entries(partitions)
      .map(([topic, n]) => `${topic}=${n}`)
      .join(','),
  };
  return { partitions, env };
})();

/** Starts instances and waits until each of `group` owns some partitions (the group has settled). */
export async function startJoining(
  group: readonly ScorerProcess[],
  ...instances: ScorerProcess[]
): Promise<void> {
  for (const s of instances) await s.start();
  await until(
    'every instance owning partitions',
    async () => {
      for (const s of group) if (((await s.owned()) ?? 0) === 0) return false;
      return true;
    },
    60_000,
  );
}

/**
 * Resolves once every instance of `group` is idle, and still is three seconds later: another
 * instance's last flush can change an instance's shared tables after it looked idle.
 */
export async function allIdle(group: readonly ScorerProcess[], timeoutMs: number): Promise<void> {
  let since = 0;
  await explained(
    group,
    until(
      'every instance idle',
      async () => {
        for (const s of group) {
          if ((await s.metric('ringfence_scorer_idle')) !== 1) {
            since = 0;
            return false;
          }
        }
        if (since === 0) since = Date.now();
        return Date.now() - since >= 3_000;
      },
      timeoutMs,
    ),
  );
}

/** A wait on some instances whose failure carries each instance's figures and log tail. */
export async function explained(group: readonly ScorerProcess[], wait: Promise<void>): Promise<void> {
  try {
    await wait;
  } catch (err) {
    const stories = await Promise.all(group.map((s) => s.describe()));
    throw new Error(`${(err as Error).message}\n\n${stories.join('\n\n')}`, { cause: err });
  }
}

/** Records of `topic` the scorer process has applied so far. */
export async function applied(scorer: ScorerProcess, topic: string): Promise<number> {
  return (await scorer.metric('ringfence_scorer_records_total', `topic="${topic}"`)) ?? 0;
}

/** Reads a compacted verdict topic to its end: latest verdict per key, tombstones remove. */
export async function readVerdicts(
  admin: Admin,
  topic: string,
  view = new Map<string, Seen>(),
): Promise<Map<string, Seen>> {
  await readToEnd(
    admin,
    topic,
    (_partition, message) => {
      const value = message.value;
      if (value === null) view.delete(message.key?.toString() ?? '');
      else {
        const v = riskv1.RiskVerdict.decode(value);
        view.set(subjectKey(KINDS[v.kind] as Verdict['kind'], v.id), {
          level: LEVELS[v.level] ?? 'NONE',
          category: v.category,
          score: v.score,
        });
      }
    },
    {},
    createLogger('test', 'warn'),
  );
  return view;
}

/** The offline verdicts in the same shape. */
export function offlineView(verdicts: readonly Verdict[]): Map<string, Seen> {
  return new Map(
    verdicts.map((v) => [subjectKey(v.kind, v.id), { level: v.level, category: v.category, score: v.score }]),
  );
}

/** Subjects above NONE in either view whose level, category or score differ. */
export function differences(a: Map<string, Seen>, b: Map<string, Seen>): string[] {
  const none: Seen = { level: 'NONE', category: '', score: 0 };
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? none;
    const y = b.get(k) ?? none;
    if (x.level === 'NONE' && y.level === 'NONE') continue;
    if (x.level !== y.level || x.category !== y.category || x.score !== y.score)
      out.push(`${k}: ${x.level}/${x.category}/${x.score} vs ${y.level}/${y.category}/${y.score}`);
  }
  return out.sort();
}

/** Subjects above NONE in either view. */
export function flagged(a: Map<string, Seen>): number {
  return [...a.values()].filter((s) => s.level !== 'NONE').length;
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceError } from '@grpc/grpc-js';
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCdr, readRecords } from '@ringfence/cdr';
import { topicName } from '@ringfence/common';
import { freePort, testStack, until } from '@ringfence/common/testing';
import { LEVELS, scoreFile, type Verdict } from '@ringfence/engine';
import { exportPeriod, generateSigningKey, loadSigner } from '@ringfence/exporter';
import { generateToFiles, type Label } from '@ringfence/generator';
import { Attestation, Level, type ICheckRequest } from '@ringfence/proto';
import { countCdrs, listAlerts, migrate, sourcePath, type StoreDb } from '@ringfence/store';
import {
  ScorerProcess,
  TEST_SCORER_ENV,
  applied,
  differences,
  offlineView,
  readVerdicts,
  type Seen,
} from '../../services/scorer/test/kafka-fixtures.js';
import { TOKEN, rawClient, type RawClient } from '../../services/risk-api/test/support.js';
import { replayCli } from './replay-cli.js';
import { ServiceProcess } from '../support/service-process.js';

/*
 * The whole pipeline on the shared local stack: generated traffic in a file → `ringfence replay` →
 * Kafka → the real scorer, sink and risk-api processes → gRPC answers, ClickHouse rows, alerts, the
 * traceback and an export, all held against the offline `ringfence score` of the same file.
 */

const stack = testStack();
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
const dir = mkdtempSync(join(tmpdir(), 'rf-e2e-'));
// 08:00–16:00 China Standard Time: busy hours, inside one local (export) day, 2026-11-02.
const START = '2026-11-02T08:00:00+08:00';
const HOURS = 8;
const FROM = Date.parse(START) - 86_400_000;
const TO = Date.parse(START) + (HOURS + 24) * 3_600_000;
const LEVEL_NAME = LEVELS as readonly string[];
/** A valid number the generated population never uses: probes source verdicts without a number's own. */
const PROBE = '+8613300000009';
const ONNET_PROBE = '+8613900000009';

let kafka: Kafka;
let admin: Admin;
let paths: { cdrs: string; complaints: string; labels: string };
let offline: Verdict[] = [];
let accepted = 0;
let complaintsAccepted = 0;
let scorer: ScorerProcess;
let sink: ServiceProcess;
let liveApi: ServiceProcess;
let lateApi: ServiceProcess;
let liveClient: RawClient;
let lateClient: RawClient;

async function riskApi(): Promise<{ proc: ServiceProcess; client: RawClient }> {
  const port = await freePort();
  const proc = new ServiceProcess(
    'risk-api',
    stack.env({
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      AUTH_TOKENS: `${TOKEN}=e2e-switch`,
    }),
  );
  await proc.start();
  return { proc, client: rawClient(port) };
}

interface Served {
  level: string;
  category: string;
  decidedBy?: string;
}

/** Checks one request; an error status is returned as the level (`error:<code>`), not thrown. */
async function served(client: RawClient, req: ICheckRequest): Promise<Served> {
  try {
    const res = await client.check(req, { deadlineMs: 10_000 });
    return {
      level: LEVEL_NAME[res.level ?? Level.LEVEL_NONE] ?? '?',
      category: res.category ?? '',
      decidedBy: res.decidedBy ?? '',
    };
  } catch (err) {
    return { level: `error:${(err as ServiceError).code}`, category: '' };
  }
}

async function servedAll(client: RawClient, reqs: ICheckRequest[]): Promise<Served[]> {
  const out: Served[] = [];
  for (let i = 0; i < reqs.length; i += 50) {
    out.push(...(await Promise.all(reqs.slice(i, i + 50).map((r) => served(client, r)))));
  }
  return out;
}

/** A verdict as the switch sees it: a NONE level carries no category. */
function expected(v: Verdict | undefined): Served {
  if (v === undefined || v.level === 'NONE') return { level: 'NONE', category: '' };
  return { level: v.level, category: v.category };
}

function byKey(kind: Verdict['kind']): Map<string, Verdict> {
  return new Map(offline.filter((v) => v.kind === kind).map((v) => [v.id, v]));
}

/** Distinct valid calling numbers of the input file, in file order. */
async function callingNumbers(): Promise<string[]> {
  const seen = new Set<string>();
  for await (const rec of readRecords(paths.cdrs)) {
    const r = rec.error === undefined ? parseCdr(rec.value) : undefined;
    const e164 = r?.ok === true ? (r.value.calling?.e164 ?? '') : '';
    if (e164 !== '') seen.add(e164);
  }
  return [...seen];
}

interface NumberChecks {
  /** Offline-flagged numbers, numbers the scorer published above NONE, and a sample of the rest. */
  ids: string[];
  answers: Served[];
  published: Map<string, Seen>;
  numbers: Map<string, Verdict>;
  flagged: string[];
  sample: string[];
}
let checks: Promise<NumberChecks> | undefined;

/** Asks the fresh replica about every number worth comparing, once for the tests that need it. */
function numberChecks(): Promise<NumberChecks> {
  checks ??= (async () => {
    const numbers = byKey('number');
    const flagged = [...numbers.values()].filter((v) => v.level !== 'NONE').map((v) => v.id);
    const published = await readVerdicts(admin, topicName(stack.topicPrefix, 'callerRisk'));
    const onlineOnly = [...published]
      .filter(([id, v]) => v.level !== 'NONE' && (numbers.get(id)?.level ?? 'NONE') === 'NONE')
      .map(([id]) => id);
    const unflagged = (await callingNumbers()).filter(
      (n) => (numbers.get(n)?.level ?? 'NONE') === 'NONE' && !onlineOnly.includes(n),
    );
    const sample = unflagged.filter((_, i) => i % Math.max(1, Math.floor(unflagged.length / 300)) === 0);
    const ids = [...flagged, ...onlineOnly, ...sample];
    const answers = await servedAll(
      lateClient,
      ids.map((calling) => ({ calling, called: '+8613700000000' })),
    );
    return { ids, answers, published, numbers, flagged, sample };
  })();
  return checks;
}

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await stack.createTopics();
  ({ paths } = await generateToFiles(
    { subscribers: 5_000, hours: HOURS, seed: 11, start: START },
    join(dir, 'traffic.jsonl'),
  ));
  offline = (await scoreFile(paths.cdrs, { complaints: paths.complaints })).verdicts;

  // Started before the traffic, as in production: the schema is migrated first (the migrate Job's
  // part), the first risk-api replica follows verdicts as they are published.
  await migrate({ url: stack.clickhouseUrl, database: stack.database });
  sink = new ServiceProcess(
    'sink',
    stack.env({
      GROUP_ID: `${stack.topicPrefix}sink`,
      FLUSH_AGE_MS: '500',
    }),
  );
  await sink.start();
  await sink.ready(60_000);
  ({ proc: liveApi, client: liveClient } = await riskApi());
  await liveApi.ready(60_000);
  scorer = new ScorerProcess(stack, {
    ...TEST_SCORER_ENV,
    GROUP_ID: `${stack.topicPrefix}scorer`,
    SNAPSHOT_INTERVAL_MS: '5000',
    IDLE_FLUSH_MS: '500',
  });
  await scorer.start();

  const cdrReplay = await replayCli(stack, paths.cdrs);
  const complaintReplay = await replayCli(stack, paths.complaints, ['--complaints']);
  expect(cdrReplay.code, cdrReplay.stderr).toBe(0);
  expect(complaintReplay.code, complaintReplay.stderr).toBe(0);
  accepted = cdrReplay.counts['accepted'] ?? 0;
  complaintsAccepted = complaintReplay.counts['accepted'] ?? 0;

  await until(
    'scorer applied every accepted record and idle',
    async () =>
      (await applied(scorer, topicName(stack.topicPrefix, 'cdr'))) >= accepted &&
      (await applied(scorer, topicName(stack.topicPrefix, 'complaints'))) >= complaintsAccepted &&
      (await scorer.metric('ringfence_scorer_idle')) === 1,
    150_000,
  );
  // A second replica started now rebuilds the view from the compacted topics to their end.
  ({ proc: lateApi, client: lateClient } = await riskApi());
  await lateApi.ready(60_000);
  // The sink has stored everything once nothing waits in Kafka or in its buffer.
  await until(
    'sink stored everything',
    async () => {
      return (
        (await sink.metric('ringfence_sink_consumer_lag')) === 0 &&
        (await sink.metric('ringfence_sink_buffered_rows')) === 0 &&
        (await countCdrs(db, FROM, TO)) >= accepted
      );
    },
    120_000,
  );
}, 420_000);

afterAll(async () => {
  liveClient?.close();
  lateClient?.close();
  for (const p of [lateApi, liveApi, sink]) await p?.kill();
  await scorer?.kill('SIGTERM');
  ServiceProcess.killAll();
  ScorerProcess.killAll();
  await admin?.disconnect();
  await db.ch.close();
  await stack.deleteTopics();
  await stack.dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

describe('the pipeline end to end', () => {
  it('ingested the generated file whole', () => {
    expect(accepted).toBeGreaterThan(15_000);
    expect(complaintsAccepted).toBeGreaterThan(0);
    expect(offline.filter((v) => v.kind === 'number' && v.level === 'HIGH').length).toBeGreaterThan(100);
  });

  it('serves every checked number exactly as the scorer published it', async () => {
    const { ids, answers, published, flagged, sample } = await numberChecks();
    expect(flagged.length).toBeGreaterThan(100);
    expect(sample.length).toBeGreaterThan(100);
    const diff = ids.flatMap((id, i) => {
      const p = published.get(id);
      const want = p === undefined || p.level === 'NONE' ? { level: 'NONE', category: '' } : p;
      const got = answers[i]!;
      return want.level === got.level && want.category === got.category
        ? []
        : [`number ${id}: published ${want.level}/${want.category} served ${got.level}/${got.category}`];
    });
    expect(diff).toEqual([]);
  });

  it('serves source verdicts equal to the offline ones: trunks and carriers over gRPC when the call shows their pattern, all as published', async () => {
    // A trunk or carrier decides only with evidence in the call (docs/risk-api.md): an unknown,
    // valid, off-net caller that its network attests (B) shows none, so the source never decides
    // (without an attestation it would show one: a home number nobody vouched for); an unknown
    // own-range number from outside with attestation C shows the spoofing pattern, so a source
    // flagged for it does.
    expect(byKey('number').has(PROBE)).toBe(false);
    expect(byKey('number').has(ONNET_PROBE)).toBe(false);
    const sourceDiff: string[] = [];
    for (const kind of ['trunk', 'carrier'] as const) {
      const sources = [...byKey(kind).values()].filter((s) => s.id !== 'ON-NET');
      expect(sources.length, kind).toBeGreaterThan(0);
      const on = (s: Verdict): ICheckRequest =>
        kind === 'trunk' ? { ingressTrunk: s.id, ingressCarrier: 'PROBE-GW' } : { ingressCarrier: s.id };
      const plain = await servedAll(
        lateClient,
        sources.map((s) => ({
          calling: PROBE,
          called: '+8613700000000',
          attestation: Attestation.ATTESTATION_B,
          ...on(s),
        })),
      );
      const spoofLike = await servedAll(
        lateClient,
        sources.map((s) => ({
          calling: ONNET_PROBE,
          called: '+8613700000000',
          attestation: Attestation.ATTESTATION_C,
          ...on(s),
        })),
      );
      sources.forEach((s, i) => {
        if (plain[i]!.decidedBy === kind) sourceDiff.push(`${kind} ${s.id} decided a call without evidence`);
        const want = expected(s);
        const shows =
          (want.level === 'MEDIUM' || want.level === 'HIGH') &&
          s.reasons.some(
            (r) => r.code === 'SRC_ONNET_FROM_OUTSIDE' || r.code === 'SRC_ROTATING_SUSPECT_NUMBERS',
          );
        const got = spoofLike[i]!;
        if (shows && (got.decidedBy !== kind || got.level !== want.level || got.category !== want.category))
          sourceDiff.push(
            `${kind} ${s.id}: offline ${want.level}/${want.category} served ${got.level}/${got.category} by ${got.decidedBy ?? ''}`,
          );
        if (!shows && got.decidedBy === kind) sourceDiff.push(`${kind} ${s.id} decided without its pattern`);
      });
    }
    expect(sourceDiff).toEqual([]);
    // Devices have no gRPC question: their published verdicts (what the view holds) against offline.
    const published = await readVerdicts(
      admin,
      topicName(stack.topicPrefix, 'sourceRisk'),
      new Map<string, Seen>(),
    );
    const offlineSources = offlineView(offline.filter((v) => v.kind !== 'number'));
    const publishedDiff = differences(published, offlineSources).filter((d) => {
      // Score is not part of the contract here: level and category are.
      const m = /^(.*): (\w+)\/(.*)\/[\d.]+ vs (\w+)\/(.*)\/[\d.]+$/.exec(d);
      return m === null || m[2] !== m[4] || (m[2] !== 'NONE' && m[3] !== m[5]);
    });
    expect(publishedDiff).toEqual([]);
  });

  it('serves numbers exactly as the offline score: flagged ones, a sample of the rest, and any flagged online only', async () => {
    const { ids, answers, published, numbers, flagged, sample } = await numberChecks();
    const numberDiff: string[] = [];
    ids.forEach((id, i) => {
      const want = expected(numbers.get(id));
      const got = answers[i]!;
      if (want.level !== got.level || want.category !== got.category) {
        const p = published.get(id);
        numberDiff.push(
          `number ${id}: offline ${want.level}/${want.category}/${numbers.get(id)?.score ?? '-'} served ${got.level}/${got.category}` +
            ` (published ${p === undefined ? 'none' : `${p.level}/${p.category}/${p.score}`})`,
        );
      }
    });
    const kinds = new Map<string, number>();
    for (const d of numberDiff) {
      const m = /offline (\w+)\/(\w*)\/.* served ([\w:]+)\//.exec(d);
      const k = `${m?.[1]}->${m?.[3]} (${m?.[2]})`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    process.stdout.write(
      `${JSON.stringify({
        accepted,
        checkedNumbers: ids.length,
        flaggedOffline: flagged.length,
        sampledUnflagged: sample.length,
        numberDiff: numberDiff.length,
        numberDiffKinds: Object.fromEntries(kinds),
      })}\n${numberDiff.join('\n')}\n`,
    );
    expect(numberDiff).toEqual([]);
  });

  it('the replica that followed the stream live ends with the same answers as a fresh one', async () => {
    const ids = offline.filter((v) => v.kind === 'number').map((v) => v.id);
    const reqs = ids.map((calling) => ({ calling, called: '+8613700000000' }));
    const fresh = await servedAll(lateClient, reqs);
    let diff = -1;
    await until(
      'live replica equals the fresh one',
      async () => {
        const live = await servedAll(liveClient, reqs);
        diff = live.filter((a, i) => a.level !== fresh[i]!.level || a.category !== fresh[i]!.category).length;
        return diff === 0;
      },
      30_000,
    ).catch(() => undefined);
    expect(diff).toBe(0);
  });

  it('stores exactly the accepted CDRs in ClickHouse', async () => {
    expect(await countCdrs(db, FROM, TO)).toBe(accepted);
  });

  it('holds an alert for every number served HIGH', async () => {
    const high = offline.filter((v) => v.kind === 'number' && v.level === 'HIGH').map((v) => v.id);
    const answers = await servedAll(
      lateClient,
      high.map((calling) => ({ calling, called: '+8613700000000' })),
    );
    const servedHigh = high.filter((_, i) => answers[i]!.level === 'HIGH');
    expect(servedHigh.length).toBeGreaterThan(100);
    const alerts = await listAlerts(db, {
      from: FROM,
      to: TO,
      kind: 'number',
      minLevel: 'HIGH',
      limit: 1_000_000,
    });
    const alerted = new Set(alerts.map((a) => a.id));
    expect(servedHigh.filter((n) => !alerted.has(n))).toEqual([]);
  });

  it("traces a campaign's numbers to the campaign's trunk from the labels file", async () => {
    const labels = readFileSync(paths.labels, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Label);
    const campaign = labels.find((l) => l.kind === 'trunk' && l.campaign !== null);
    expect(campaign).toBeDefined();
    const members = labels
      .filter((l) => l.kind === 'number' && l.campaign === campaign!.campaign)
      .map((l) => l.id);
    const numbers = byKey('number');
    const flaggedMembers = members.filter((n) => (numbers.get(n)?.level ?? 'NONE') !== 'NONE').slice(0, 25);
    expect(flaggedMembers.length).toBeGreaterThan(5);
    for (const n of flaggedMembers) {
      const path = await sourcePath(db, 'number', n, FROM, TO);
      expect(path[0]?.ingressTrunk, n).toBe(campaign!.id);
    }
  });

  it('exports the period with the same CDR count as ClickHouse, listing every flagged number', async () => {
    const signer = loadSigner(generateSigningKey().privateKeyPem);
    const result = await exportPeriod({
      db,
      period: 'daily',
      date: '2026-11-02',
      outDir: join(dir, 'exports'),
      signer,
      calleeHashKey: 'e2e-callee-hash-key-0123',
    });
    expect(result.status).toBe('new');
    const { fromMs, toMs } = result.period;
    expect(result.report.summary.callsAnalysed).toBe(await countCdrs(db, fromMs, toMs));
    expect(result.report.summary.callsAnalysed).toBe(accepted);
    const listed = new Set(result.report.flagged.map((f) => f.number));
    const numbers = [...byKey('number').values()].filter((v) => v.level !== 'NONE');
    const answers = await servedAll(
      lateClient,
      numbers.map((v) => ({ calling: v.id, called: '+8613700000000' })),
    );
    const servedFlagged = numbers.filter((_, i) => answers[i]!.level !== 'NONE').map((v) => v.id);
    expect(servedFlagged.filter((n) => !listed.has(n))).toEqual([]);
    expect(result.report.summary.flaggedNumbers).toBe(listed.size);
  });

  it('kept every service alive throughout', async () => {
    for (const p of [sink, liveApi, lateApi]) {
      expect(p.alive, p.name).toBe(true);
      expect(await p.healthz(), p.name).toBe(200);
    }
  });
});

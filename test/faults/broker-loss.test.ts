import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, ConfigResourceTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicName } from '@ringfence/common';
import { PrivateStack, until } from '@ringfence/common/testing';
import { scoreFile } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import {
  differences,
  flagged,
  offlineView,
  readVerdicts,
} from '../../services/scorer/test/kafka-fixtures.js';
import { Pipeline } from '../support/pipeline.js';
import { ServiceProcess } from '../support/service-process.js';

// Issue #17 (5): one of three Kafka brokers dies (SIGKILL) mid-stream under ingest, scorer and sink.
// Topics are replicated 3 ways with min.insync.replicas=2 and every producer waits for acks=all, so
// nothing acknowledged is lost, writes go on with two brokers, and the final verdicts still equal
// offline scoring.
const DAY_MS = 86_400_000;
const BUSY_MORNING = '2026-11-02T09:00:00+08:00';
// kafkajs's ConfigResourceTypes.TOPIC (its CommonJS exports hide the enum from an ESM import).
const TOPIC_RESOURCE = 2 as ConfigResourceTypes;
const REPLICATION = { KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' };
const work = mkdtempSync(join(tmpdir(), 'rf-fault-broker-loss-'));
let stack: PrivateStack | undefined;
let p: Pipeline;
let admin: Admin;

beforeAll(async () => {
  // Small heaps: three JVMs share this machine with the services.
  stack = await PrivateStack.start(['kafka', 'clickhouse'], {
    brokers: 3,
    kafkaHeapOpts: '-Xms128m -Xmx384m',
  });
  p = await Pipeline.start(stack, {
    services: ['sink', 'scorer', 'ingest'],
    env: {
      sink: REPLICATION,
      ingest: REPLICATION,
      // Longer than the stall while the dead broker's partitions move: an idle flush in the middle of
      // the input may settle differently from offline (docs/scoring.md, "Final scoring"); only the
      // one after the last CDR is part of the equality.
      scorer: { ...REPLICATION, IDLE_FLUSH_MS: '30000' },
    },
  });
  admin = p.scope.kafka().admin();
  await admin.connect();
}, 240_000);

afterAll(async () => {
  await admin?.disconnect().catch(() => undefined);
  await p?.stop();
  ServiceProcess.killAll();
  await stack?.destroy();
  rmSync(work, { recursive: true, force: true });
});

/** The node leading the most partitions of `topic`. */
async function busiestLeader(topic: string): Promise<number> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const led = new Map<number, number>();
  for (const part of topics[0]!.partitions) led.set(part.leader, (led.get(part.leader) ?? 0) + 1);
  return [...led].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('one of three Kafka brokers is killed under a running pipeline', () => {
  it('loses and double-counts nothing, and the verdicts equal offline scoring', async () => {
    const prefix = p.scope.topicPrefix;
    const cdrTopic = topicName(prefix, 'cdr');
    const { topics } = await admin.fetchTopicMetadata({ topics: [cdrTopic] });
    for (const part of topics[0]!.partitions) expect(part.replicas).toHaveLength(3);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: TOPIC_RESOURCE, name: cdrTopic, configNames: ['min.insync.replicas'] }],
    });
    expect(resources[0]?.configEntries[0]?.configValue).toBe('2');

    const { summary, paths } = await generateToFiles(
      { subscribers: 1500, hours: 3, seed: 21, start: BUSY_MORNING },
      join(work, 'traffic.jsonl'),
    );
    const lines = readFileSync(paths.cdrs, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const offline = offlineView((await scoreFile(paths.cdrs)).verdicts);
    expect(flagged(offline)).toBeGreaterThan(10);

    const ingest = p.ingest!;
    const third = Math.floor(lines.length / 3);
    let accepted = await ingest.postAll(lines.slice(0, third), 500);
    // A snapshot committed before the broker dies: a restart restores it, and the snapshots the
    // scorer keeps writing meanwhile may be the transaction the broker takes down with it.
    const scorer = p.service('scorer');
    await until(
      'the scorer snapshotted',
      async () => ((await scorer.metric('ringfence_scorer_snapshot_seconds_count')) ?? 0) >= 1,
    );
    // The rest flows in small, spaced requests; the broker dies while they go on.
    const rest = ingest.postAll(lines.slice(third), 200, 150);
    const produced = (): Promise<number> =>
      p
        .service('ingest')
        .metric('ringfence_ingest_produced_total', 'source="http"')
        .then((n) => n ?? 0);
    await until('traffic flowing after the first third', async () => (await produced()) > accepted + 400);
    const victim = await busiestLeader(cdrTopic);
    await stack!.crash('kafka', victim);
    accepted += await rest;
    expect(accepted).toBe(lines.length);

    // Everything stored exactly once, nothing refused, with two brokers of three.
    const from = summary.startMs - DAY_MS;
    const to = summary.endMs + DAY_MS;
    await until('every CDR stored', async () => (await p.storedCdrs(from, to)) === accepted, 180_000);
    expect(await p.cdrMessages()).toBeGreaterThanOrEqual(accepted);
    const dlq = await admin.fetchTopicOffsets(topicName(prefix, 'cdrDlq'));
    expect(dlq.reduce((n, e) => n + Number(e.high), 0)).toBe(0);

    // The scorer applied every CDR and went idle (its end-of-input evaluation ran), then the
    // published verdicts are the offline ones.
    await until(
      'scorer applied everything and idle',
      async () =>
        ((await scorer.metric('ringfence_scorer_records_total', `topic="${cdrTopic}"`)) ?? 0) >= accepted &&
        (await scorer.metric('ringfence_scorer_idle')) === 1,
      180_000,
    );
    const view = await readVerdicts(
      admin,
      topicName(prefix, 'sourceRisk'),
      await readVerdicts(admin, topicName(prefix, 'callerRisk')),
    );
    // A difference comes with the scorer's own account of its restarts, takeovers and partitions dropped.
    const story = scorer
      .logLines('"service":"scorer"')
      .filter(
        (line) =>
          !line.includes('"logger":"kafkajs"') &&
          !line.includes('retrying') &&
          /"level":"(warn|error|fatal)"|took over|partition left/.test(line),
      )
      .map((line) => line.slice(0, 400));
    expect(differences(view, offline), story.join('\n')).toEqual([]);
    expect(flagged(view)).toBe(flagged(offline));
    expect(await p.storedCdrs(from, to)).toBe(accepted);
    for (const [name, s] of p.services) expect(s.alive, `${name}:\n${s.tail()}`).toBe(true);

    // The killed broker comes back on its data and catches up: every replica in sync again.
    await stack!.up('kafka');
    await until('killed broker back in sync', async () => {
      const meta = await admin.fetchTopicMetadata({ topics: [cdrTopic] });
      return meta.topics[0]!.partitions.every((part) => part.isr.length === 3);
    });
  }, 420_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouse, ident, sql } from '@ringfence/common';
import {
  CLUSTER_NODES,
  PrivateClickHouseCluster,
  PrivateStack,
  until,
  type ClusterNodeName,
} from '@ringfence/common/testing';
import { Pipeline } from '../support/pipeline.js';
import { ServiceProcess } from '../support/service-process.js';
import { generatedTraffic, type Traffic } from '../support/traffic.js';

// Issue #21: the cluster layout (2 shards × 2 replicas) loses one replica of each shard while the
// sink writes; inserts go on through the other replicas, and once the stopped ones return and
// catch up, every replica holds exactly what was accepted. Kafka is a private broker too: the
// shared one's test topics are swept by any other integration run, this test's included.
const DAY_MS = 86_400_000;
const work = mkdtempSync(join(tmpdir(), 'rf-fault-replicas-'));
let kafka: PrivateStack | undefined;
let cluster: PrivateClickHouseCluster | undefined;
let p: Pipeline | undefined;
let traffic: Traffic;

beforeAll(async () => {
  [kafka, cluster, traffic] = await Promise.all([
    PrivateStack.start(['kafka']),
    PrivateClickHouseCluster.start(),
    generatedTraffic(
      work,
      { subscribers: 3000, hours: 2, seed: 31, start: '2026-11-02T09:00:00+08:00' },
      'cdrs',
    ),
  ]);
});

afterAll(async () => {
  await p?.stop();
  ServiceProcess.killAll();
  await cluster?.destroy();
  await kafka?.destroy();
  rmSync(work, { recursive: true, force: true });
});

interface ReplicaCounts {
  /** Distinct CDRs in the server's local cdr table. */
  calls: number;
  /** Rows in it (copies included): replicas of one shard hold the same parts. */
  rows: number;
  /** Distinct calls in its local hourly view table: the view's states replicate with the rows. */
  hourlyCalls: number;
}

/** What one server holds in its own local tables (no Distributed table involved). */
async function replicaCounts(node: ClusterNodeName, database: string): Promise<ReplicaCounts> {
  const ch = createClickHouse({ url: cluster!.urlOf(node), database });
  try {
    const rs = await ch.query({
      query: sql`SELECT
  (SELECT uniqExact(call_id) FROM ${ident(database, 'cdr_local')}) AS calls,
  (SELECT count() FROM ${ident(database, 'cdr_local')}) AS rows,
  (SELECT uniqExactMerge(calls) FROM ${ident(database, 'cdr_hourly_caller_local')}) AS hourly`,
      format: 'JSONEachRow',
    });
    const [r] = await rs.json<{ calls: string; rows: string; hourly: string }>();
    return { calls: Number(r?.calls), rows: Number(r?.rows), hourlyCalls: Number(r?.hourly) };
  } finally {
    await ch.close();
  }
}

async function allReplicas(database: string): Promise<Record<ClusterNodeName, ReplicaCounts>> {
  const counts = await Promise.all(CLUSTER_NODES.map((n) => replicaCounts(n, database)));
  return Object.fromEntries(CLUSTER_NODES.map((n, i) => [n, counts[i]])) as Record<
    ClusterNodeName,
    ReplicaCounts
  >;
}

describe('the ClickHouse cluster layout with replicas down', () => {
  it('one replica of each shard stopped while the sink writes: nothing lost, every replica exact after catch-up', async () => {
    const chc = cluster!;
    p = await Pipeline.start(
      {
        dir: chc.dir,
        clickhouseUrl: chc.clickhouseUrl,
        cluster: chc.cluster,
        clusterUrls: chc.urls,
        scope: () => chc.scope(kafka!.brokers),
      },
      {
        services: ['sink', 'ingest'],
        env: { sink: { FLUSH_ROWS: '1000', FLUSH_AGE_MS: '100' } },
      },
    );
    const pipeline = p;
    const ingest = pipeline.ingest!;
    const database = pipeline.scope.database;
    const stored = (): Promise<number> =>
      pipeline.storedCdrs(traffic.startMs - DAY_MS, traffic.endMs + DAY_MS);
    const caughtUp = async (accepted: number): Promise<boolean> =>
      (await pipeline.sinkLag()) === 0 && (await stored()) === accepted;
    const third = Math.floor(traffic.lines.length / 3);

    let accepted = await ingest.postAll(traffic.lines.slice(0, third));
    await until('first third stored', () => caughtUp(accepted));

    // The sink talks to s1r1; shard 2 loses the replica inserts go to first, shard 1 the other.
    const down: ClusterNodeName[] = ['s1r2', 's2r1'];
    await cluster!.stop(...down);
    const before =
      (await pipeline.service('sink').metric('ringfence_sink_rows_inserted_total', 'table="cdr"')) ?? 0;
    accepted += await ingest.postAll(traffic.lines.slice(third, 2 * third), 200, 20);
    await until('second third stored with two replicas down', () => caughtUp(accepted), 120_000);
    const after =
      (await pipeline.service('sink').metric('ringfence_sink_rows_inserted_total', 'table="cdr"')) ?? 0;
    expect(after, 'the sink inserted while the replicas were down').toBeGreaterThan(before);
    for (const n of down) {
      const ping = await fetch(`${cluster!.urlOf(n)}/ping`).then(
        (r) => r.status,
        () => 'refused',
      );
      expect(ping, `${n} is down`).toBe('refused');
    }

    await cluster!.up();
    accepted += await ingest.postAll(traffic.lines.slice(2 * third));
    await until('everything stored', () => caughtUp(accepted), 120_000);
    await until(
      'stopped replicas caught up',
      async () => {
        const c = await allReplicas(database);
        return (
          c.s1r1.rows === c.s1r2.rows &&
          c.s2r1.rows === c.s2r2.rows &&
          c.s1r1.calls + c.s2r1.calls === accepted &&
          c.s1r1.hourlyCalls === c.s1r2.hourlyCalls &&
          c.s2r1.hourlyCalls === c.s2r2.hourlyCalls
        );
      },
      120_000,
    );

    const c = await allReplicas(database);
    expect(c.s1r1.calls + c.s2r1.calls).toBe(accepted);
    // Both shards hold data: the sharding key spread the calls.
    expect(c.s1r1.calls).toBeGreaterThan(0);
    expect(c.s2r1.calls).toBeGreaterThan(0);
    for (const [r1, r2] of [
      ['s1r1', 's1r2'],
      ['s2r1', 's2r2'],
    ] as const) {
      expect(c[r2].calls, `${r2} has ${r1}'s calls`).toBe(c[r1].calls);
      expect(c[r2].rows, `${r2} has ${r1}'s rows`).toBe(c[r1].rows);
      expect(c[r2].hourlyCalls, `${r2}'s hourly view`).toBe(c[r1].calls);
      expect(c[r1].hourlyCalls, `${r1}'s hourly view`).toBe(c[r1].calls);
    }
    expect(await stored()).toBe(accepted);
  });
});

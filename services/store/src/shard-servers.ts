import { z } from 'zod';
import { RingfenceError, clickhouseUnreachable, sql, type ClickHouseClient } from '@ringfence/common';
import { admin, type ServerLogin } from './admin-client.js';
import { col, rows } from './store-db.js';

/** How to reach the servers of a cluster, for what must run once on each shard. */
export interface ClusterServers extends ServerLogin {
  /** The cluster's name in the servers' `remote_servers`; `url` is one of them, whose `system.clusters` lists the others. */
  readonly cluster: string;
  /**
   * Every server's HTTP URL (CLICKHOUSE_CLUSTER_URLS). Default: each host `system.clusters` lists, on
   * the scheme and port of `url`, which is right wherever every server listens on the same port.
   */
  readonly urls?: readonly string[];
}

const hostRow = z.object({ shard_num: col.num, host_name: col.str });
const shardRow = z.object({ shard_num: col.num });

/** The servers of each shard (shard number → HTTP URLs) among the candidates that answer. */
async function serversByShard(s: ClusterServers): Promise<Map<number, string[]>> {
  const first = admin(s);
  let hosts: z.output<typeof hostRow>[];
  try {
    hosts = await rows(
      { ch: first, database: 'default' },
      sql`SELECT shard_num, host_name FROM system.clusters WHERE cluster = ${s.cluster} ORDER BY shard_num, replica_num`,
      hostRow,
    );
  } finally {
    await first.close();
  }
  if (hosts.length === 0) {
    throw new RingfenceError('INVALID_ARGUMENT', 'the cluster is not in the server’s remote_servers', {
      detail: { cluster: s.cluster, url: s.url },
    });
  }
  const candidates = s.urls ?? [
    ...new Set(
      hosts.map((h) => {
        const u = new URL(s.url);
        u.hostname = h.host_name;
        return u.origin;
      }),
    ),
  ];
  const byShard = new Map<number, string[]>();
  for (const url of candidates) {
    const ch = admin({ ...s, url });
    try {
      // Each server marks its own shard's entries is_local (18.16: every replica of it; later: its own).
      const [own] = await rows(
        { ch, database: 'default' },
        sql`SELECT shard_num FROM system.clusters WHERE cluster = ${s.cluster} AND is_local`,
        shardRow,
      );
      if (own === undefined) {
        throw new RingfenceError(
          'INVALID_ARGUMENT',
          'a server named for the cluster is not one of its servers',
          {
            detail: { cluster: s.cluster, url },
          },
        );
      }
      byShard.set(own.shard_num, [...(byShard.get(own.shard_num) ?? []), url]);
    } catch (err) {
      if (!clickhouseUnreachable(err)) throw err;
    } finally {
      await ch.close();
    }
  }
  for (const shard of new Set(hosts.map((h) => h.shard_num))) {
    if (!byShard.has(shard)) {
      const hint = s.urls === undefined ? '; set CLICKHOUSE_CLUSTER_URLS to every server’s HTTP URL' : '';
      throw new RingfenceError('UNAVAILABLE', `no server of shard ${shard} answers${hint}`, {
        detail: { cluster: s.cluster, tried: candidates.join(',') },
      });
    }
  }
  return byShard;
}

/**
 * Runs `fn` once per shard, on a client of one of its servers that answers (the next one when a
 * server cannot be reached mid-way, so `fn` must be idempotent).
 *
 * Why not `ON CLUSTER`: an ALTER of a replicated table is meant to run on one replica per shard and
 * reach the others through ZooKeeper. 18.16's distributed DDL picks that replica with a ZooKeeper
 * lock that a slow ZooKeeper can let two replicas pass; the second fails, and its DDL worker stops
 * for good, hanging every later `ON CLUSTER` statement. Sending the ALTER to one server of each
 * shard uses replication alone.
 */
export async function forEachShard(
  s: ClusterServers,
  fn: (ch: ClickHouseClient, shard: number) => Promise<void>,
): Promise<void> {
  for (const [shard, urls] of [...(await serversByShard(s))].sort(([a], [b]) => a - b)) {
    for (const [i, url] of urls.entries()) {
      const ch = admin({ ...s, url });
      try {
        await fn(ch, shard);
        break;
      } catch (err) {
        if (!clickhouseUnreachable(err) || i === urls.length - 1) throw err;
      } finally {
        await ch.close();
      }
    }
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RingfenceError, sql } from '@ringfence/common';
import { PrivateClickHouseCluster, testStack } from '@ringfence/common/testing';
import { forEachShard, type ClusterServers } from '../src/shard-servers.js';

let c: PrivateClickHouseCluster;

beforeAll(async () => {
  c = await PrivateClickHouseCluster.start();
});

afterAll(async () => {
  await c.destroy();
});

/** Each visit: the shard it was for and the server that served it (its `replica` macro, e.g. s1r2). */
async function visits(s: ClusterServers): Promise<{ shard: number; server: string }[]> {
  const seen: { shard: number; server: string }[] = [];
  await forEachShard(s, async (ch, shard) => {
    const rs = await ch.query({
      query: sql`SELECT substitution FROM system.macros WHERE macro = 'replica'`,
      format: 'JSONEachRow',
    });
    const [row] = await rs.json<{ substitution: string }>();
    seen.push({ shard, server: row?.substitution ?? '' });
  });
  return seen;
}

function errorOf(p: Promise<unknown>): Promise<RingfenceError> {
  return p.then(
    () => {
      throw new Error('expected a RingfenceError');
    },
    (err: unknown) => {
      if (!(err instanceof RingfenceError)) throw err;
      return err;
    },
  );
}

describe('forEachShard on a cluster of 2 shards x 2 replicas', () => {
  it('runs once on each shard, on a server of that shard', async () => {
    const seen = await visits({ cluster: c.cluster, url: c.clickhouseUrl, urls: c.urls });
    expect(seen.map((v) => v.shard)).toEqual([1, 2]);
    for (const v of seen) expect(v.server).toMatch(new RegExp(`^s${v.shard}r[12]$`));
  });

  it('refuses when no server of a shard answers, naming the shard', async () => {
    // Without CLICKHOUSE_CLUSTER_URLS every host is taken on CLICKHOUSE_URL's port: on one machine
    // that is s1r1 four times, and shard 2 has no server.
    const err = await errorOf(visits({ cluster: c.cluster, url: c.clickhouseUrl }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain('shard 2');
    expect(err.message).toContain('CLICKHOUSE_CLUSTER_URLS');
  });

  it('refuses a URL that is not a server of the cluster', async () => {
    const outsider = testStack().clickhouseUrl;
    const err = await errorOf(
      visits({ cluster: c.cluster, url: c.clickhouseUrl, urls: [...c.urls, outsider] }),
    );
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.detail['url']).toBe(outsider);
  });

  it('goes on through the other replica of a shard whose first server is stopped', async () => {
    await c.stop('s1r1');
    try {
      const seen = await visits({ cluster: c.cluster, url: c.urlOf('s2r1'), urls: c.urls });
      expect(seen.map((v) => v.shard)).toEqual([1, 2]);
      expect(seen[0]).toEqual({ shard: 1, server: 's1r2' });
    } finally {
      await c.up();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClickHouse } from '../src/clickhouse.js';
import { sweepTestScopes, testStack } from '../src/testing.js';

describe('sweepTestScopes', () => {
  it("removes test scopes' topics and databases, and nothing else", async () => {
    const left = testStack();
    await left.createTopics();
    await left.createDatabase();
    const other = `keep-${randomBytes(4).toString('hex')}`;
    const admin = left.kafka().admin();
    await admin.connect();
    const ch = createClickHouse({ url: left.clickhouseUrl, database: 'default' });
    try {
      await admin.createTopics({
        topics: [{ topic: `${other}.cdr.v1`, numPartitions: 1 }],
        waitForLeaders: true,
      });
      await ch.command({ query: `CREATE DATABASE IF NOT EXISTS ${other.replace('-', '_')}` });

      const swept = await sweepTestScopes();
      expect(swept.topics).toBeGreaterThan(0);
      expect(swept.databases).toBeGreaterThan(0);

      const topics = await admin.listTopics();
      expect(topics.filter((t) => t.startsWith(left.topicPrefix))).toEqual([]);
      expect(topics).toContain(`${other}.cdr.v1`);
      const rs = await ch.query({ query: 'SELECT name FROM system.databases', format: 'JSONEachRow' });
      const databases = (await rs.json<{ name: string }>()).map((r) => r.name);
      expect(databases).not.toContain(left.database);
      expect(databases).toContain(other.replace('-', '_'));
      expect(await sweepTestScopes()).toEqual({ topics: 0, databases: 0 });
    } finally {
      await admin.deleteTopics({ topics: [`${other}.cdr.v1`] });
      await ch.command({ query: `DROP DATABASE IF EXISTS ${other.replace('-', '_')}` });
      await ch.close();
      await admin.disconnect();
    }
  });
});

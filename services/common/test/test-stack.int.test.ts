import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClickHouse } from '../src/clickhouse.js';
import { sweepTestScopes, testStack } from '../src/testing.js';

describe('sweepTestScopes', () => {
  it("removes old test scopes' topics and databases, and leaves recent ones and anything else", async () => {
    const recent = testStack();
    const old = testStack({ createdMs: Date.now() - 7 * 3600_000 });
    const legacy = `t${randomBytes(4).toString('hex')}`;
    const other = `keep-${randomBytes(4).toString('hex')}`;
    for (const s of [recent, old]) {
      await s.createTopics();
      await s.createDatabase();
    }
    const admin = recent.kafka().admin();
    await admin.connect();
    const ch = createClickHouse({ url: recent.clickhouseUrl, database: 'default' });
    try {
      await admin.createTopics({
        topics: [
          { topic: `${other}.cdr.v1`, numPartitions: 1 },
          { topic: `${legacy}.cdr.v1`, numPartitions: 1 },
        ],
        waitForLeaders: true,
      });
      await ch.command({ query: `CREATE DATABASE IF NOT EXISTS ${other.replace('-', '_')}` });
      await ch.command({ query: `CREATE DATABASE IF NOT EXISTS ${legacy.replace('t', 't_')}` });

      const swept = await sweepTestScopes();
      expect(swept.topics).toBeGreaterThan(1);
      expect(swept.databases).toBeGreaterThanOrEqual(2);

      const topics = await admin.listTopics();
      expect(topics.filter((t) => t.startsWith(old.topicPrefix) || t.startsWith(`${legacy}.`))).toEqual([]);
      expect(topics.filter((t) => t.startsWith(recent.topicPrefix)).length).toBeGreaterThan(5);
      expect(topics).toContain(`${other}.cdr.v1`);
      const rs = await ch.query({ query: 'SELECT name FROM system.databases', format: 'JSONEachRow' });
      const databases = (await rs.json<{ name: string }>()).map((r) => r.name);
      expect(databases).not.toContain(old.database);
      expect(databases).not.toContain(legacy.replace('t', 't_'));
      expect(databases).toContain(recent.database);
      expect(databases).toContain(other.replace('-', '_'));
    } finally {
      await admin.deleteTopics({ topics: [`${other}.cdr.v1`] });
      await ch.command({ query: `DROP DATABASE IF EXISTS ${other.replace('-', '_')}` });
      await ch.close();
      await admin.disconnect();
      await recent.deleteTopics();
      await recent.dropDatabase();
    }
  });
});

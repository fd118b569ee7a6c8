import { describe, expect, it } from 'vitest';
import { RingfenceError, loadConfig } from '@ringfence/common';
import { dbConfigSchema } from '../../src/commands/db.js';

describe('ringfence db configuration', () => {
  it('reads CLICKHOUSE_CLUSTER_URLS as a list of URLs', () => {
    const c = loadConfig(dbConfigSchema, {
      env: { CLICKHOUSE_CLUSTER: 'ringfence', CLICKHOUSE_CLUSTER_URLS: 'http://a:8123, http://b:8123' },
    });
    expect(c.clickhouseClusterUrls).toEqual(['http://a:8123', 'http://b:8123']);
    expect(loadConfig(dbConfigSchema, { env: {} }).clickhouseClusterUrls).toBeUndefined();
  });

  it('refuses an entry that is not a URL, naming the variable and the value', () => {
    let err: unknown;
    try {
      loadConfig(dbConfigSchema, { env: { CLICKHOUSE_CLUSTER_URLS: 'http://a:8123,b-8123' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RingfenceError);
    expect((err as RingfenceError).code).toBe('CONFIG_INVALID');
    expect((err as RingfenceError).message).toContain('CLICKHOUSE_CLUSTER_URLS');
    expect((err as RingfenceError).message).toContain('b-8123');
  });
});

import { describe, expect, it } from 'vitest';
import { clickhouseUnreachable, createClickHouse } from '../src/index.js';
import { freePort, testStack } from '../src/testing.js';

describe('clickhouseUnreachable', () => {
  it('is true for a server that is not there and false for an answer the server gave', async () => {
    const nobody = createClickHouse({ url: `http://127.0.0.1:${await freePort()}`, database: 'default' });
    const refused = await nobody.query({ query: 'SELECT 1' }).catch((err: unknown) => err);
    expect(clickhouseUnreachable(refused)).toBe(true);
    await nobody.close();

    const stack = testStack();
    const ch = createClickHouse({ url: stack.clickhouseUrl, database: 'default' });
    const bad = await ch
      .query({ query: 'SELECT no_such_column FROM system.one' })
      .catch((err: unknown) => err);
    expect(bad).toBeInstanceOf(Error);
    expect(clickhouseUnreachable(bad)).toBe(false);
    const wrongUser = createClickHouse({ url: stack.clickhouseUrl, database: 'default', username: 'nobody' });
    const denied = await wrongUser.query({ query: 'SELECT 1' }).catch((err: unknown) => err);
    expect(denied).toBeInstanceOf(Error);
    expect(clickhouseUnreachable(denied)).toBe(false);
    await Promise.all([ch.close(), wrongUser.close()]);
  });

  it('looks through causes, by code only', () => {
    const socket = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
    expect(clickhouseUnreachable(new Error('wrapped', { cause: socket }))).toBe(true);
    expect(clickhouseUnreachable(new Error('ECONNREFUSED in the text only'))).toBe(false);
    expect(clickhouseUnreachable(undefined)).toBe(false);
  });
});

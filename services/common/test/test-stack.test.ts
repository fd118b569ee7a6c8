import { describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.js';
import { sweepTestScopes } from '../src/test-stack.js';

describe('sweepTestScopes', () => {
  it('fails when the stack is down, instead of waiting for it without end', async () => {
    // Nothing listens on either port.
    const [kafka, clickhouse] = [await freePort(), await freePort()];
    const sweep = sweepTestScopes({
      brokers: [`127.0.0.1:${kafka}`],
      clickhouseUrl: `http://127.0.0.1:${clickhouse}`,
    });
    await expect(sweep).rejects.toThrow(/ECONNREFUSED/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '@ringfence/common';
import { scorerConfigSchema } from '../src/config.js';
import { consumerOptions, heartbeatIntervalMs } from '../src/consumer-options.js';

const options = (env: Record<string, string>) =>
  consumerOptions(loadConfig(scorerConfigSchema, { env, file: '' }));

describe('consumer options', () => {
  it('waits for 256 KiB or 250 ms by default, heartbeating every fifth of the session timeout', () => {
    const o = options({});
    expect([o.minBytes, o.maxWaitTimeInMs, o.heartbeatInterval]).toEqual([256 * 1024, 250, 1_200]);
    expect(heartbeatIntervalMs({ sessionTimeoutMs: 30_000 })).toBe(6_000);
  });

  it('never waits past the heartbeat interval, so an idle member heartbeats on time', () => {
    expect(options({ FETCH_MAX_WAIT_MS: '5000', IDLE_FLUSH_MS: '60000' }).maxWaitTimeInMs).toBe(1_200);
  });

  it('never waits past half the idle flush, so an instance that keeps up never looks idle', () => {
    expect(options({ IDLE_FLUSH_MS: '200' }).maxWaitTimeInMs).toBe(100);
  });

  it('takes the fetch sizes as configured', () => {
    const o = options({ FETCH_MIN_BYTES: '1', FETCH_BYTES_PER_PARTITION: '65536' });
    expect([o.minBytes, o.maxBytesPerPartition]).toEqual([1, 65_536]);
  });
});

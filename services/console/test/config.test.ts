import { describe, expect, it } from 'vitest';
import { isRingfenceError, loadConfig } from '@ringfence/common';
import { consoleConfigSchema } from '../src/config.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(consoleConfigSchema, { env, file: '' });
  } catch (err) {
    expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('console configuration', () => {
  it('trusts no proxy and re-checks live streams every 30 s by default', () => {
    const c = loadConfig(consoleConfigSchema, { env: {}, file: '' });
    expect(c.trustProxy).toEqual([]);
    expect(c.alertStreamSessionCheckMs).toBe(30_000);
  });

  it('takes proxies as addresses, CIDRs and named ranges, and names a bad one', () => {
    const c = loadConfig(consoleConfigSchema, {
      env: { TRUST_PROXY: '10.0.0.0/8, 192.168.1.10, ::1/128, loopback' },
      file: '',
    });
    expect(c.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.10', '::1/128', 'loopback']);
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.0/']) {
      const message = configError({ TRUST_PROXY: `127.0.0.1,${bad}` });
      expect(message).toContain('trustProxy (env TRUST_PROXY)');
      expect(message).toContain(bad);
      expect(message).toContain('expected IP addresses or CIDRs');
    }
  });

  it('refuses a stream session check less often than every 30 s', () => {
    expect(configError({ ALERT_STREAM_SESSION_CHECK_MS: '60000' })).toContain(
      'alertStreamSessionCheckMs (env ALERT_STREAM_SESSION_CHECK_MS)',
    );
  });
});

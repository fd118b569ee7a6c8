import { isRingfenceError, loadConfig } from '@ringfence/common';
import { describe, expect, it } from 'vitest';
import { riskApiConfigSchema } from '../src/index.js';

describe('risk-api config', () => {
  it('reads tokens, lists and policy from the environment', () => {
    const c = loadConfig(riskApiConfigSchema, {
      env: {
        AUTH_TOKENS: 'aaaaaaaaaaaaaaaa1=sw-1, bbbbbbbbbbbbbbbb2=sw-2',
        ALLOWLIST: '+8613800000001,+8613800000002',
        BLOCK_LEVEL: 'HIGH',
        MAX_IN_FLIGHT: '50',
      },
    });
    expect(c.authTokens).toEqual({ aaaaaaaaaaaaaaaa1: 'sw-1', bbbbbbbbbbbbbbbb2: 'sw-2' });
    expect(c.allowlist).toEqual(['+8613800000001', '+8613800000002']);
    expect([c.blockLevel, c.labelLevel, c.maxInFlight, c.redressContact]).toEqual([
      'HIGH',
      'MEDIUM',
      50,
      '12321',
    ]);
  });

  it('reads what a blocklist decision answers, separate from blockLevel, and refuses others', () => {
    expect(loadConfig(riskApiConfigSchema, { env: {} }).blocklistAction).toBe('BLOCK');
    const c = loadConfig(riskApiConfigSchema, { env: { BLOCKLIST_ACTION: 'LABEL' } });
    expect([c.blocklistAction, c.blockLevel]).toEqual(['LABEL', 'NEVER']);
    expect(() => loadConfig(riskApiConfigSchema, { env: { BLOCKLIST_ACTION: 'DROP' } })).toThrow();
  });

  it('reads the home country code and international gateways, and refuses a code without +', () => {
    const d = loadConfig(riskApiConfigSchema, { env: {} });
    expect([d.homeCountryCode, d.internationalTrunkPrefixes]).toEqual(['+86', ['TG-SH-INTL-']]);
    const c = loadConfig(riskApiConfigSchema, {
      env: { HOME_COUNTRY_CODE: '+44', INTERNATIONAL_TRUNK_PREFIXES: 'GW-LON-,GW-MAN-' },
    });
    expect([c.homeCountryCode, c.internationalTrunkPrefixes]).toEqual(['+44', ['GW-LON-', 'GW-MAN-']]);
    try {
      loadConfig(riskApiConfigSchema, { env: { HOME_COUNTRY_CODE: '86' } });
      expect.unreachable();
    } catch (err) {
      expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
      expect(String(err)).toContain('homeCountryCode');
    }
  });

  it('refuses short tokens and pairs without a switch', () => {
    for (const AUTH_TOKENS of ['short=sw', 'aaaaaaaaaaaaaaaaaaaa']) {
      try {
        loadConfig(riskApiConfigSchema, { env: { AUTH_TOKENS } });
        expect.unreachable();
      } catch (err) {
        expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
      }
    }
  });
});

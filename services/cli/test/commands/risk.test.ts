import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '@ringfence/common/testing';
import { registerRisk } from '../../src/commands/risk.js';
import { mainJobFixture, type MainJobFixture } from '../main-job-fixture.js';
import { runCli } from '../run-cli.js';

let fx: MainJobFixture;
beforeEach(async () => {
  fx = await mainJobFixture();
  vi.stubEnv('RINGFENCE_STACK_DIR', fx.stackDir);
  vi.stubEnv('RISK_API_TOKEN', undefined);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(fx.stackDir, { recursive: true, force: true });
});

/** One check against a port nothing listens on: the fail-open client answers by itself. */
async function check(...extra: string[]) {
  const address = `127.0.0.1:${await freePort()}`;
  return runCli(registerRisk, [
    'risk',
    'check',
    '+8613911112222',
    '--called',
    '+8613700000000',
    '--address',
    address,
    '--deadline',
    '50',
    ...extra,
  ]);
}

describe('ringfence risk check', () => {
  it("inside the checkout sends the main job's risk-api token when given none, and says so", async () => {
    const r = await check();
    expect(r.stderr).toMatch(
      /^ringfence: no --token or RISK_API_TOKEN: using the main job's risk-api token, from \S*risk-api\.token$/m,
    );
    expect(r.stderr).not.toContain(fx.riskToken);
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'ACTION_ALLOW' });
  });

  it('says nothing about the main job when a token is given', async () => {
    expect((await check('--token', 'mine-0123456789abcdef')).stderr).toBe('');
    vi.stubEnv('RISK_API_TOKEN', 'env-0123456789abcdef');
    expect((await check()).stderr).toBe('');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { isRingfenceError } from '@ringfence/common';
import { until } from '@ringfence/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTokenFile } from '../src/token-file.js';
import type { RiskServer } from '../src/index.js';
import { rawClient, startTestServer, statusOf, type RawClient } from './support.js';

const OLD = 'rotated-out-token-0000000001';
const NEW = 'rotated-in-token-00000000002';

describe('token file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-api-tokens-'));
  const file = join(dir, 'tokens');
  let server: RiskServer;
  let c: RawClient;
  const check = (token: string): Promise<number | 'ok'> =>
    statusOf(c.check({ calling: '+8613911112222', called: '1' }, { token }));

  beforeAll(async () => {
    writeFileSync(file, `${OLD}=sw-file\n`);
    ({ server } = await startTestServer({ authTokensFile: file, authTokensRefreshMs: 100 }));
    server.setReady(true);
    c = rawClient(server.port);
  });
  afterAll(async () => {
    c.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the file beside the configured tokens and swaps it when it changes, without a restart', async () => {
    expect(await check(OLD)).toBe('ok');
    // The configured token (support.ts) still works beside the file's.
    expect(await statusOf(c.check({ calling: '+8613911112222', called: '1' }))).toBe('ok');
    writeFileSync(file, JSON.stringify({ [NEW]: 'sw-file' }));
    await until('the new token to be served', async () => (await check(NEW)) === 'ok', 10_000);
    expect(await check(OLD)).toBe(status.UNAUTHENTICATED);
  });

  it('keeps the tokens in force when the file turns invalid', async () => {
    writeFileSync(file, 'short=sw\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await check(NEW)).toBe('ok');
  });

  it('refuses to start on a missing or invalid file, naming the file and never a token', async () => {
    for (const [path, text] of [
      [join(dir, 'absent'), undefined],
      [join(dir, 'bad'), `too-short=sw\n${NEW}=`],
    ] as const) {
      if (text !== undefined) writeFileSync(path, text);
      const started = startTestServer({ authTokensFile: path });
      await expect(started).rejects.toSatisfy((err) => isRingfenceError(err, 'CONFIG_INVALID'));
      await started.catch((err: Error) => {
        expect(err.message).toContain(path);
        expect(err.message).not.toContain(NEW);
      });
    }
    expect(() => parseTokenFile('f', '{ not json')).toThrow(/not valid JSON/);
  });
});

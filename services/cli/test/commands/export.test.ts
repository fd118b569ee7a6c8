import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DirectoryTarget,
  buildReport,
  deliverReport,
  generateSigningKey,
  loadSigner,
  periodFor,
} from '@ringfence/exporter';
import { registerExport } from '../../src/commands/export.js';
import { mainJobFixture, type MainJobFixture } from '../main-job-fixture.js';
import { runCli } from '../run-cli.js';

type RawData = Parameters<typeof buildReport>[1];

const EMPTY: RawData = {
  calls: 0,
  bucketCalls: [],
  flagged: [],
  callerStats: [],
  callerPaths: [],
  topCallees: [],
  feedbackForFlagged: [],
  actionsInPeriod: [],
  alerts: [],
  complaints: { total: 0, aboutFlagged: 0, reportedNumbers: 0 },
  complaintsPerNumber: [],
  sources: [],
  sourceRisk: [],
  samples: [],
  watermarkMs: null,
};

/** A signed export revision made with `privateKeyPem`; returns its directory. */
async function signedExport(root: string, privateKeyPem: string): Promise<string> {
  const report = buildReport(periodFor('daily', '2026-11-02', 'Asia/Shanghai'), EMPTY, {
    calleeHashKey: 'unit-callee-key-0123',
    topReasons: 3,
  });
  return (await deliverReport(report, new DirectoryTarget(root), loadSigner(privateKeyPem))).location;
}

const verify = (...args: string[]) => runCli(registerExport, ['export', 'verify', ...args]);
const WARNING = /^WARNING: .*shipped inside the export.*NOT who signed them.*--public-key/m;

let fx: MainJobFixture;
let root: string;
beforeEach(async () => {
  fx = await mainJobFixture();
  root = await mkdtemp(join(tmpdir(), 'rf-verify-'));
  for (const v of ['SIGNING_KEY', 'RINGFENCE_CONFIG']) vi.stubEnv(v, undefined);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(fx.stackDir, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

describe('ringfence export verify', () => {
  it('warns on stderr when only the key shipped inside the export could be checked against', async () => {
    vi.stubEnv('RINGFENCE_STACK_DIR', root); // no main job here
    const dir = await signedExport(root, generateSigningKey().privateKeyPem);
    const r = await verify(dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^OK /m);
    expect(r.stderr).toMatch(WARNING);
  });

  it('does not warn with a trusted key given, and fails an export signed by another key', async () => {
    vi.stubEnv('RINGFENCE_STACK_DIR', root);
    const dir = await signedExport(root, fx.privateKeyPem);
    const trusted = join(root, 'trusted.pem');
    await writeFile(trusted, fx.publicKeyPem);
    const ok = await verify(dir, '--public-key', trusted);
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toBe('');
    const forged = await signedExport(join(root, 'forged'), generateSigningKey().privateKeyPem);
    const bad = await verify(forged, '--public-key', trusted);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^SIGNATURE-INVALID /m);
  });

  it("inside the checkout takes the main job's public key when given none, and says so", async () => {
    vi.stubEnv('RINGFENCE_STACK_DIR', fx.stackDir);
    const mine = await verify(await signedExport(root, fx.privateKeyPem));
    expect(mine.exitCode).toBe(0);
    expect(mine.stderr).toContain(`the main job's public key`);
    expect(mine.stderr).toContain('export.pem.pub');
    expect(mine.stderr).not.toMatch(WARNING);
    // It really is the key checked against: another signer's export fails.
    const other = await verify(await signedExport(join(root, 'other'), generateSigningKey().privateKeyPem));
    expect(other.exitCode).toBe(1);
  });

  it("takes the public half of SIGNING_KEY before the main job's key", async () => {
    vi.stubEnv('RINGFENCE_STACK_DIR', fx.stackDir);
    const own = generateSigningKey();
    vi.stubEnv('SIGNING_KEY', own.privateKeyPem);
    const r = await verify(await signedExport(root, own.privateKeyPem));
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('public half of SIGNING_KEY');
  });
});

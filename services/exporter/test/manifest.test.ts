import { mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryTarget } from '../src/directory-target.js';
import { deliverReport } from '../src/export-period.js';
import { parseManifest, sha256Hex } from '../src/manifest.js';
import { periodFor } from '../src/period.js';
import { buildReport } from '../src/report.js';
import { verifyExport } from '../src/verify.js';
import { sampleRaw, testSigner } from './fixtures.js';

const period = periodFor('daily', '2026-11-02', 'Asia/Shanghai');
const options = { calleeHashKey: 'test-key-0123456789', topReasons: 3 };
const signer = testSigner();

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rf-export-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function exportSample(out: string, mutate?: (raw: ReturnType<typeof sampleRaw>) => void) {
  const raw = sampleRaw();
  mutate?.(raw);
  return deliverReport(buildReport(period, raw, options), new DirectoryTarget(out), signer);
}

describe('manifest signing and verification', () => {
  it('verifies a fresh export and lists every file with hash and size', async () => {
    const r = await exportSample(root);
    expect(r.status).toBe('new');
    expect(r.revision).toBe(1);
    expect(r.location).toBe(join(root, 'daily', '2026-11-02', 'r1'));
    const v = await verifyExport(r.location);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.keyFingerprint).toBe(signer.fingerprint);
    const m = parseManifest(await readFile(join(r.location, 'manifest.json')));
    expect(m.files.map((f) => f.name)).toEqual([
      'flagged-numbers.csv',
      'flagged-numbers.json',
      'report.html',
      'sources.csv',
      'sources.json',
      'summary.json',
    ]);
    for (const f of m.files) {
      const bytes = await readFile(join(r.location, f.name));
      expect(f.sha256).toBe(sha256Hex(bytes));
      expect(f.bytes).toBe(bytes.byteLength);
    }
    expect(m.revision).toBe(1);
    expect(m.supersedes).toBeNull();
    expect(m.data_watermark).toBe('2026-11-02T15:53:20.000Z');
    expect(m.format_version).toBe(1);
  });

  it('names a tampered file', async () => {
    const r = await exportSample(root);
    const path = join(r.location, 'flagged-numbers.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('HIGH', 'LOW'));
    const v = await verifyExport(r.location);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => [p.kind, p.file])).toEqual([['changed', 'flagged-numbers.csv']]);
  });

  it('names a missing file and an extra file', async () => {
    const r = await exportSample(root);
    await unlink(join(r.location, 'sources.json'));
    await writeFile(join(r.location, 'notes.txt'), 'added later\n');
    const v = await verifyExport(r.location);
    expect(v.problems.map((p) => [p.kind, p.file])).toEqual([
      ['missing', 'sources.json'],
      ['extra', 'notes.txt'],
    ]);
  });

  it('refuses a bad signature, an edited manifest and a foreign trusted key', async () => {
    const r = await exportSample(root);
    const sigPath = join(r.location, 'manifest.sig');
    const sig = Buffer.from((await readFile(sigPath, 'utf8')).trim(), 'base64');
    sig[0] = (sig[0] ?? 0) ^ 0xff;
    await writeFile(sigPath, `${sig.toString('base64')}\n`);
    expect((await verifyExport(r.location)).problems.map((p) => p.kind)).toEqual(['signature-invalid']);

    const other = await exportSample(join(root, 'other'));
    const manifestPath = join(other.location, 'manifest.json');
    const m = await readFile(manifestPath, 'utf8');
    await writeFile(manifestPath, m.replace('"revision": 1', '"revision": 7'));
    expect((await verifyExport(other.location)).problems.map((p) => p.kind)).toEqual(['signature-invalid']);

    const third = await exportSample(join(root, 'third'));
    const foreign = testSigner();
    const v = await verifyExport(third.location, foreign.publicKeyPem);
    expect(v.problems.map((p) => p.kind)).toEqual(['signature-invalid', 'public-key-mismatch']);
    expect((await verifyExport(third.location, signer.publicKeyPem)).ok).toBe(true);
  });

  it('re-exports byte-identically, signature included', async () => {
    const a = await exportSample(join(root, 'a'));
    const b = await exportSample(join(root, 'b'));
    const names = (await readdir(a.location)).sort();
    expect((await readdir(b.location)).sort()).toEqual(names);
    for (const n of names) {
      expect((await readFile(join(a.location, n))).equals(await readFile(join(b.location, n))), n).toBe(true);
    }
  });
});

describe('revisions', () => {
  it('declares an unchanged re-export the same revision and writes nothing', async () => {
    const first = await exportSample(root);
    const again = await exportSample(root);
    expect(again).toMatchObject({ status: 'unchanged', revision: 1, location: first.location });
    expect(await readdir(join(root, 'daily', '2026-11-02'))).toEqual(['r1']);
  });

  it('writes late data as a new revision that names the one it supersedes, leaving r1 intact', async () => {
    const first = await exportSample(root);
    const r1Manifest = await readFile(join(first.location, 'manifest.json'));
    const late = await exportSample(root, (raw) => {
      raw.calls += 10;
      raw.watermarkMs = (raw.watermarkMs ?? 0) + 1000;
    });
    expect(late).toMatchObject({ status: 'new', revision: 2, supersedes: 1 });
    expect(late.location).toBe(join(root, 'daily', '2026-11-02', 'r2'));
    const m2 = parseManifest(await readFile(join(late.location, 'manifest.json')));
    expect(m2.revision).toBe(2);
    expect(m2.supersedes).toEqual({ revision: 1, manifest_sha256: sha256Hex(r1Manifest) });
    expect((await readFile(join(first.location, 'manifest.json'))).equals(r1Manifest)).toBe(true);
    expect((await verifyExport(first.location)).ok).toBe(true);
    expect((await verifyExport(late.location)).ok).toBe(true);
    // The same late data again: still r2.
    const again = await exportSample(root, (raw) => {
      raw.calls += 10;
      raw.watermarkMs = (raw.watermarkMs ?? 0) + 1000;
    });
    expect(again).toMatchObject({ status: 'unchanged', revision: 2 });
  });

  it('records the report language in the signed manifest: the same language re-exports as unchanged, another is a new revision', async () => {
    const report = buildReport(period, sampleRaw(), options);
    const target = new DirectoryTarget(root);
    const zh = await deliverReport(report, target, signer);
    const m1 = parseManifest(await readFile(join(zh.location, 'manifest.json')));
    expect(m1.report_language).toBe('zh-CN');
    expect(await deliverReport(report, target, signer, 'zh-CN')).toMatchObject({
      status: 'unchanged',
      revision: 1,
    });

    const en = await deliverReport(report, target, signer, 'en');
    expect(en).toMatchObject({ status: 'new', revision: 2, supersedes: 1 });
    expect((await verifyExport(en.location)).ok).toBe(true);
    const m2 = parseManifest(await readFile(join(en.location, 'manifest.json')));
    expect(m2.report_language).toBe('en');
    // Only the readable report differs; the regulator's data files are the same bytes.
    const changed = m2.files.filter((f) => m1.files.find((g) => g.name === f.name)?.sha256 !== f.sha256);
    expect(changed.map((f) => f.name)).toEqual(['report.html']);
  });

  it('never overwrites a revision another exporter published first', async () => {
    const target = new DirectoryTarget(root);
    const a = await target.open('daily/2026-11-02', 1);
    const b = await target.open('daily/2026-11-02', 1);
    await a.put('x.txt', Buffer.from('a'));
    await b.put('x.txt', Buffer.from('b'));
    await a.finalize();
    await expect(b.finalize()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(join(root, 'daily', '2026-11-02', 'r1', 'x.txt'), 'utf8')).toBe('a');
    expect(await readdir(join(root, 'daily', '2026-11-02'))).toEqual(['r1']);
  });
});

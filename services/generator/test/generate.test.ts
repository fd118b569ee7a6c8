import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { normaliseNumber, parseCdr, parseComplaint } from '@ringfence/cdr';
import { generate, generateToFiles, outputPaths, type GenerateOptions } from '../src/index.js';
import { MemorySink, lines, run, toCdr, toLabels } from './fixture.js';

const small: GenerateOptions = { subscribers: 800, hours: 30, seed: 7 };

describe('generate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-gen-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is deterministic: same seed gives the same bytes, another seed different ones', async () => {
    const a = await run(small);
    const b = await run(small);
    const c = await run({ ...small, seed: 8 });
    expect(a.cdrText.length).toBeGreaterThan(100_000);
    expect(b.cdrText).toBe(a.cdrText);
    expect(b.complaintText).toBe(a.complaintText);
    expect(b.labelText).toBe(a.labelText);
    expect(c.cdrText).not.toBe(a.cdrText);
    expect(c.labelText).not.toBe(a.labelText);
  });

  it('labels a subscriber drawn both as a look-alike and as a harasser from their own line as the harasser', async () => {
    // Many roamers and night pesters in a small population: some subscriber is drawn as both.
    const o = await run({
      subscribers: 1000,
      hours: 24,
      seed: 7,
      mix: { roamers: 2000, nightPesters: 2000 },
    });
    const roamed = new Set(
      lines(o.cdrText)
        .map(toCdr)
        .filter((c) => c.location === 'roaming')
        .map((c) => c.calling),
    );
    const numbers = toLabels(o.labelText).filter((l) => l.kind === 'number');
    const both = numbers.filter((l) => roamed.has(l.id) && l.category === 'targeted_harassment');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((l) => l.class === 'harasser')).toBe(true);
    expect(new Set(numbers.map((l) => l.id)).size).toBe(numbers.length);
  });

  it('writes only records that ingest accepts when bad-rate is 0', async () => {
    const o = await run({ ...small, start: '2026-11-07T06:00:00+08:00' });
    const cdrs = lines(o.cdrText);
    const rejected = cdrs.map((l) => parseCdr(JSON.parse(l))).filter((r) => !r.ok);
    expect(rejected).toEqual([]);
    expect(cdrs[0]).toContain('"setup_time":"2026-11-07T06:');
    const complaints = lines(o.complaintText).map((l) => parseComplaint(JSON.parse(l)));
    expect(complaints.length).toBeGreaterThan(0);
    expect(complaints.filter((r) => !r.ok)).toEqual([]);
    // Labels name numbers exactly as ingest normalises them.
    for (const l of toLabels(o.labelText).filter((x) => x.kind === 'number'))
      expect(normaliseNumber(l.id).e164).toBe(l.id);
  });

  it('mixes in deliberately bad records at the requested rate, all refused by ingest', async () => {
    const o = await run({ ...small, badRate: 0.05 });
    const cdrs = lines(o.cdrText);
    const refused = cdrs.filter((l) => {
      try {
        return !parseCdr(JSON.parse(l)).ok;
      } catch {
        return true;
      }
    });
    expect(o.summary.badRecords).toBeGreaterThan(cdrs.length * 0.03);
    expect(o.summary.badRecords).toBeLessThan(cdrs.length * 0.07);
    expect(refused.length).toBe(o.summary.badRecords);
  });

  it('leaves out the fields a network does not fill, and only those', async () => {
    const full = lines((await run(small)).cdrText);
    const bare = lines((await run({ ...small, without: ['attestation', 'device', 'location'] })).cdrText);
    expect(bare.length).toBe(full.length);
    for (const field of ['attestation', 'device_id', 'calling_location']) {
      expect(full.some((l) => l.includes(`"${field}"`))).toBe(true);
      expect(bare.some((l) => l.includes(`"${field}"`))).toBe(false);
    }
    const strip = (l: string): string =>
      l.replace(/,"(attestation|device_id|calling_location)":"[^"]*"/g, '');
    expect(bare).toEqual(full.map(strip));
  });

  it('refuses invalid options with INVALID_ARGUMENT', async () => {
    const bad: GenerateOptions[] = [
      { ...small, subscribers: 0 },
      { ...small, hours: -1 },
      { ...small, seed: 1.5 },
      { ...small, badRate: 2 },
      { ...small, start: 'not a date' },
      { ...small, without: ['attestation', 'imsi' as 'device'] },
    ];
    for (const o of bad) {
      const err = await generate(o, { cdrs: new MemorySink() }).catch((e: unknown) => e);
      expect(isRingfenceError(err, 'INVALID_ARGUMENT'), JSON.stringify(o)).toBe(true);
    }
  });

  it('writes the three companion files, gzip included', async () => {
    expect(outputPaths('/x/run.jsonl')).toEqual({
      cdrs: '/x/run.jsonl',
      complaints: '/x/run.complaints.jsonl',
      labels: '/x/run.labels.jsonl',
    });
    expect(() => outputPaths('/x/run.csv')).toThrow(/must end in/);
    const opts = { ...small, hours: 6 };
    const plain = await generateToFiles(opts, join(dir, 'p.jsonl'));
    const gz = await generateToFiles(opts, join(dir, 'g.jsonl.gz'));
    expect(gz.paths.labels).toBe(join(dir, 'g.labels.jsonl.gz'));
    for (const k of ['cdrs', 'complaints', 'labels'] as const) {
      const a = await readFile(plain.paths[k]);
      expect(gunzipSync(await readFile(gz.paths[k])).equals(a)).toBe(true);
    }
    expect(lines((await readFile(plain.paths.cdrs)).toString()).length).toBe(plain.summary.records);
  });
});

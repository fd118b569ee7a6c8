import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@ringfence/common/testing';
import { generateToFiles } from '@ringfence/generator';
import { CallIds } from '../src/call-ids.js';
import { CollectingSink, Engine, loadRules, scoreFile, type Verdict } from '../src/index.js';
import { T0, callee, cdr, newEngine } from './cdr-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-call-dedup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROBO = '+8615000000001';

function verdictsOf(verdicts: readonly Verdict[]): string {
  return JSON.stringify(verdicts);
}

describe('call_id deduplication', () => {
  it('a resent CDR changes no feature, no verdict and no state', () => {
    const { engine, sink } = newEngine();
    const calls = Array.from({ length: 80 }, (_, i) =>
      cdr({
        from: ROBO,
        to: callee(i),
        at: T0 + i * 20_000,
        answered: i % 10 === 0,
        attestation: 3,
        trunk: 'TG-1',
      }),
    );
    for (const c of calls) engine.onCdr(c);
    const snap = engine.snapshot();
    const verdicts = verdictsOf([...sink.latest.values()]);
    const published = sink.verdictCount;
    // Resent in a different order, some long after (other traffic moved event time on meanwhile).
    const random = seededRandom(3);
    const resent = calls.filter(() => random() < 0.5).reverse();
    for (const c of resent) engine.onCdr({ ...c });
    expect(engine.duplicates).toBe(resent.length);
    expect(engine.snapshot().equals(snap)).toBe(true);
    expect(verdictsOf([...sink.latest.values()])).toBe(verdicts);
    expect(sink.verdictCount).toBe(published);
    // A new call id of the same caller still counts.
    engine.onCdr({ ...calls[0]!, callId: 'another' });
    expect(engine.duplicates).toBe(resent.length);
    expect(engine.snapshot().equals(snap)).toBe(false);
  });

  it('keeps the ids it counted across a snapshot', () => {
    const first = newEngine();
    const c = cdr({ from: ROBO, at: T0 });
    first.engine.onCdr(c);
    const restored = new Engine(loadRules(), new CollectingSink());
    restored.restore(first.engine.snapshot());
    restored.onCdr({ ...c });
    expect(restored.duplicates).toBe(1);
  });

  it('remembers 26 setup hours, and round-trips its bytes', () => {
    const ids = new CallIds();
    const at = T0 / 1000;
    expect(ids.add(at, 'a')).toBe(true);
    expect(ids.add(at, 'a')).toBe(false);
    expect(ids.add(at + 25 * 3600, 'b')).toBe(true);
    expect(ids.add(at, 'a')).toBe(false);
    // 26 hours on, the hour of 'a' is reused: 'a' is no longer known, and older calls are not kept.
    expect(ids.add(at + 26 * 3600, 'c')).toBe(true);
    expect(ids.add(at, 'a')).toBe(true);
    expect(ids.size).toBe(2);
    const copy = new CallIds();
    copy.fromBytes(ids.toBytes());
    expect(copy.add(at + 25 * 3600, 'b')).toBe(false);
    expect(copy.add(at + 26 * 3600, 'c')).toBe(false);
    expect(() => copy.fromBytes(new Uint8Array(6))).toThrow(/wrong size/);
  });

  it('keeps every id of a busy hour as its table grows, in the order a snapshot writes them', () => {
    const ids = new CallIds();
    const at = Math.floor(T0 / 3_600_000) * 3600;
    const n = 50_000;
    let added = 0;
    for (let i = 0; i < n; i++) if (ids.add(at + (i % 3600), `call-${i}`)) added++;
    expect(added).toBe(n);
    expect(ids.size).toBe(n);
    let resent = 0;
    for (let i = 0; i < n; i += 7) if (!ids.add(at, `call-${i}`)) resent++;
    expect(resent).toBe(Math.ceil(n / 7));
    const bytes = ids.toBytes();
    const copy = new CallIds();
    copy.fromBytes(bytes);
    expect(copy.size).toBe(n);
    expect(copy.toBytes().equals(bytes)).toBe(true);
    expect(copy.add(at, 'call-49999')).toBe(false);
    expect(copy.add(at, 'call-50000')).toBe(true);
    // A new hour in the slot starts it empty, with the table it grew to.
    expect(copy.add(at + 26 * 3600, 'call-0')).toBe(true);
    expect(copy.add(at + 26 * 3600, 'call-0')).toBe(false);
    expect(copy.size).toBe(1);
  });
});

describe('a file replayed gives the same verdicts as once', () => {
  let lines: string[] = [];
  let complaints = '';
  let once: Verdict[] = [];

  beforeAll(async () => {
    const { paths } = await generateToFiles(
      { subscribers: 2_000, hours: 8, seed: 21, start: '2026-11-02T08:00:00+08:00' },
      join(dir, 'g.jsonl'),
    );
    lines = readFileSync(paths.cdrs, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    complaints = paths.complaints;
    once = (await scoreFile(paths.cdrs, { complaints })).verdicts;
    expect(once.filter((v) => v.level !== 'NONE').length).toBeGreaterThan(10);
  }, 120_000);

  async function scoreLines(name: string, content: readonly string[]): Promise<Verdict[]> {
    const path = join(dir, name);
    writeFileSync(path, `${content.join('\n')}\n`);
    const r = await scoreFile(path, { complaints });
    expect(r.duplicates).toBe(content.length - lines.length);
    return r.verdicts;
  }

  it('replayed twice', async () => {
    expect(verdictsOf(await scoreLines('twice.jsonl', [...lines, ...lines]))).toBe(verdictsOf(once));
  });

  it('with 5% of its records resent out of order, each after its original', async () => {
    const random = seededRandom(8);
    const out: string[] = [];
    // Copies due after line i, each sent up to 2,000 records after its original.
    const due = new Map<number, string[]>();
    let resent = 0;
    lines.forEach((line, i) => {
      out.push(line, ...(due.get(i) ?? []));
      if (random() < 0.05) {
        const at = Math.min(lines.length - 1, i + 1 + Math.floor(random() * 2_000));
        due.set(at, [...(due.get(at) ?? []), line]);
        resent++;
      }
    });
    expect(resent).toBeGreaterThan(lines.length * 0.04);
    expect(verdictsOf(await scoreLines('resent.jsonl', out))).toBe(verdictsOf(once));
  });
});

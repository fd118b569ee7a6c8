import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCdr, readRecords } from '@ringfence/cdr';
import { Engine, loadRules, type EngineSink, type Verdict } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import { CallingLocation, cdrv1, type ICallDetailRecord, type INumber } from '@ringfence/proto';
import { decodeCdrForScoring } from '../src/cdr-decoder.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-cdr-decoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the engine reads of a number: e164, valid, and raw only as the fallback for no e164. */
function asRead(n: INumber | null | undefined): unknown {
  if (n === null || n === undefined) return null;
  return { e164: n.e164 ?? '', valid: n.valid ?? false, raw: n.e164 ? '' : (n.raw ?? '') };
}

function engineView(c: ICallDetailRecord): unknown {
  return {
    // Read for deduplication: a resent CDR counts once.
    callId: c.callId ?? '',
    setup: Number(c.setupTimeMs ?? 0),
    answer: Number(c.answerTimeMs ?? 0),
    release: Number(c.releaseTimeMs ?? 0),
    calling: asRead(c.calling),
    called: asRead(c.called),
    asserted: asRead(c.asserted),
    trunk: c.ingressTrunk ?? '',
    carrier: c.ingressCarrier ?? '',
    device: c.deviceId ?? '',
    cause: c.releaseCause ?? 0,
    media: c.media ?? 0,
    attestation: c.attestation ?? 0,
    location: c.callingLocation ?? 0,
  };
}

async function generated(): Promise<Buffer[]> {
  const { paths } = await generateToFiles({ subscribers: 3_000, hours: 12, seed: 5 }, join(dir, 'g.jsonl'));
  const out: Buffer[] = [];
  for await (const rec of readRecords(paths.cdrs)) {
    const r = parseCdr(rec.value);
    if (r.ok) out.push(Buffer.from(cdrv1.CallDetailRecord.encode(r.value).finish()));
  }
  return out;
}

describe('decodeCdrForScoring', () => {
  it('decodes ordinary records itself, without handing them to protobufjs', async () => {
    // Falling back gives the same result, so only this shows that the fast path still works.
    const records = (await generated()).slice(0, 2_000);
    const full = vi.spyOn(cdrv1.CallDetailRecord, 'decode');
    try {
      for (const b of records) decodeCdrForScoring(b);
      expect(full).not.toHaveBeenCalled();
    } finally {
      full.mockRestore();
    }
  });

  it('reads every field the engine reads exactly as protobufjs does, and the engine agrees', async () => {
    const records = await generated();
    expect(records.length).toBeGreaterThan(1_000);
    // The generated traffic carries both HLR/HSS locations (roamers, spoofed own-range numbers).
    const locations = new Set(records.map((b) => cdrv1.CallDetailRecord.decode(b).callingLocation));
    expect([...locations].sort()).toEqual([
      CallingLocation.CALLING_LOCATION_UNSPECIFIED,
      CallingLocation.CALLING_LOCATION_HOME,
      CallingLocation.CALLING_LOCATION_ROAMING,
    ]);
    for (const b of records)
      expect(engineView(decodeCdrForScoring(b))).toEqual(engineView(cdrv1.CallDetailRecord.decode(b)));
    const run = (decode: (b: Buffer) => ICallDetailRecord): Verdict[] => {
      const verdicts: Verdict[] = [];
      const sink: EngineSink = { verdict: (v) => verdicts.push(v), tombstone() {}, alert() {} };
      const engine = new Engine(loadRules(), sink);
      for (const b of records) engine.onCdr(decode(b));
      engine.flush();
      return verdicts;
    };
    const full = run((b) => cdrv1.CallDetailRecord.decode(b));
    expect(full.some((v) => v.level === 'HIGH')).toBe(true);
    expect(run(decodeCdrForScoring)).toEqual(full);
  }, 60_000);

  it('falls back to the full decoder for what it does not read itself', () => {
    const base = {
      callId: 'c-1',
      setupTimeMs: 1_790_000_000_000,
      calling: { raw: '021 5555 0101', e164: '', valid: false },
      called: { raw: '13800000000', e164: '+8613800000000', valid: true },
      ingressTrunk: 'TG-1',
    };
    // The calling location (field 19) stays on the fast path and reads as protobufjs reads it.
    for (const callingLocation of [
      CallingLocation.CALLING_LOCATION_HOME,
      CallingLocation.CALLING_LOCATION_ROAMING,
    ]) {
      const located = Buffer.from(cdrv1.CallDetailRecord.encode({ ...base, callingLocation }).finish());
      expect(decodeCdrForScoring(located).callingLocation).toBe(callingLocation);
      expect(engineView(decodeCdrForScoring(located))).toEqual(
        engineView(cdrv1.CallDetailRecord.decode(located)),
      );
    }
    // A negative time is a 10-byte varint: read by protobufjs, handed over by the fast path.
    const negative = Buffer.from(cdrv1.CallDetailRecord.encode({ ...base, answerTimeMs: -5 }).finish());
    expect(Number(decodeCdrForScoring(negative).answerTimeMs)).toBe(-5);
    // Unknown fields of every wire type are skipped, as protobufjs skips them.
    const plain = Buffer.from(cdrv1.CallDetailRecord.encode(base).finish());
    const unknown = Buffer.concat([
      plain,
      Buffer.from([0xa8, 0x06, 0x07]), // field 101, varint
      Buffer.from([0xb1, 0x06, 1, 2, 3, 4, 5, 6, 7, 8]), // field 102, fixed64
      Buffer.from([0xbd, 0x06, 1, 2, 3, 4]), // field 103, fixed32
      Buffer.from([0xc2, 0x06, 0x02, 0x41, 0x42]), // field 104, bytes
    ]);
    const d = decodeCdrForScoring(unknown);
    expect(engineView(d)).toEqual(engineView(cdrv1.CallDetailRecord.decode(unknown)));
    expect(d.calling?.raw).toBe('021 5555 0101');
    // A truncated record means what protobufjs says it means (it cuts the last string short).
    const truncated = plain.subarray(0, plain.length - 2);
    expect(engineView(decodeCdrForScoring(truncated))).toEqual(
      engineView(cdrv1.CallDetailRecord.decode(truncated)),
    );
    expect(decodeCdrForScoring(truncated).ingressTrunk).toBe('TG');
    // And bytes protobufjs refuses are refused.
    const bad = Buffer.concat([plain, Buffer.from([0x0f])]); // wire type 7
    expect(() => cdrv1.CallDetailRecord.decode(bad)).toThrow();
    expect(() => decodeCdrForScoring(bad)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import {
  CollectingSink,
  NumberStage,
  SourceStage,
  loadRules,
  type SourceObservation,
} from '@ringfence/engine';
import { cdrv1, type CallDetailRecord } from '@ringfence/proto';
import { readEngineState, writeEngineState } from '../src/engine-state.js';

const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);

function stages(): { numbers: NumberStage; sources: SourceStage; obs: SourceObservation[] } {
  const rules = loadRules();
  const obs: SourceObservation[] = [];
  const numbers = new NumberStage(rules, new CollectingSink(), (o) => obs.push({ ...o }));
  const sources = new SourceStage(rules, new CollectingSink());
  return { numbers, sources, obs };
}

function cdr(i: number): CallDetailRecord {
  return cdrv1.CallDetailRecord.create({
    callId: `c${i}`,
    setupTimeMs: T0 + i * 20_000,
    releaseTimeMs: T0 + i * 20_000 + 3_000,
    calling: { raw: '+8613800000001', e164: '+8613800000001', valid: true },
    called: { raw: `+861390000${String(1000 + i)}`, e164: `+861390000${String(1000 + i)}`, valid: true },
    ingressTrunk: 'TG-1',
    ingressCarrier: 'CARRIER-X',
    releaseCause: 16,
  });
}

describe('engine state snapshot', () => {
  it('restores both stages and the replay filter exactly', () => {
    const a = stages();
    for (let i = 0; i < 300; i++) a.numbers.onCdr(cdr(i));
    for (const o of a.obs) a.sources.onObservation(o);
    const applied = new Map([['0:1', 1234]]);
    const blob = writeEngineState(a.numbers, a.sources, applied);

    const b = stages();
    expect(readEngineState(blob, b.numbers, b.sources)).toEqual(applied);
    expect(writeEngineState(b.numbers, b.sources, applied).equals(blob)).toBe(true);
    expect(b.numbers.stage.states.size).toBe(a.numbers.stage.states.size);
    expect(b.sources.stage.states.size).toBe(a.sources.stage.states.size);
  });

  it('refuses a truncated or foreign blob with INTEGRITY', () => {
    const a = stages();
    a.numbers.onCdr(cdr(1));
    const blob = writeEngineState(a.numbers, a.sources, new Map());
    const b = stages();
    for (const bad of [blob.subarray(0, blob.length >> 1), Buffer.from('not a snapshot at all')]) {
      let err: unknown;
      try {
        readEngineState(bad, b.numbers, b.sources);
      } catch (e) {
        err = e;
      }
      expect(isRingfenceError(err, 'INTEGRITY') || err instanceof SyntaxError).toBe(true);
    }
  });
});

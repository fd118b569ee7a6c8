import { describe, expect, it } from 'vitest';
import { AttestationTally } from '../src/index.js';

describe('AttestationTally', () => {
  it('is in use once a twentieth of the calls carry an attestation, and not before', () => {
    const t = new AttestationTally();
    expect(t.inUse).toBe(false);
    for (let i = 0; i < 38; i++) t.add(false);
    t.add(true);
    expect(t.inUse).toBe(false); // 1 of 39
    t.add(true);
    expect(t.inUse).toBe(true); // 2 of 40
  });

  it('forgets old calls: a network that starts attesting is noticed within about 55,000 calls', () => {
    const t = new AttestationTally();
    for (let i = 0; i < 3_000_000; i++) t.add(false);
    for (let i = 0; i < 60_000; i++) t.add(true);
    expect(t.inUse).toBe(true);
  });

  it('keeps its counts across a snapshot, and restores none as a network that attests', () => {
    const t = new AttestationTally();
    for (let i = 0; i < 100; i++) t.add(false);
    const back = new AttestationTally();
    back.restore(JSON.parse(JSON.stringify(t)) as [number, number]);
    expect(back.inUse).toBe(false);
    back.add(true);
    expect(back.inUse).toBe(false);
    const old = new AttestationTally();
    old.restore(undefined);
    expect(old.inUse).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { hashString } from '../src/hash.js';
import { ReceivedCalls } from '../src/received-calls.js';

const H = 3600;
const A = hashString('+8613800000001');
const B = hashString('+8613800000002');

describe('ReceivedCalls', () => {
  it('counts per number over the 24 hours up to the asked time, by event hour', () => {
    const r = new ReceivedCalls();
    const t0 = 1_000 * H;
    r.add(t0, A);
    r.add(t0 + 5 * H, A);
    r.add(t0 + 5 * H + 10, A);
    r.add(t0 + 5 * H, B);
    expect(r.count(t0 + 5 * H, A)).toBe(3);
    expect(r.count(t0 + 5 * H, B)).toBe(1);
    // Hours after the asked time are not counted, nor hours a day or more before it.
    expect(r.count(t0 + 4 * H, A)).toBe(1);
    expect(r.count(t0 + 24 * H, A)).toBe(2);
    expect(r.count(t0 + 29 * H, A)).toBe(0);
  });

  it('gives the same counts whatever order the calls arrive in, within a day', () => {
    const calls = Array.from({ length: 500 }, (_, i) => ({
      sec: 2_000 * H + ((i * 7919) % (20 * H)),
      n: i % 40,
    }));
    const forward = new ReceivedCalls();
    const backward = new ReceivedCalls();
    for (const c of calls) forward.add(c.sec, hashString(`+86139${c.n}`));
    for (const c of [...calls].reverse()) backward.add(c.sec, hashString(`+86139${c.n}`));
    expect(backward.toBytes().equals(forward.toBytes())).toBe(true);
    expect(forward.count(2_000 * H + 20 * H, hashString('+861390'))).toBe(13);
  });

  it('recycles an hour slot for a newer hour and drops calls more than a day behind it', () => {
    const r = new ReceivedCalls();
    r.add(100 * H, A);
    r.add(125 * H, A); // same ring slot, a newer hour: the old hour is gone
    r.add(100 * H, A); // behind the slot's hour now: dropped
    expect(r.count(100 * H, A)).toBe(0);
    expect(r.count(125 * H, A)).toBe(1);
  });

  it('round-trips through bytes and refuses a blob of the wrong size with INTEGRITY', () => {
    const r = new ReceivedCalls();
    r.add(10 * H, A);
    const copy = new ReceivedCalls();
    copy.fromBytes(r.toBytes());
    expect(copy.count(10 * H, A)).toBe(1);
    expect(() => copy.fromBytes(new Uint8Array(10))).toThrow(expect.objectContaining({ code: 'INTEGRITY' }));
  });
});

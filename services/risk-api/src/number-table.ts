import type { Answer } from './answer.js';

// Below this share of slots in use a probe for a number that is not held (most checked numbers)
// ends after about two slots; the table doubles past it.
const MAX_LOAD = 0.5;
const MIN_CAPACITY = 1024;
const TWO_32 = 4_294_967_296;

/**
 * The digits of an E.164 number (`+` and 1 to 15 digits, the first not 0) as an integer, or 0 when
 * `e164` is not one. Fifteen digits stay below 2^53, so the integer is exact and no two numbers
 * share one.
 */
function numberKey(e164: string): number {
  const n = e164.length;
  if (n < 2 || n > 16 || e164.charCodeAt(0) !== 43 /* + */) return 0;
  let key = 0;
  for (let i = 1; i < n; i++) {
    const d = e164.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (i === 1 && d === 0)) return 0;
    key = key * 10 + d;
  }
  return key;
}

// Numbers of one range differ in their last digits: mix both halves so neighbours spread.
function hashOf(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / TWO_32) | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * E.164 numbers → (answer, verdict update time), held in typed arrays outside the JavaScript heap:
 * about 20–40 bytes a number, and nothing per number for the garbage collector to mark, so a full
 * collection's pause does not grow with a view of millions of numbers. Equal answers (by `answerKey`)
 * are held once, by index, and counted, so an answer no number gives any more is let go: what the
 * table holds is bounded by what its numbers answer now, not by every answer ever seen. Open
 * addressing with linear probing; a removal shifts the entries after it back, so no slot is ever a
 * tombstone.
 */
export class NumberTable {
  private keys: Float64Array;
  private answerIds: Uint32Array;
  private updated: Float64Array;
  private mask: number;
  private count = 0;
  private readonly answers: (Answer | undefined)[] = [];
  private readonly answerKeys: string[] = [];
  private readonly refs: number[] = [];
  private readonly idOf = new Map<string, number>();
  private readonly freeIds: number[] = [];

  /** `answerKey` gives equal answers equal keys and different ones different keys (`Policy.answerKey`). */
  constructor(private readonly answerKey: (a: Answer) => string) {
    this.keys = new Float64Array(MIN_CAPACITY);
    this.answerIds = new Uint32Array(MIN_CAPACITY);
    this.updated = new Float64Array(MIN_CAPACITY);
    this.mask = MIN_CAPACITY - 1;
  }

  /** Numbers held. */
  get size(): number {
    return this.count;
  }

  /** Distinct answers held (at most one per number). */
  get answerCount(): number {
    return this.idOf.size;
  }

  /** The slot holding `e164`, or -1; valid until the table next changes. */
  find(e164: string): number {
    const key = numberKey(e164);
    if (key === 0) return -1;
    const { keys, mask } = this;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === key) return slot;
      if (k === 0) return -1;
    }
  }

  /** The answer at a slot `find` returned: the one held for every number whose answer is equal. */
  answerAt(slot: number): Answer {
    return this.answers[this.answerIds[slot]!]!;
  }

  /** When the verdict at a slot `find` returned was last updated (Unix ms). */
  updatedMsAt(slot: number): number {
    return this.updated[slot]!;
  }

  /** Holds `answer` for `e164`; false (and nothing held) when `e164` is not an E.164 number. */
  set(e164: string, answer: Answer, updatedMs: number): boolean {
    const key = numberKey(e164);
    if (key === 0) return false;
    if ((this.count + 1) / this.keys.length > MAX_LOAD) this.resize(this.keys.length * 2);
    const { keys, mask } = this;
    let slot = hashOf(key) & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    const id = this.retain(answer);
    if (keys[slot] === key) this.release(this.answerIds[slot]!);
    else {
      keys[slot] = key;
      this.count++;
    }
    this.answerIds[slot] = id;
    this.updated[slot] = updatedMs;
    return true;
  }

  /** Removes `e164`; false when it was not held. */
  delete(e164: string): boolean {
    let slot = this.find(e164);
    if (slot < 0) return false;
    const { keys, answerIds, updated, mask } = this;
    this.release(answerIds[slot]!);
    this.count--;
    // Backward shift: move each following entry of the run into the hole when the hole lies on its
    // probe path (between its home slot and where it sits), so every entry stays reachable.
    for (let next = (slot + 1) & mask; keys[next] !== 0; next = (next + 1) & mask) {
      const home = hashOf(keys[next]!) & mask;
      if (((next - home) & mask) >= ((next - slot) & mask)) {
        keys[slot] = keys[next]!;
        answerIds[slot] = answerIds[next]!;
        updated[slot] = updated[next]!;
        slot = next;
      }
    }
    keys[slot] = 0;
    return true;
  }

  private retain(answer: Answer): number {
    const key = this.answerKey(answer);
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.freeIds.pop() ?? this.answers.length;
      this.answers[id] = answer;
      this.answerKeys[id] = key;
      this.refs[id] = 0;
      this.idOf.set(key, id);
    }
    this.refs[id]!++;
    return id;
  }

  private release(id: number): void {
    if (--this.refs[id]! > 0) return;
    this.idOf.delete(this.answerKeys[id]!);
    this.answers[id] = undefined;
    this.answerKeys[id] = '';
    this.freeIds.push(id);
  }

  private resize(capacity: number): void {
    const { keys, answerIds, updated } = this;
    this.keys = new Float64Array(capacity);
    this.answerIds = new Uint32Array(capacity);
    this.updated = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 0) continue;
      let slot = hashOf(key) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.answerIds[slot] = answerIds[i]!;
      this.updated[slot] = updated[i]!;
    }
  }
}

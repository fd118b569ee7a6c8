import { describe, expect, it } from 'vitest';
import { NO_RISK, type Answer } from '../src/answer.js';
import { NumberTable } from '../src/number-table.js';

const answers: Answer[] = Array.from({ length: 5 }, (_, i) => Object.freeze({ ...NO_RISK, score: i + 1 }));
// Equal answers (here: by score) are one answer to the table.
const byScore = (a: Answer): string => String(a.score);

// A small deterministic generator, so a failure replays.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

describe('NumberTable', () => {
  it('holds what a Map holds through sets, replacements and deletes, across growth', () => {
    const table = new NumberTable(byScore);
    const reference = new Map<string, { answer: Answer; updatedMs: number }>();
    const next = random(7);
    // Few distinct numbers in one range, so runs collide, wrap and are shifted back on delete.
    const number = (): string => `+86139${String(10_000_000 + Math.floor(next() * 6_000)).slice(-8)}`;
    for (let op = 0; op < 60_000; op++) {
      const n = number();
      if (next() < 0.35) {
        expect(table.delete(n)).toBe(reference.delete(n));
      } else {
        const answer = answers[Math.floor(next() * answers.length)]!;
        const updatedMs = op * 1_000_003;
        expect(table.set(n, answer, updatedMs)).toBe(true);
        reference.set(n, { answer, updatedMs });
      }
      if (op % 5_000 === 0 || op === 59_999) {
        expect(table.size).toBe(reference.size);
        for (const [k, v] of reference) {
          const slot = table.find(k);
          expect(slot, k).toBeGreaterThanOrEqual(0);
          expect(table.answerAt(slot)).toBe(v.answer);
          expect(table.updatedMsAt(slot)).toBe(v.updatedMs);
        }
      }
    }
    expect(table.size).toBeGreaterThan(1_024); // it grew
    for (let i = 0; i < 6_000; i++) {
      const n = `+86139${String(10_000_000 + i).slice(-8)}`;
      expect(table.find(n) >= 0).toBe(reference.has(n));
    }
  });

  it('holds one of each equal answer and lets go of one no number gives any more', () => {
    const table = new NumberTable(byScore);
    table.set('+8613900000001', answers[0]!, 1);
    // An equal answer decoded from another verdict: the one held is given back.
    table.set('+8613900000002', Object.freeze({ ...answers[0]! }), 2);
    expect(table.answerAt(table.find('+8613900000002'))).toBe(answers[0]);
    table.set('+8613900000003', answers[1]!, 3);
    expect(table.answerCount).toBe(2);
    table.set('+8613900000003', answers[0]!, 4);
    expect(table.answerCount).toBe(1);
    table.delete('+8613900000001');
    table.delete('+8613900000002');
    expect(table.answerCount).toBe(1);
    table.delete('+8613900000003');
    expect([table.answerCount, table.size]).toEqual([0, 0]);
    // A freed index is used again, and still answers right.
    table.set('+8613900000004', answers[2]!, 5);
    expect(table.answerAt(table.find('+8613900000004'))).toBe(answers[2]);
  });

  it('holds E.164 numbers only, up to 15 digits, exactly', () => {
    const table = new NumberTable(byScore);
    for (const bad of [
      '',
      '+',
      '8613900000001',
      '+0861390000000',
      '+1234567890123456',
      '+86 139',
      '+86-139',
      'anonymous',
    ]) {
      expect(table.set(bad, answers[0]!, 0), bad).toBe(false);
      expect(table.find(bad), bad).toBe(-1);
    }
    expect(table.size).toBe(0);
    // Fifteen digits are exact: neighbours at the top of the range stay apart.
    table.set('+999999999999999', answers[0]!, 1);
    table.set('+999999999999998', answers[1]!, 2);
    table.set('+1', answers[2]!, 3);
    expect(table.answerAt(table.find('+999999999999999'))).toBe(answers[0]);
    expect(table.answerAt(table.find('+999999999999998'))).toBe(answers[1]);
    expect(table.updatedMsAt(table.find('+1'))).toBe(3);
    expect(table.find('+99999999999999')).toBe(-1);
  });
});

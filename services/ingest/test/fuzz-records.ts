import { seededRandom } from '@ringfence/common/testing';
import { cdrObject } from '@ringfence/cdr/testing';

const NASTY = [
  "'; DROP TABLE cdr; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '__proto__',
  'constructor',
  '\u0000\u0001\u0002',
  '\ud83d\ude00\ud83d\ude00',
  '\u202e\u202d',
  '../../etc/passwd',
  '%s%s%n',
  '{{7*7}}',
  '\\',
  '"',
  '',
  ' ',
];
const ODD_NUMBERS = [
  'anonymous',
  '+',
  '00',
  '+86',
  '0086',
  '1'.repeat(30),
  '+8613800138000;ext=1',
  '１３８１２３４５６７８',
  'tel:+8613812345678',
  '+86 (0) 138-1234-5678',
  '138 1234 567a',
  '-1',
  '+999999999999',
  '💩',
];
const FIELDS = Object.keys(cdrObject(0));

/** One fuzz record: the bytes as sent. Deterministic per (seed, i). */
export function fuzzRecord(seed: number, i: number): Buffer {
  const random = seededRandom(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const good = cdrObject(100_000 + i, random);
  switch (Math.floor(random() * 9)) {
    case 0: {
      const n = Math.floor(random() * 300);
      const b = Buffer.alloc(n);
      for (let k = 0; k < n; k++) b[k] = Math.floor(random() * 256);
      return b;
    }
    case 1: {
      const s = JSON.stringify(good);
      return Buffer.from(s.slice(0, Math.floor(random() * s.length)));
    }
    case 2:
      return Buffer.from(
        JSON.stringify({ ...good, [pick(FIELDS)]: 'x'.repeat(1000 + Math.floor(random() * 200_000)) }),
      );
    case 3:
      return Buffer.from(JSON.stringify({ ...good, calling: pick(ODD_NUMBERS), called: pick(ODD_NUMBERS) }));
    case 4:
      return Buffer.from(
        JSON.stringify({ ...good, [pick(FIELDS)]: pick(NASTY), [pick(FIELDS)]: pick(NASTY) }),
      );
    case 5:
      return Buffer.from(
        JSON.stringify({
          ...good,
          [pick(FIELDS)]: pick<unknown>([[], {}, true, false, -1, 1e308, 0.5, null, [1, 2]]),
        }),
      );
    case 6: {
      const o: Record<string, unknown> = { ...good };
      delete o[pick(FIELDS)];
      return Buffer.from(JSON.stringify(o));
    }
    case 7:
      return Buffer.from(pick(['null', '[]', '"str"', '42', 'true', '{}', '{"a":', '[{"call_id":1}]', '']));
    default:
      // Sometimes perfectly good, sometimes a repeat of an earlier good one (a duplicate).
      return Buffer.from(JSON.stringify(random() < 0.5 ? good : cdrObject(100_000 + Math.floor(i / 2))));
  }
}

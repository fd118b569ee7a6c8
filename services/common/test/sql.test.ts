import { describe, expect, it } from 'vitest';
import { isRingfenceError } from '../src/errors.js';
import {
  array,
  bool,
  date,
  dateTime,
  float,
  fragment,
  ident,
  inList,
  int,
  joinSql,
  literal,
  raw,
  sql,
  str,
  uint,
} from '../src/sql.js';

function rejects(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(isRingfenceError(thrown, 'INVALID_ARGUMENT')).toBe(true);
}

/** Reads a literal produced by `str` back the way ClickHouse does; proves it ends exactly where it should. */
function unquote(text: string): string {
  expect(text.startsWith("'")).toBe(true);
  let out = '';
  let i = 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new Error('unterminated');
    if (c === "'") break;
    if (c === '\\') {
      const n = text[i + 1];
      if (n === 'x') {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
        i += 4;
      } else {
        out += n;
        i += 2;
      }
      continue;
    }
    out += c;
    i++;
  }
  expect(i).toBe(text.length - 1);
  return out;
}

const NASTY = [
  '',
  "'",
  "''",
  "\\'",
  '\\',
  "'; DROP TABLE cdr; --",
  "x' OR '1'='1",
  '/* comment */',
  '-- comment',
  '#',
  'line\nbreak\r\n',
  'nul\u0000byte',
  'tab\tbell\u0007del\u007f',
  '`backquote`',
  '"double"',
  '雷电 📞 émigré',
  '\u2028\u2029',
  '\\x27',
  "\\\\'",
  '$1 ?',
  '{x:String}',
];

describe('str', () => {
  it.each(NASTY)('quotes %j so it reads back exactly and stays one line', (s) => {
    const text = str(s).text;
    expect(unquote(text)).toBe(s);
    expect([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
  });

  it('escapes quote and backslash', () => {
    expect(str("it's").text).toBe("'it\\'s'");
    expect(str('a\\b').text).toBe("'a\\\\b'");
    expect(str('a\nb\u0000').text).toBe("'a\\x0ab\\x00'");
  });

  it('keeps surrogate pairs and refuses lone surrogates', () => {
    expect(str('📞').text).toBe("'📞'");
    rejects(() => str('\ud83d'));
    rejects(() => str('a\udc00b'));
  });

  it('refuses non-strings', () => {
    rejects(() => str(1 as unknown as string));
  });
});

describe('ident', () => {
  it('backquotes plain names and dotted parts', () => {
    expect(ident('cdr').text).toBe('`cdr`');
    expect(ident('db_1', 'cdr').text).toBe('`db_1`.`cdr`');
  });

  it.each(['', '1abc', 'a b', 'a`b', 'a.b', "a'b", 'a;DROP', 'a--', 'é', 'x'.repeat(256)])(
    'refuses %j',
    (name) => {
      rejects(() => ident(name));
    },
  );

  it('refuses no parts', () => {
    rejects(() => ident());
  });
});

describe('numbers', () => {
  it('writes integers, parenthesising negatives so no comment marker can form', () => {
    expect(int(42).text).toBe('42');
    expect(int(-1).text).toBe('(-1)');
    expect(sql`SELECT 1 -${-1}`).toBe('SELECT 1 -(-1)');
    expect(int('18446744073709551615').text).toBe('18446744073709551615');
    expect(int(-(2n ** 63n)).text).toBe('(-9223372036854775808)');
  });

  it('refuses unsafe, fractional, out-of-range and non-numeric integers', () => {
    rejects(() => int(2 ** 53));
    rejects(() => int(1.5));
    rejects(() => int(Number.NaN));
    rejects(() => int(2n ** 64n));
    rejects(() => int(-(2n ** 63n) - 1n));
    rejects(() => int('1; DROP TABLE x'));
    rejects(() => int('1e3'));
    rejects(() => int(' 1'));
    rejects(() => int('123456789012345678901234'));
  });

  it('unsigned refuses negatives and takes UInt64 strings exactly', () => {
    expect(uint('18446744073709551615').text).toBe('18446744073709551615');
    expect(uint(0).text).toBe('0');
    rejects(() => uint(-1));
    rejects(() => uint(-0.5));
    rejects(() => uint('-5'));
    rejects(() => uint('18446744073709551616'));
  });

  it('floats must be finite', () => {
    expect(float(1.5).text).toBe('1.5');
    expect(float(-2.25).text).toBe('(-2.25)');
    expect(float(-0).text).toBe('0');
    expect(float(1e21).text).toBe('1e+21');
    rejects(() => float(Number.NaN));
    rejects(() => float(Number.POSITIVE_INFINITY));
    rejects(() => float(Number.NEGATIVE_INFINITY));
    rejects(() => float('1' as unknown as number));
  });

  it('literal picks int for safe integers and float otherwise', () => {
    expect(literal(7).text).toBe('7');
    expect(literal(0.1).text).toBe('0.1');
    expect(literal(1e21).text).toBe('1e+21');
    expect(literal(10n).text).toBe('10');
    rejects(() => literal(Number.NaN));
  });
});

describe('booleans, dates, null', () => {
  it('booleans are 1/0', () => {
    expect(bool(true).text).toBe('1');
    expect(literal(false).text).toBe('0');
    rejects(() => bool('true' as unknown as boolean));
  });

  it('dates are UTC DateTime literals from Date or epoch ms', () => {
    const ms = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    expect(dateTime(ms).text).toBe("toDateTime('2026-01-02 03:04:05', 'UTC')");
    expect(literal(new Date(ms)).text).toBe("toDateTime('2026-01-02 03:04:05', 'UTC')");
    expect(date(ms).text).toBe("toDate('2026-01-02')");
  });

  it('refuses invalid and out-of-range dates', () => {
    rejects(() => dateTime(new Date('nope')));
    rejects(() => dateTime(-1));
    rejects(() => dateTime(Number.NaN));
    rejects(() => dateTime(2 ** 32 * 1000));
  });

  it('null is NULL, undefined is refused', () => {
    expect(literal(null).text).toBe('NULL');
    rejects(() => sql`SELECT ${undefined as unknown as string}`);
    rejects(() => literal({} as unknown as string));
    rejects(() => literal(Symbol('x') as unknown as string));
  });
});

describe('arrays and IN lists', () => {
  it('arrays hold literals, nested too', () => {
    expect(array(['a', "b'", 1, -2, [true]]).text).toBe("['a', 'b\\'', 1, (-2), [1]]");
    expect(array([]).text).toBe('[]');
  });

  it('IN lists are parenthesised and never empty', () => {
    expect(inList(['+8613800000000', "'; DROP TABLE cdr; --"]).text).toBe(
      "('+8613800000000', '\\'; DROP TABLE cdr; --')",
    );
    rejects(() => inList([]));
    rejects(() => inList([Number.NaN]));
  });
});

describe('sql template', () => {
  it('makes every interpolation a literal', () => {
    const caller = "+86138'; DROP TABLE cdr; --";
    expect(sql`SELECT count() FROM ${ident('db', 'cdr')} WHERE calling = ${caller} AND n > ${5}`).toBe(
      "SELECT count() FROM `db`.`cdr` WHERE calling = '+86138\\'; DROP TABLE cdr; --' AND n > 5",
    );
  });

  it('composes fragments, raw text and joins', () => {
    const where = joinSql([fragment`a = ${'x'}`, fragment`b IN ${inList([1, 2])}`], ' AND ');
    expect(sql`SELECT ${raw('count()')} FROM t WHERE ${where}`).toBe(
      "SELECT count() FROM t WHERE a = 'x' AND b IN (1, 2)",
    );
  });

  it('a nested sql string is quoted, never spliced', () => {
    const inner = sql`SELECT 1`;
    expect(sql`SELECT ${inner}`).toBe("SELECT 'SELECT 1'");
  });
});

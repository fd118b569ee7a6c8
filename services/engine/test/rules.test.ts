import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { DEFAULT_RULES_PATH, loadRules, parseRules } from '../src/index.js';

const raw = (): Record<string, unknown> =>
  JSON.parse(readFileSync(DEFAULT_RULES_PATH, 'utf8')) as Record<string, unknown>;

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('rules file', () => {
  it('loads and validates the shipped default', () => {
    const rules = loadRules();
    expect(rules.rules.length).toBeGreaterThan(10);
    expect(rules.levels.low).toBeLessThan(rules.levels.medium);
  });

  it('refuses unknown keys at the top level and in a rule', () => {
    expect(configError(() => parseRules({ ...raw(), surprise: 1 }))).toMatch(/surprise/);
    const r = raw();
    const rules = r['rules'] as Record<string, unknown>[];
    rules[0] = { ...rules[0], wat: true };
    expect(configError(() => parseRules(r))).toMatch(/wat/);
  });

  it('refuses unknown features, misordered levels and duplicate codes', () => {
    const r = raw();
    (r['rules'] as Record<string, unknown>[])[0]!['feature'] = 'no_such_feature';
    expect(configError(() => parseRules(r))).toMatch(/rules\.0\.feature/);
    expect(configError(() => parseRules({ ...raw(), levels: { low: 60, medium: 50, high: 75 } }))).toMatch(
      /levels/,
    );
    const d = raw();
    const list = d['rules'] as unknown[];
    list.push(list[0]);
    expect(configError(() => parseRules(d))).toMatch(/duplicate rule code/);
  });

  it('names the file when it is not JSON', () => {
    expect(configError(() => loadRules('/nonexistent/rules.json'))).toMatch(/nonexistent/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cfg, envName, isRingfenceError, loadConfig } from '@ringfence/common';

const schema = z.object({
  kafkaBrokers: cfg.list().default(['127.0.0.1:9092']),
  batchSize: cfg.int(1, 100_000).default(1000),
  dryRun: cfg.bool().default(false),
  mode: cfg.enum(['live', 'replay']).default('live'),
});

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('loadConfig', () => {
  it('maps camelCase keys to UPPER_SNAKE environment variables', () => {
    expect(envName('kafkaBrokers')).toBe('KAFKA_BROKERS');
    expect(envName('clickhouseHttpPort')).toBe('CLICKHOUSE_HTTP_PORT');
  });

  it('applies defaults and parses typed values from strings', () => {
    const c = loadConfig(schema, {
      env: { KAFKA_BROKERS: 'a:1, b:2', BATCH_SIZE: '500', DRY_RUN: 'yes' },
      file: '',
    });
    expect(c).toEqual({ kafkaBrokers: ['a:1', 'b:2'], batchSize: 500, dryRun: true, mode: 'live' });
  });

  it('parses comma-separated lists of allowed values and names a bad item', () => {
    const s = z.object({ periods: cfg.enumList(['daily', 'weekly'] as const).default(['daily']) });
    expect(loadConfig(s, { env: { PERIODS: 'weekly, daily' }, file: '' }).periods).toEqual([
      'weekly',
      'daily',
    ]);
    expect(configError(() => loadConfig(s, { env: { PERIODS: 'daily,hourly' }, file: '' }))).toContain(
      'periods',
    );
  });

  it('returns a deeply frozen object', () => {
    const c = loadConfig(schema, { env: {}, file: '' });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.kafkaBrokers)).toBe(true);
  });

  it('names the key, the variable, the value and what was expected', () => {
    const msg = configError(() => loadConfig(schema, { env: { BATCH_SIZE: 'lots' }, file: '' }));
    expect(msg).toContain('batchSize (env BATCH_SIZE)');
    expect(msg).toContain("'lots'");
    expect(msg).toMatch(/expected number/);
  });

  it('refuses out-of-range numbers and unknown enum values', () => {
    expect(configError(() => loadConfig(schema, { env: { BATCH_SIZE: '0' }, file: '' }))).toMatch(/>=1/);
    expect(configError(() => loadConfig(schema, { env: { MODE: 'fast' }, file: '' }))).toContain("'fast'");
    expect(configError(() => loadConfig(schema, { env: { DRY_RUN: 'maybe' }, file: '' }))).toContain(
      'dryRun',
    );
  });

  it('reads a JSON file, lets the environment win, and refuses unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ batchSize: 10, mode: 'replay' }));
    expect(loadConfig(schema, { env: { BATCH_SIZE: '20' }, file })).toMatchObject({
      batchSize: 20,
      mode: 'replay',
    });
    writeFileSync(file, JSON.stringify({ batchSise: 10 }));
    expect(configError(() => loadConfig(schema, { env: {}, file }))).toContain('unknown key(s) batchSise');
    writeFileSync(file, '{not json');
    expect(configError(() => loadConfig(schema, { env: {}, file }))).toContain(file);
  });
});

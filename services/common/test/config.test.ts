import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  TOPIC_SPECS,
  baseConfigShape,
  cfg,
  configuredSpecs,
  envName,
  isRingfenceError,
  loadConfig,
  topicSettings,
} from '@ringfence/common';

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

describe('the Kafka topic settings every service shares', () => {
  const schema = z.object(baseConfigShape);

  it('reads partition counts by topic, the replication factor and min.insync.replicas', () => {
    const c = loadConfig(schema, {
      file: '',
      env: {
        KAFKA_TOPIC_PARTITIONS: 'cdr.v1=48, caller-risk.v1=48,alerts.v1=12',
        KAFKA_REPLICATION_FACTOR: '3',
        KAFKA_MIN_INSYNC_REPLICAS: '2',
      },
    });
    expect(c.kafkaTopicPartitions).toEqual({ 'cdr.v1': 48, 'caller-risk.v1': 48, 'alerts.v1': 12 });
    expect(topicSettings(c)).toEqual({
      replicationFactor: 3,
      minInsyncReplicas: 2,
      partitions: { 'cdr.v1': 48, 'caller-risk.v1': 48, 'alerts.v1': 12 },
    });
    const cdr = configuredSpecs(TOPIC_SPECS, c.kafkaTopicPartitions).find((s) => s.role === 'cdr');
    expect(cdr?.partitions).toBe(48);
    const dlq = configuredSpecs(TOPIC_SPECS, c.kafkaTopicPartitions).find((s) => s.role === 'cdrDlq');
    expect(dlq?.partitions).toBe(TOPIC_SPECS.find((s) => s.role === 'cdrDlq')?.partitions);
  });

  it("leaves replication to the cluster's defaults when unset", () => {
    const c = loadConfig(schema, { file: '', env: {} });
    expect(c.kafkaReplicationFactor).toBeUndefined();
    expect(c.kafkaMinInsyncReplicas).toBeUndefined();
    expect(c.kafkaTopicPartitions).toEqual({});
  });

  it('refuses an unknown topic, a count that is not a positive whole number, and a zero factor', () => {
    for (const [key, value, named] of [
      ['KAFKA_TOPIC_PARTITIONS', 'cdr.v2=48', 'KAFKA_TOPIC_PARTITIONS'],
      ['KAFKA_TOPIC_PARTITIONS', 'cdr.v1=0', 'KAFKA_TOPIC_PARTITIONS'],
      ['KAFKA_TOPIC_PARTITIONS', 'cdr.v1', 'KAFKA_TOPIC_PARTITIONS'],
      ['KAFKA_REPLICATION_FACTOR', '0', 'KAFKA_REPLICATION_FACTOR'],
    ] as const) {
      let err: unknown;
      try {
        loadConfig(schema, { file: '', env: { [key]: value } });
      } catch (e) {
        err = e;
      }
      expect(isRingfenceError(err, 'CONFIG_INVALID'), `${key}=${value}`).toBe(true);
      expect((err as Error).message).toContain(named);
    }
  });
});

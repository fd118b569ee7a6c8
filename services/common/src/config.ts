import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RingfenceError } from './errors.js';
import { TOPICS, type TopicBaseName } from './topics.js';

/** Environment variable that names an optional JSON config file. */
export const CONFIG_FILE_ENV = 'RINGFENCE_CONFIG';

/** Turns a camelCase config key into the environment variable that sets it (kafkaBrokers → KAFKA_BROKERS). */
export function envName(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function splitList(v: unknown): unknown {
  return typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : v;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** Field builders that accept both typed values (from a JSON file) and strings (from the environment). */
export const cfg = {
  string: () => z.string().min(1),
  int: (min: number, max: number) =>
    z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z.number().int().min(min).max(max),
    ),
  number: (min: number, max: number) =>
    z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z.number().min(min).max(max),
    ),
  port: () => cfg.int(0, 65535),
  bool: () =>
    z.preprocess((v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim().toLowerCase();
      return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
    }, z.boolean()),
  list: () => z.preprocess(splitList, z.array(z.string().min(1))),
  /** A comma-separated list whose every item is one of `values`. */
  enumList: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.preprocess(splitList, z.array(z.enum(values))),
  enum: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
};

export interface LoadConfigOptions {
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Path of a JSON file; defaults to $RINGFENCE_CONFIG when set. */
  file?: string | undefined;
  /** Values that win over file and environment (command-line flags). */
  overrides?: Record<string, unknown>;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return '(unset)';
  const s = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * Parses configuration once at start-up: defaults < JSON file < environment < overrides.
 * Returns a deeply frozen object. Unknown keys in the file or overrides are refused; a bad value
 * throws CONFIG_INVALID naming the key, the environment variable, the value and what was expected.
 */
export function loadConfig<S extends z.ZodObject<z.ZodRawShape>>(
  schema: S,
  options: LoadConfigOptions = {},
): Readonly<z.infer<S>> {
  const env = options.env ?? process.env;
  const file = options.file ?? env[CONFIG_FILE_ENV];
  const input: Record<string, unknown> = {};
  if (file !== undefined && file !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new RingfenceError('CONFIG_INVALID', `config file ${file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new RingfenceError('CONFIG_INVALID', `config file ${file}: expected a JSON object`);
    }
    Object.assign(input, parsed);
  }
  for (const key of Object.keys(schema.shape)) {
    const value = env[envName(key)];
    if (value !== undefined) input[key] = value;
  }
  Object.assign(input, options.overrides);

  const result = z.strictObject(schema.shape).safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        return `unknown key(s) ${issue.keys.join(', ')}: expected one of ${Object.keys(schema.shape).join(', ')}`;
      }
      const key = String(issue.path[0] ?? '');
      const path = issue.path.join('.');
      return `${path} (env ${envName(key)}) = ${describe(input[key])}: ${issue.message}`;
    });
    throw new RingfenceError('CONFIG_INVALID', `invalid configuration:\n  ${lines.join('\n  ')}`, {
      detail: { keys: result.error.issues.map((i) => i.path.join('.')).join(',') },
    });
  }
  return deepFreeze(result.data as z.infer<S>);
}

const TOPIC_BASE_NAMES = Object.values(TOPICS) as [TopicBaseName, ...TopicBaseName[]];

/** `cdr.v1=48,alerts.v1=12` (environment) or `{"cdr.v1": 48}` (file): partition counts by topic name. */
function topicPartitions() {
  return z
    .preprocess(
      (v) => {
        if (typeof v !== 'string') return v;
        const items = splitList(v) as string[];
        return Object.fromEntries(
          items.map((item) => {
            const eq = item.lastIndexOf('=');
            return eq < 0 ? [item, undefined] : [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
          }),
        );
      },
      z.partialRecord(z.enum(TOPIC_BASE_NAMES), cfg.int(1, 100_000)),
    )
    .default({});
}

/** Configuration every service shares: where Kafka and ClickHouse are, logging, the ops port. */
export const baseConfigShape = {
  kafkaBrokers: cfg.list().default(['127.0.0.1:9092']),
  /** Prepended to every topic name; lets tests and tenants share one cluster. */
  topicPrefix: z.string().default(''),
  clickhouseUrl: z.url().default('http://127.0.0.1:8123'),
  clickhouseDatabase: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a plain identifier')
    .default('ringfence'),
  clickhouseUser: z.string().default('default'),
  clickhousePassword: z.string().default(''),
  /**
   * Replication factor of the topics a service creates when they are missing, and the one existing
   * topics must have; unset: the cluster's `default.replication.factor`. Production: 3.
   */
  kafkaReplicationFactor: cfg.int(1, 32).optional(),
  /** `min.insync.replicas` of the topics a service creates; unset: the cluster's. Production: 2. */
  kafkaMinInsyncReplicas: cfg.int(1, 32).optional(),
  /** Partition counts by topic, e.g. `cdr.v1=48,caller-risk.v1=48`; unlisted topics keep the defaults (TOPIC_SPECS). */
  kafkaTopicPartitions: topicPartitions(),
  /**
   * The cluster (its name in the servers' `remote_servers`) when the schema is the cluster layout:
   * replicated shards behind Distributed tables. Unset: one server.
   */
  clickhouseCluster: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a plain identifier')
    .optional(),
  logLevel: cfg.logLevel().default('info'),
  /** Port of the metrics/health HTTP endpoint; 0 picks a free one. */
  opsPort: cfg.port().default(0),
  opsHost: z.string().default('127.0.0.1'),
};

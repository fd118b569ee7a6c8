import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import {
  TOPIC_SPECS,
  TOPICS,
  baseConfigShape,
  envName,
  loadConfig,
  type TopicBaseName,
} from '@ringfence/common';
import { dbConfigSchema } from '../services/cli/src/commands/db.js';
import { consoleConfigSchema } from '../services/console/src/config.js';
import { exporterConfigSchema } from '../services/exporter/src/config.js';
import { ingestServiceConfig } from '../services/ingest/src/config.js';
import { riskApiConfigSchema } from '../services/risk-api/src/config.js';
import { RISK_API_NODE_FLAGS } from '../services/risk-api/src/node-flags.js';
import { scorerConfigSchema } from '../services/scorer/src/config.js';
import { sinkConfigSchema } from '../services/sink/src/config.js';
import { ALERT_RULES_FILE } from './support/alert-rules.js';
import { DASHBOARD_FILE } from './support/grafana-dashboard.js';

// deploy/ cannot run here (no Docker engine), so this test holds it to the Kubernetes and Compose
// schemas and to the code: every service, command, port and environment variable a manifest names
// must exist in what it starts, and every required setting must be given.
const repo = join(import.meta.dirname, '..');
const k8sDir = join(repo, 'deploy', 'k8s');

/** The config schema of what a container runs, by its command: a service or `ringfence db …`. */
const SCHEMAS: Record<string, z.ZodObject<Record<string, z.ZodType>>> = {
  ingest: ingestServiceConfig,
  scorer: scorerConfigSchema,
  sink: sinkConfigSchema,
  'risk-api': riskApiConfigSchema,
  console: consoleConfigSchema,
  exporter: exporterConfigSchema,
  'cli db': dbConfigSchema,
};

/** The node flags before the script in a container's command. */
function nodeFlagsOf(command: unknown): string[] {
  const parts = Array.isArray(command) ? command.map(String) : [];
  const end = parts.findIndex((p, i) => i > 0 && !p.startsWith('--'));
  return parts.slice(1, end < 0 ? parts.length : end);
}

function programOf(command: unknown): string | undefined {
  const all = Array.isArray(command) ? command.map(String) : [];
  if (all[0] !== 'node') return undefined;
  const parts = ['node', ...all.slice(1 + nodeFlagsOf(all).length)];
  if (parts[1] === 'services/cli/dist/index.js') return `cli ${parts[2] ?? ''}`;
  return /^services\/([a-z-]+)\/dist\/index\.js$/.exec(parts[1] ?? '')?.[1];
}

/** Environment keys the program's schema reads, and those it cannot start without. */
function keysOf(program: string): { known: Set<string>; required: string[] } {
  const schema = SCHEMAS[program];
  if (schema === undefined) throw new Error(`no config schema known for ${program}`);
  const shape = Object.entries(schema.shape);
  return {
    known: new Set(shape.map(([k]) => envName(k))),
    required: shape.filter(([, f]) => !f.safeParse(undefined).success).map(([k]) => envName(k)),
  };
}

/** Every key set is read by the program, and every key the program requires is set. */
function expectEnvMatches(where: string, program: string, keys: readonly string[]): void {
  const { known, required } = keysOf(program);
  for (const k of keys) expect(known.has(k), `${where}: ${k} is not a ${program} setting`).toBe(true);
  for (const k of required) expect(keys, `${where}: required ${k} not set`).toContain(k);
}

interface ComposeService {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  profiles?: string[];
}

describe('deploy/compose.yaml', () => {
  const text = readFileSync(join(repo, 'deploy', 'compose.yaml'), 'utf8');
  const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService> };
  const ours = Object.entries(compose.services).filter(([, s]) => s.image === 'ringfence:latest');

  it('is valid against the Compose specification JSON schema (vendored in deploy/schema)', () => {
    const schema = JSON.parse(
      readFileSync(join(repo, 'deploy', 'schema', 'compose-spec.json'), 'utf8'),
    ) as object;
    // The spec names its draft-07 meta-schema by an https URL Ajv does not bundle: skip that check.
    const validate = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
    }).compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
  });

  it('starts every Ringfence service, each with settings its schema reads and every one it requires', () => {
    const started = ours.map(([, s]) => programOf(s.command));
    for (const s of ['ingest', 'scorer', 'sink', 'risk-api', 'console', 'exporter', 'cli db'])
      expect(started).toContain(s);
    for (const [name, s] of ours) {
      const program = programOf(s.command);
      expect(program, `${name}: command ${String(s.command)}`).toBeDefined();
      expectEnvMatches(`compose ${name}`, program!, Object.keys(s.environment ?? {}));
      const listening = Object.entries(s.environment ?? {})
        .filter(([k]) => k.endsWith('_PORT'))
        .map(([, v]) => String(v));
      for (const p of s.ports ?? []) expect(listening, `${name}: port ${p}`).toContain(p.split(':').pop());
    }
  });

  it('runs the risk-api with its node flags, and nothing else with node flags', () => {
    for (const [name, s] of ours)
      expect(nodeFlagsOf(s.command), name).toEqual(
        programOf(s.command) === 'risk-api' ? RISK_API_NODE_FLAGS : [],
      );
  });

  it('keeps Kafka data in the mounted volume', () => {
    const kafka = compose.services['kafka']!;
    const mounts = (kafka.volumes ?? []).map((v) => v.split(':')[1]!);
    const logDirs = String(kafka.environment?.['KAFKA_LOG_DIRS'] ?? '');
    expect(logDirs).not.toBe('');
    for (const dir of logDirs.split(','))
      expect(
        mounts.some((m) => dir.startsWith(`${m}/`)),
        dir,
      ).toBe(true);
  });

  it('creates topics with a replication factor its one Kafka node can hold', () => {
    for (const [name, s] of ours) {
      const env = s.environment ?? {};
      if (env['KAFKA_BROKERS'] === undefined) continue;
      expect(env['KAFKA_REPLICATION_FACTOR'], name).toBe('1');
      expect(env['KAFKA_MIN_INSYNC_REPLICAS'], name).toBe('1');
    }
  });

  it('gives ClickHouse a user and password, the ones the services log in with', () => {
    const env = compose.services['clickhouse']!.environment ?? {};
    expect(env['CLICKHOUSE_USER']).toBeTruthy();
    expect(env['CLICKHOUSE_PASSWORD']).toBeTruthy();
    for (const [name, s] of ours) {
      expect(s.environment?.['CLICKHOUSE_USER'], name).toBe(env['CLICKHOUSE_USER']);
      expect(s.environment?.['CLICKHOUSE_PASSWORD'], name).toBe(env['CLICKHOUSE_PASSWORD']);
    }
  });

  it('monitors every service with the shipped alerting rules and dashboard (profile monitoring)', () => {
    const deploy = join(repo, 'deploy');
    /** Host path (under deploy/) by container path of a service's bind mounts. */
    const mounts = (name: string): Map<string, string> => {
      const s = compose.services[name]!;
      expect(s.profiles, name).toEqual(['monitoring']);
      return new Map(
        (s.volumes ?? [])
          .filter((v) => v.startsWith('./'))
          .map((v) => {
            const [host, container] = v.split(':');
            expect(existsSync(join(deploy, host!)), v).toBe(true);
            return [container!, join(deploy, host!)];
          }),
      );
    };
    const promMounts = mounts('prometheus');
    const promConfig = promMounts.get('/etc/prometheus/prometheus.yml');
    expect(promConfig).toBeDefined();
    const config = parse(readFileSync(promConfig!, 'utf8')) as {
      rule_files: string[];
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    // Every rule file it loads is the shipped one, mounted.
    expect(config.rule_files.map((f) => promMounts.get(f))).toEqual([ALERT_RULES_FILE]);
    // It scrapes each service at its ops port, and nothing else.
    const targets = config.scrape_configs.flatMap((c) => c.static_configs.flatMap((sc) => sc.targets));
    const opsPorts = ours
      .filter(([, s]) => s.environment?.['OPS_PORT'] !== undefined)
      .map(([name, s]) => `${name}:${s.environment!['OPS_PORT']}`);
    expect(opsPorts).toHaveLength(6);
    expect([...targets].sort()).toEqual([...opsPorts].sort());

    const grafanaMounts = mounts('grafana');
    const provisioning = grafanaMounts.get('/etc/grafana/provisioning')!;
    const sources = parse(readFileSync(join(provisioning, 'datasources', 'prometheus.yaml'), 'utf8')) as {
      datasources: { type: string; url: string; isDefault: boolean }[];
    };
    expect(sources.datasources).toEqual([
      expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090', isDefault: true }),
    ]);
    expect(compose.services['prometheus']!.ports).toContain('9090:9090');
    const providers = parse(readFileSync(join(provisioning, 'dashboards', 'ringfence.yaml'), 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    const dir = providers.providers[0]!.options.path;
    expect(grafanaMounts.get(`${dir}/ringfence-overview.json`)).toBe(DASHBOARD_FILE);
  });

  it('names the Kafka version the local stack pins and a ClickHouse LTS image', () => {
    const pom = readFileSync(join(repo, 'services', 'cli', 'assets', 'kafka-pom.xml'), 'utf8');
    const version = /<kafka\.version>([^<]+)</.exec(pom)?.[1];
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${version}`);
    expect(compose.services['clickhouse']?.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.(3|8)$/);
  });
});

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
  };
}
/** The element at a path in a tree fast-xml-parser made (attributes under `@`), or undefined. */
function at(node: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (n, k) => (typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[k] : undefined),
    node,
  );
}

/** An element that repeats, as a list (the parser gives one element alone, not in a list). */
function list(x: unknown): unknown[] {
  return x === undefined ? [] : Array.isArray(x) ? (x as unknown[]) : [x];
}
interface Probe {
  httpGet?: { port: number; path: string };
  tcpSocket?: { port: number };
  exec?: { command: string[] };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
}
interface K8sDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    type?: string;
    strategy?: { type: string };
    selector?: Record<string, string> | { matchLabels: Record<string, string> };
    ports?: { port: number; targetPort?: number }[];
    serviceName?: string;
    clusterIP?: string;
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    jobTemplate?: { spec: { template: { spec: PodSpec } } };
    volumeClaimTemplates?: { metadata: { name: string } }[];
    podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { values: string[] }[] };
    ingress?: { from?: { ipBlock?: { cidr: string } }[] }[];
    tls?: { secretName: string }[];
  };
}

/** The model class of every kind the manifests may use, by apiVersion and kind. */
const MODELS: Record<string, new (data: object) => { validate(): void }> = {
  'v1/Namespace': coreV1.Namespace,
  'v1/ConfigMap': coreV1.ConfigMap,
  'v1/Secret': coreV1.Secret,
  'v1/Service': coreV1.Service,
  'v1/PersistentVolumeClaim': coreV1.PersistentVolumeClaim,
  'apps/v1/Deployment': appsV1.Deployment,
  'apps/v1/StatefulSet': appsV1.StatefulSet,
  'batch/v1/Job': batchV1.Job,
  'batch/v1/CronJob': batchV1.CronJob,
  'policy/v1/PodDisruptionBudget': policyV1.PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': networkingV1.NetworkPolicy,
  'networking.k8s.io/v1/Ingress': networkingV1.Ingress,
};

describe('deploy/k8s', () => {
  const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8')) as {
    resources: string[];
  };
  const docs: K8sDoc[] = kustomization.resources.flatMap((f) =>
    parseAllDocuments(readFileSync(join(k8sDir, f), 'utf8')).map((d) => {
      expect(d.errors, f).toEqual([]);
      return d.toJS() as K8sDoc;
    }),
  );
  const named = (kind: string, name: string): K8sDoc | undefined =>
    docs.find((d) => d.kind === kind && d.metadata.name === name);
  const podSpecs = docs.flatMap((d) => {
    const spec = d.spec?.template?.spec ?? d.spec?.jobTemplate?.spec.template.spec;
    return spec === undefined ? [] : [{ doc: d, spec }];
  });
  const configMapKeys = (name: string): string[] => Object.keys(named('ConfigMap', name)?.data ?? {});
  const clickhouseServers = docs.filter(
    (d) => d.kind === 'StatefulSet' && d.spec?.template?.metadata?.labels?.['app'] === 'clickhouse',
  );
  const secretKeys = (name: string): string[] => {
    const s = named('Secret', name);
    return Object.keys({ ...s?.data, ...s?.stringData });
  };

  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(k8sDir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('is valid against the Kubernetes API schemas (kubernetes-models)', () => {
    for (const d of docs) {
      const Model = MODELS[`${d.apiVersion}/${d.kind}`];
      expect(Model, `${d.kind} ${d.metadata.name}: ${d.apiVersion}`).toBeDefined();
      expect(() => new Model!(d).validate(), `${d.kind} ${d.metadata.name}`).not.toThrow();
    }
  });

  it('runs the risk-api with its node flags, and nothing else with node flags', () => {
    const commands = podSpecs.flatMap(({ spec }) => spec.containers.map((c) => c.command));
    expect(commands.map(programOf)).toContain('risk-api');
    for (const command of commands)
      expect(nodeFlagsOf(command), String(command)).toEqual(
        programOf(command) === 'risk-api' ? RISK_API_NODE_FLAGS : [],
      );
  });

  it('refers only to ConfigMaps, Secrets and keys that exist, and to volumes the pod has', () => {
    for (const { doc, spec } of podSpecs) {
      const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
      for (const c of doc.spec?.volumeClaimTemplates ?? []) volumes.add(c.metadata.name);
      for (const v of spec.volumes ?? [])
        if (v.secret) expect(named('Secret', v.secret.secretName), v.secret.secretName).toBeDefined();
      for (const c of spec.containers) {
        const where = `${doc.metadata.name}/${c.name}`;
        for (const f of c.envFrom ?? [])
          expect(named('ConfigMap', f.configMapRef!.name), `${where}: ${f.configMapRef!.name}`).toBeDefined();
        for (const e of c.env ?? []) {
          const s = e.valueFrom?.secretKeyRef;
          if (s) expect(secretKeys(s.name), `${where}: secret ${s.name}`).toContain(s.key);
          const m = e.valueFrom?.configMapKeyRef;
          if (m) expect(configMapKeys(m.name), `${where}: config map ${m.name}`).toContain(m.key);
        }
        for (const m of c.volumeMounts ?? []) expect(volumes.has(m.name), `${where}: ${m.name}`).toBe(true);
      }
    }
    for (const d of docs.filter((x) => x.kind === 'Ingress'))
      for (const t of d.spec?.tls ?? [])
        expect(named('Secret', t.secretName)?.type).toBe('kubernetes.io/tls');
  });

  it('runs every service and `ringfence db` with the settings its schema reads and every one it requires', () => {
    const deployments = docs.filter((d) => d.kind === 'Deployment').map((d) => d.metadata.name);
    expect(deployments.sort()).toEqual(['console', 'exporter', 'ingest', 'risk-api', 'scorer', 'sink']);
    const programs: string[] = [];
    for (const { doc, spec } of podSpecs) {
      for (const c of spec.containers) {
        if (c.image !== 'ringfence') continue;
        const program = programOf(c.command);
        expect(program, `${doc.metadata.name}: ${String(c.command)}`).toBeDefined();
        programs.push(program!);
        const keys = [
          ...(c.envFrom ?? []).flatMap((f) => configMapKeys(f.configMapRef!.name)),
          ...(c.env ?? []).map((e) => e.name),
        ];
        expectEnvMatches(`${doc.metadata.name}/${c.name}`, program!, keys);
      }
    }
    expect(programs).toContain('cli db');
  });

  it('probes every long-running container, Ringfence services on the ops port', () => {
    const opsPort = Number(named('ConfigMap', 'ringfence-common')?.data?.['OPS_PORT']);
    for (const d of docs.filter((x) => x.kind === 'Deployment' || x.kind === 'StatefulSet')) {
      for (const c of d.spec!.template!.spec.containers) {
        expect(c.livenessProbe, `${d.metadata.name}/${c.name} liveness`).toBeDefined();
        expect(c.readinessProbe, `${d.metadata.name}/${c.name} readiness`).toBeDefined();
        if (c.image !== 'ringfence') continue;
        expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: opsPort });
        expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: opsPort });
        const listening = new Set([
          opsPort,
          ...(c.env ?? []).filter((e) => e.name.endsWith('_PORT')).map((e) => Number(e.value)),
        ]);
        for (const p of c.ports ?? [])
          expect(listening.has(p.containerPort), `${d.metadata.name}: ${p.containerPort}`).toBe(true);
        for (const p of named('Service', d.metadata.name)?.spec?.ports ?? [])
          expect(listening.has(p.targetPort ?? p.port), `${d.metadata.name} Service port ${p.port}`).toBe(
            true,
          );
      }
    }
  });

  it('has a PodDisruptionBudget for every workload of more than one replica', () => {
    const pdbs = docs.filter((d) => d.kind === 'PodDisruptionBudget');
    for (const d of docs.filter((x) => (x.spec?.replicas ?? 1) > 1)) {
      const labels = (d.spec!.selector as { matchLabels: Record<string, string> }).matchLabels;
      const pdb = pdbs.find(
        (p) =>
          JSON.stringify((p.spec!.selector as { matchLabels: object }).matchLabels) ===
          JSON.stringify(labels),
      );
      expect(pdb, `${d.kind} ${d.metadata.name}`).toBeDefined();
    }
  });

  it('runs scorer pods that share the partitions: more than one, no more than cdr.v1 has, co-partitioned inputs', () => {
    const scorer = named('Deployment', 'scorer');
    const common = named('ConfigMap', 'ringfence-common')?.data ?? {};
    const partitions = loadConfig(z.object(baseConfigShape), { env: common, file: '' }).kafkaTopicPartitions;
    const cdr = partitions['cdr.v1'] ?? 0;
    // One replica has no failover; a pod beyond one per partition would own nothing (docs/scaling.md).
    expect(scorer?.spec?.replicas).toBeGreaterThanOrEqual(2);
    expect(scorer?.spec?.replicas).toBeLessThanOrEqual(cdr);
    expect(scorer?.spec?.replicas).toBeLessThanOrEqual(partitions['scorer.source-events.v1'] ?? 0);
    // A number's complaints, decisions and calls received sit on its calls' partition.
    for (const topic of ['complaints.v1', 'feedback.v1', 'scorer.received.v1'] as const)
      expect(partitions[topic], topic).toBe(cdr);
    // A rolling update starts the new pod before the old one stops: safe because each partition's
    // transactional id fences its previous owner, under one group id.
    expect(scorer?.spec?.strategy?.type).toBe('RollingUpdate');
    const env = scorer?.spec?.template?.spec.containers[0]?.env ?? [];
    expect(env.some((e) => e.name === 'GROUP_ID')).toBe(false);
  });

  it('denies ingress by default and lets the switch network reach only risk-api', () => {
    const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
    expect(
      policies.some(
        (p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && (p.spec?.ingress ?? []).length === 0,
      ),
    ).toBe(true);
    for (const p of policies.filter((x) =>
      (x.spec?.ingress ?? []).some((r) => r.from?.some((f) => f.ipBlock)),
    )) {
      expect(p.spec?.podSelector?.matchLabels, p.metadata.name).toEqual({ app: 'risk-api' });
    }
    // Ingest (and the console) are reached through the ingress controller, over TLS.
    const ingresses = docs.filter((d) => d.kind === 'Ingress').map((d) => d.metadata.name);
    expect(ingresses.sort()).toEqual(['console', 'ingest']);
    expect(named('Ingress', 'console')?.metadata.annotations).toHaveProperty(
      'nginx.ingress.kubernetes.io/whitelist-source-range',
    );
  });

  it('serves risk-api over TLS with the client CA (mTLS) from its Secret', () => {
    const spec = named('Deployment', 'risk-api')!.spec!.template!.spec;
    const c = spec.containers[0]!;
    const env = new Map((c.env ?? []).map((e) => [e.name, e.value ?? '']));
    const mount = c.volumeMounts?.find(
      (m) => spec.volumes?.find((v) => v.name === m.name)?.secret?.secretName === 'risk-api-tls',
    );
    expect(mount).toBeDefined();
    for (const k of ['TLS_CERT_FILE', 'TLS_KEY_FILE', 'TLS_CLIENT_CA_FILE']) {
      const file = env.get(k) ?? '';
      expect(file.startsWith(`${mount!.mountPath}/`), k).toBe(true);
      expect(secretKeys('risk-api-tls'), k).toContain(file.slice(mount!.mountPath.length + 1));
    }
  });

  it('gives ClickHouse its account from a Secret, the one every client logs in with', () => {
    const fromSecret = (c: Container, key: string): string | undefined =>
      c.env?.find((e) => e.name === key)?.valueFrom?.secretKeyRef?.name;
    expect(clickhouseServers.length).toBeGreaterThan(0);
    for (const d of clickhouseServers) {
      const server = d.spec!.template!.spec.containers[0]!;
      for (const k of ['CLICKHOUSE_USER', 'CLICKHOUSE_PASSWORD', 'CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT'])
        expect(fromSecret(server, k), `${d.metadata.name}: ${k}`).toBe('clickhouse-credentials');
    }
    for (const { doc, spec } of podSpecs) {
      for (const c of spec.containers) {
        const program = programOf(c.command);
        if (!['sink', 'console', 'exporter', 'cli db'].includes(program ?? '')) continue;
        expect(fromSecret(c, 'CLICKHOUSE_USER'), doc.metadata.name).toBe('clickhouse-credentials');
        expect(fromSecret(c, 'CLICKHOUSE_PASSWORD'), doc.metadata.name).toBe('clickhouse-credentials');
      }
    }
  });

  it("runs ClickHouse as the schema's cluster layout: replicated shards on a Keeper quorum", () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const files = named('ConfigMap', 'clickhouse-cluster')?.data ?? {};
    const read = (file: string): unknown => at(xml.parse(files[file] ?? ''), 'clickhouse');
    const config = read('cluster.xml');
    const name = named('ConfigMap', 'ringfence-common')?.data?.['CLICKHOUSE_CLUSTER'] ?? '';
    const shards = list(at(config, 'remote_servers', name, 'shard'));
    expect(shards.length, `remote_servers.${name}`).toBeGreaterThanOrEqual(2);
    expect(clickhouseServers.length).toBe(shards.length);
    const envOf = (c: Container, key: string): EnvVar | undefined => c.env?.find((e) => e.name === key);
    const urls: string[] = [];
    shards.forEach((shard, i) => {
      const id = String(i + 1).padStart(2, '0');
      const sts = clickhouseServers.find(
        (d) => envOf(d.spec!.template!.spec.containers[0]!, 'SHARD')?.value === id,
      );
      expect(sts, `the StatefulSet of shard ${id}`).toBeDefined();
      const c = sts!.spec!.template!.spec.containers[0]!;
      const service = sts!.spec!.serviceName ?? '';
      // Each pod's own DNS name is what remote_servers and replication use: a headless Service.
      expect(named('Service', service)?.spec?.clusterIP, service).toBe('None');
      expect(sts!.spec!.replicas).toBeGreaterThanOrEqual(2);
      const hosts = Array.from(
        { length: sts!.spec!.replicas ?? 0 },
        (_, r) => `${sts!.metadata.name}-${r}.${service}`,
      );
      expect(at(shard, 'internal_replication'), `shard ${id}`).toBe(true);
      const replicas = list(at(shard, 'replica'));
      expect(replicas.map((r) => at(r, 'host'))).toEqual(hosts);
      // The image removes `default`: shards reach each other with the account every client uses.
      for (const r of replicas) {
        expect(at(r, 'port')).toBe(9000);
        expect([at(r, 'user', '@from_env'), at(r, 'password', '@from_env')]).toEqual([
          'CLICKHOUSE_USER',
          'CLICKHOUSE_PASSWORD',
        ]);
      }
      expect(envOf(c, 'POD_NAME')?.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
      expect(envOf(c, 'INTERSERVER_HOST')?.value).toBe(`$(POD_NAME).${service}`);
      const mounted = new Map((c.volumeMounts ?? []).map((m) => [m.mountPath, m.subPath]));
      expect(mounted.get('/etc/clickhouse-server/config.d/cluster.xml')).toBe('cluster.xml');
      expect(mounted.get('/etc/clickhouse-server/users.d/profile.xml')).toBe('profile.xml');
      urls.push(...hosts.map((h) => `http://${h}:8123`));
    });
    // The Replicated tables' paths name the shard and replica macros (docs/clickhouse-schema.md).
    expect(at(config, 'macros', 'shard', '@from_env')).toBe('SHARD');
    expect(at(config, 'macros', 'replica', '@from_env')).toBe('POD_NAME');
    expect(at(config, 'interserver_http_host', '@from_env')).toBe('INTERSERVER_HOST');
    // `ringfence db` alters each shard's tables through one of its servers: it is given them all.
    expect((files['CLICKHOUSE_CLUSTER_URLS'] ?? '').split(',')).toEqual(urls);

    const keeper = named('StatefulSet', 'clickhouse-keeper')!;
    const n = keeper.spec?.replicas ?? 0;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n % 2, 'an odd quorum').toBe(1);
    const keeperService = keeper.spec?.serviceName ?? '';
    expect(named('Service', keeperService)?.spec?.clusterIP).toBe('None');
    const keepers = Array.from({ length: n }, (_, i) => `clickhouse-keeper-${i}.${keeperService}`);
    expect(list(at(config, 'zookeeper', 'node')).map((k) => at(k, 'host'))).toEqual(keepers);
    // Raft ids are the pods' ordinals + 1, as the container's command computes them.
    const raft = list(at(read('keeper.xml'), 'keeper_server', 'raft_configuration', 'server'));
    expect(raft.map((r) => [at(r, 'id'), at(r, 'hostname')])).toEqual(keepers.map((h, i) => [i + 1, h]));
    expect(keeper.spec?.template?.spec.containers[0]?.command?.join(' ')).toContain(
      'KEEPER_ID=$$(( ${POD_NAME##*-} + 1 ))',
    );

    // What the services' queries and the sink's exactly-once inserts rely on (the local cluster too).
    expect(at(read('profile.xml'), 'profiles', 'default')).toEqual({
      distributed_foreground_insert: 1,
      distributed_product_mode: 'global',
      load_balancing: 'in_order',
      max_replica_delay_for_distributed_queries: 2,
    });
  });

  it('keeps Kafka data in the mounted volume, three nodes, and makes every topic replicated 3 ways', () => {
    const kafka = named('StatefulSet', 'kafka')!;
    expect(kafka.spec?.replicas).toBe(3);
    const c = kafka.spec!.template!.spec.containers[0]!;
    const logDirs = c.env?.find((e) => e.name === 'KAFKA_LOG_DIRS')?.value ?? '';
    const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
    expect(logDirs).not.toBe('');
    for (const dir of logDirs.split(','))
      expect(
        mounts.some((m) => dir.startsWith(`${m}/`)),
        dir,
      ).toBe(true);

    const script = named('Job', 'ringfence-topics')!.spec!.template!.spec.containers[0]!.command!.join(' ');
    expect(script).toContain('--replication-factor 3');
    expect(script).toContain('min.insync.replicas=2');
    const created = new Map(
      [...script.matchAll(/^\s*create ([a-z0-9.-]+) (\d+)( \$compacted)?$/gm)].map((m) => [
        m[1]!,
        { partitions: Number(m[2]), compacted: m[3] !== undefined },
      ]),
    );
    for (const spec of TOPIC_SPECS) {
      const topic = created.get(TOPICS[spec.role]);
      expect(topic, TOPICS[spec.role]).toBeDefined();
      expect(topic!.compacted, `${TOPICS[spec.role]} compacted`).toBe(spec.compacted);
      expect(topic!.partitions, `${TOPICS[spec.role]} partitions`).toBeGreaterThanOrEqual(spec.partitions);
    }
    expect(created.size).toBe(TOPIC_SPECS.length);

    // The services create and check topics from ringfence-common: the same counts and replication.
    const common = named('ConfigMap', 'ringfence-common')?.data ?? {};
    const settings = loadConfig(z.object(baseConfigShape), { env: common, file: '' });
    expect(settings.kafkaReplicationFactor).toBe(3);
    expect(settings.kafkaMinInsyncReplicas).toBe(2);
    expect(settings.kafkaReplicationFactor).toBeLessThanOrEqual(kafka.spec?.replicas ?? 0);
    for (const [topic, { partitions }] of created)
      expect(settings.kafkaTopicPartitions[topic as TopicBaseName], topic).toBe(partitions);
  });

  it('names the same images as Compose', () => {
    const compose = readFileSync(join(repo, 'deploy', 'compose.yaml'), 'utf8');
    for (const { spec } of podSpecs)
      for (const c of spec.containers)
        if (c.image !== 'ringfence') expect(compose).toContain(`image: ${c.image}`);
    expect(existsSync(join(repo, 'deploy', 'Dockerfile'))).toBe(true);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(join(repo, 'deploy', 'Dockerfile'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
    scripts: Record<string, string>;
  };

  it('builds and runs on the Node.js the project pins', () => {
    const images = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(image).toBe(`node:${pkg.devDependencies['node']}-bookworm-slim`);
  });

  it('copies in everything npm ci runs on, the patches its postinstall applies included', () => {
    expect(pkg.scripts['postinstall']).toContain('patch-package');
    const copied = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/).slice(0, -1),
    );
    for (const needed of ['package.json', 'package-lock.json', 'patches', 'services', 'protos'])
      expect(copied, needed).toContain(needed);
    for (const patch of readdirSync(join(repo, 'patches'))) expect(patch).toMatch(/\.patch$/);
  });
});

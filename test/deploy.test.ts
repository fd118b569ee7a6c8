import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

// deploy/ cannot run here (no Docker engine), so this test holds it to the code: every service,
// command, port and environment variable a manifest names must exist in the services it starts.
const repo = join(import.meta.dirname, '..');
const LIBRARIES = ['common', 'cdr', 'store', 'engine'];

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) return n === 'gen' ? [] : sources(full);
    return n.endsWith('.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

const configText = new Map<string, string>();
function knowsKey(service: string, envVar: string): boolean {
  const key = envVar.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (!configText.has(service)) {
    const dirs = [service, ...LIBRARIES].map((w) => join(repo, 'services', w, 'src'));
    configText.set(service, dirs.flatMap(sources).join('\n'));
  }
  return new RegExp(`\\b${key}\\s*:`).test(configText.get(service)!);
}

function serviceOf(command: unknown): string | undefined {
  const parts = Array.isArray(command) ? command.map(String) : [];
  const m = /^services\/([a-z-]+)\/dist\/index\.js$/.exec(parts[1] ?? '');
  return m?.[1];
}

function entryExists(service: string): boolean {
  return existsSync(join(repo, 'services', service, 'src', 'index.ts'));
}

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
}

describe('deploy/compose.yaml', () => {
  const compose = parse(readFileSync(join(repo, 'deploy', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const ours = Object.entries(compose.services).filter(([, s]) => s.image === 'ringfence:latest');

  it('starts every Ringfence service, each from an entry point that exists', () => {
    const started = ours.map(([, s]) => serviceOf(s.command)).filter((s) => s !== undefined);
    for (const s of ['ingest', 'scorer', 'sink', 'risk-api', 'console', 'exporter'])
      expect(started).toContain(s);
    for (const [name, s] of ours) {
      const service = serviceOf(s.command);
      expect(service, `${name}: command ${String(s.command)}`).toBeDefined();
      expect(entryExists(service!), `${name}: services/${service}/src/index.ts`).toBe(true);
    }
  });

  it('sets only environment variables the services read, and publishes only ports they listen on', () => {
    for (const [name, s] of ours) {
      const service = serviceOf(s.command)!;
      const env = s.environment ?? {};
      for (const key of Object.keys(env)) expect(knowsKey(service, key), `${name}: ${key}`).toBe(true);
      const listening = Object.entries(env)
        .filter(([k]) => k.endsWith('_PORT'))
        .map(([, v]) => String(v));
      for (const p of s.ports ?? []) expect(listening, `${name}: port ${p}`).toContain(p.split(':').pop());
    }
  });

  it('names the Kafka version the local stack pins and a ClickHouse LTS image', () => {
    const pom = readFileSync(join(repo, 'services', 'cli', 'assets', 'kafka-pom.xml'), 'utf8');
    const version = /<kafka\.version>([^<]+)</.exec(pom)?.[1];
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${version}`);
    expect(compose.services['clickhouse']?.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.(3|8)$/);
  });
});

interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: { httpGet?: { port: number; path: string } };
  readinessProbe?: { httpGet?: { port: number; path: string } };
}
interface K8sDoc {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: Record<string, string> | { matchLabels: Record<string, string> };
    ports?: { port: number; targetPort?: number }[];
    template?: { spec: { containers: Container[] } };
  };
}

describe('deploy/k8s', () => {
  const dir = join(repo, 'deploy', 'k8s');
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as {
    resources: string[];
  };
  const docs: K8sDoc[] = kustomization.resources.flatMap((f) =>
    parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => {
      expect(d.errors, f).toEqual([]);
      return d.toJS() as K8sDoc;
    }),
  );
  const configMap = docs.find((d) => d.kind === 'ConfigMap')!;
  const secret = docs.find((d) => d.kind === 'Secret')!;
  const workloads = docs.filter((d) => d.kind === 'Deployment' || d.kind === 'Job');

  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('runs every service from an existing entry point with known configuration keys', () => {
    const deployments = docs.filter((d) => d.kind === 'Deployment').map((d) => d.metadata.name);
    expect(deployments.sort()).toEqual(['console', 'exporter', 'ingest', 'risk-api', 'scorer', 'sink']);
    for (const key of [...Object.keys(configMap.data ?? {}), ...Object.keys(secret.stringData ?? {})]) {
      expect(
        ['ingest', 'risk-api', 'exporter', 'common'].some((s) => knowsKey(s, key)),
        key,
      ).toBe(true);
    }
    for (const w of workloads) {
      for (const c of w.spec!.template!.spec.containers) {
        const service =
          serviceOf(c.command) ?? (c.command?.[1] === 'services/cli/dist/index.js' ? 'cli' : undefined);
        expect(service, `${w.metadata.name}: ${String(c.command)}`).toBeDefined();
        expect(entryExists(service!)).toBe(true);
        for (const e of c.env ?? [])
          expect(knowsKey(service!, e.name), `${w.metadata.name}: ${e.name}`).toBe(true);
      }
    }
  });

  it('probes the ops port and exposes only ports the services listen on', () => {
    const opsPort = Number(configMap.data?.['OPS_PORT']);
    for (const d of docs.filter((x) => x.kind === 'Deployment')) {
      const c = d.spec!.template!.spec.containers[0]!;
      expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: opsPort });
      expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: opsPort });
      const listening = new Set([
        opsPort,
        ...(c.env ?? []).filter((e) => e.name.endsWith('_PORT')).map((e) => Number(e.value)),
      ]);
      for (const p of c.ports ?? [])
        expect(listening.has(p.containerPort), `${d.metadata.name}: ${p.containerPort}`).toBe(true);
      const svc = docs.find((x) => x.kind === 'Service' && x.metadata.name === d.metadata.name);
      for (const p of svc?.spec?.ports ?? []) {
        expect(listening.has(p.targetPort ?? p.port), `${d.metadata.name} Service port ${p.port}`).toBe(true);
      }
    }
  });
});

import type { Admin } from 'kafkajs';
import { createClickHouse, topicName } from '@ringfence/common';
import { freePort, type TestStack } from '@ringfence/common/testing';
import { Level } from '@ringfence/proto';
import { createRiskClient, type RiskAnswer, type RiskClient } from '@ringfence/risk-api';
import { countCdrs, migrate } from '@ringfence/store';
import { TEST_SCORER_ENV } from '../../services/scorer/test/kafka-fixtures.js';
import { IngestClient } from './ingest-client.js';
import { ServiceProcess, type ServiceName } from './service-process.js';

const INGEST_TOKEN = 'fault-test-ingest-token';
const SWITCH_TOKEN = 'fault-test-switch-token-0123456789';

/** Where a pipeline runs: a PrivateStack, or a PrivateClickHouseCluster with the shared Kafka. */
export interface PipelineStack {
  /** Where the services' logs go. */
  readonly dir: string;
  readonly clickhouseUrl: string;
  /** Set for the cluster layout: the schema is migrated for it. */
  readonly cluster?: string;
  /** Every server's HTTP URL on the cluster layout (CLICKHOUSE_CLUSTER_URLS). */
  readonly clusterUrls?: readonly string[];
  scope(): TestStack;
}

export interface PipelineOptions {
  /** Which services to start, in this order; all four by default. */
  services?: readonly ServiceName[];
  /** Extra environment per service (e.g. the sink's buffer bounds). */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * The real services of one pipeline (own topic prefix, database and consumer groups) on a private
 * stack, each a child process, plus the clients a test drives them with: the ingest HTTP API,
 * the risk-api gRPC client and the store's queries.
 */
export class Pipeline {
  readonly services = new Map<ServiceName, ServiceProcess>();
  ingest: IngestClient | undefined;
  private risk: RiskClient | undefined;
  private admin: Admin | undefined;

  private constructor(
    readonly stack: PipelineStack,
    readonly scope: TestStack,
  ) {}

  static async start(stack: PipelineStack, options: PipelineOptions = {}): Promise<Pipeline> {
    const p = new Pipeline(stack, stack.scope());
    const scope = p.scope;
    const common: Record<string, string> = { LOG_LEVEL: 'info' };
    const httpPort = await freePort();
    const grpcPort = await freePort();
    const env: Record<ServiceName, Record<string, string>> = {
      ingest: {
        HTTP_PORT: String(httpPort),
        INGEST_TOKENS: INGEST_TOKEN,
        RAW_GROUP_ID: `${scope.topicPrefix}ingest-raw`,
      },
      scorer: {
        ...TEST_SCORER_ENV,
        GROUP_ID: `${scope.topicPrefix}scorer`,
        SNAPSHOT_INTERVAL_MS: '1000',
        IDLE_FLUSH_MS: '500',
      },
      sink: {
        GROUP_ID: `${scope.topicPrefix}sink`,
        FLUSH_ROWS: '5000',
        FLUSH_AGE_MS: '200',
        RETRY_INITIAL_MS: '100',
        RETRY_MAX_MS: '2000',
        INSERT_TIMEOUT_MS: '5000',
      },
      'risk-api': {
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(grpcPort),
        AUTH_TOKENS: `${SWITCH_TOKEN}=fault-switch`,
      },
    };
    // Topics and schema first, as the migrate Job does: no service creates either.
    await scope.createTopics();
    await migrate({
      url: scope.clickhouseUrl,
      database: scope.database,
      ...(stack.cluster === undefined ? {} : { cluster: stack.cluster }),
      ...(stack.clusterUrls === undefined ? {} : { clusterUrls: stack.clusterUrls }),
    });
    for (const name of options.services ?? (['sink', 'scorer', 'risk-api', 'ingest'] as const)) {
      const svc = new ServiceProcess(
        name,
        scope.env({ ...common, ...env[name], ...options.env?.[name] }),
        stack.dir,
      );
      p.services.set(name, svc);
      await svc.start();
    }
    await Promise.all([...p.services.values()].map((s) => s.ready()));
    if (p.services.has('ingest')) p.ingest = new IngestClient(httpPort, INGEST_TOKEN);
    if (p.services.has('risk-api'))
      p.risk = createRiskClient({ address: `127.0.0.1:${grpcPort}`, token: SWITCH_TOKEN, deadlineMs: 2_000 });
    p.admin = scope.kafka().admin();
    await p.admin.connect();
    return p;
  }

  service(name: ServiceName): ServiceProcess {
    const s = this.services.get(name);
    if (s === undefined) throw new Error(`${name} is not part of this pipeline`);
    return s;
  }

  /** The risk-api's answer for a calling number (E.164); `failOpen` is set when it did not answer. */
  async check(calling: string): Promise<RiskAnswer> {
    if (this.risk === undefined) throw new Error('risk-api is not part of this pipeline');
    return this.risk.check({ calling, called: '+8613900000999', requestId: calling });
  }

  /** True when the risk-api answered (not fail-open) with level HIGH for `calling`. */
  async flaggedHigh(calling: string): Promise<boolean> {
    const a = await this.check(calling);
    return a.failOpen === undefined && a.level === Level.LEVEL_HIGH;
  }

  /** Distinct CDRs stored in ClickHouse with setup time in [from, to). */
  async storedCdrs(from: number, to: number): Promise<number> {
    const ch = createClickHouse({ url: this.stack.clickhouseUrl, database: this.scope.database });
    try {
      return await countCdrs({ ch, database: this.scope.database }, from, to);
    } finally {
      await ch.close();
    }
  }

  /** CDR rows stored (duplicates included), for reporting what at-least-once delivery wrote twice. */
  async storedCdrRows(): Promise<number> {
    const ch = createClickHouse({ url: this.stack.clickhouseUrl, database: this.scope.database });
    try {
      const rs = await ch.query({ query: 'SELECT count() AS n FROM cdr', format: 'JSONEachRow' });
      return Number((await rs.json<{ n: string }>())[0]?.n ?? 0);
    } finally {
      await ch.close();
    }
  }

  /** Messages of cdr.v1 the sink's group has not committed yet (from the broker's view). */
  async sinkLag(): Promise<number> {
    const admin = this.admin!;
    const topic = topicName(this.scope.topicPrefix, 'cdr');
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({
      groupId: `${this.scope.topicPrefix}sink`,
      topics: [topic],
    });
    let lag = 0;
    for (const e of ends) {
      const c = committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1';
      lag += Number(e.high) - (Number(c) < 0 ? Number(e.low) : Number(c));
    }
    return lag;
  }

  /** Messages in cdr.v1 (sum of high watermarks). */
  async cdrMessages(): Promise<number> {
    const ends = await this.admin!.fetchTopicOffsets(topicName(this.scope.topicPrefix, 'cdr'));
    return ends.reduce((a, e) => a + Number(e.high) - Number(e.low), 0);
  }

  /**
   * Closes the clients and kills the services. SIGKILL: a test's pipeline is thrown away with its
   * topics and database, and the services' clean stop is not what these tests are about.
   */
  async stop(): Promise<void> {
    this.risk?.close();
    await Promise.all([...this.services.values()].map((s) => s.kill('SIGKILL')));
    await this.admin?.disconnect().catch(() => undefined);
  }
}

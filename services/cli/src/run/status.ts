import type { Admin } from 'kafkajs';
import {
  createClickHouse,
  createKafka,
  ensureTopics,
  scrapeMetrics,
  sumMetric,
  topicName,
  type ClickHouseClient,
  type Logger,
  type TopicSettings,
} from '@ringfence/common';
import { flaggedCounts, listAlerts, storedSince, type StoreDb } from '@ringfence/store';
import { MAIN_JOB_SERVICES, type MainJobPorts } from './main-job.js';
import type { ServiceState } from './supervisor.js';

/** One service as the panel shows it. */
export interface ServiceStatus {
  name: string;
  state: 'up' | 'starting' | 'restarting' | 'not started';
  restarts: number;
}

export interface AlertLine {
  timeMs: number;
  kind: string;
  id: string;
  toLevel: string;
  category: string;
}

/** What the status panel shows; a figure that could not be read this time is undefined. */
export interface StatusSnapshot {
  atMs: number;
  services: ServiceStatus[];
  /** Records entering cdr.v1 per second since the previous snapshot (replay and HTTP ingest alike). */
  cdrsPerSecond: number | undefined;
  /** Records in cdr.v1 so far. */
  cdrsTotal: number | undefined;
  /** cdr.v1 records the scorer has not applied yet (its own figure; its committed lag while it is down). */
  scorerLag: number | undefined;
  /** Event time of the newest CDR this run stored in ClickHouse. */
  eventTimeMs: number | undefined;
  /**
   * Event-time milliseconds the traffic advances per wall-clock millisecond, measured on the stored
   * CDRs between two snapshots (the replay speed, whatever the source): turns the scorer's lag in
   * records into its delay in event time.
   */
  eventRate: number | undefined;
  /** Numbers and sources (trunks, carriers, devices) whose current level is above NONE. */
  flagged: { numbers: number; numbersHigh: number; sources: number } | undefined;
  /** Newest alerts first. */
  alerts: AlertLine[];
}

export interface StatusSourceOptions {
  brokers: readonly string[];
  clickhouseUrl: string;
  clickhouseUser: string;
  clickhousePassword: string;
  database: string;
  topicPrefix: string;
  /** How missing topics are created (the services' KAFKA_REPLICATION_FACTOR, ...). */
  topics: TopicSettings;
  scorerGroup: string;
  ports: MainJobPorts;
  /** The collector's own diagnostics (a log file): never the terminal. */
  logger: Logger;
  alerts?: number;
  /**
   * Wall-clock start of this run: CDRs ingested before it (earlier runs replay the same event hours)
   * count for neither the event time nor the window of latest alerts.
   */
  sinceMs: number;
}

/** Each figure is read with this bound, so a hung server leaves a gap in the panel, not a stuck panel. */
const READ_TIMEOUT_MS = 2_500;

async function bounded<T>(read: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([read().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function ready(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Reads the figures of the status panel from what the pipeline already exposes: the services' ops
 * endpoints (/readyz, the scorer's /metrics), Kafka offsets through the admin client, and the
 * verdicts, alerts and CDRs the sink stored in ClickHouse.
 */
export class StatusSource {
  private readonly admin: Admin;
  private connected: Promise<void> | undefined;
  private readonly ch: ClickHouseClient;
  private readonly db: StoreDb;
  private readonly cdrTopic: string;
  private previous: { atMs: number; total: number } | undefined;
  private previousEvent: { atMs: number; eventMs: number } | undefined;
  private eventRate: number | undefined;

  constructor(private readonly o: StatusSourceOptions) {
    this.admin = createKafka({ brokers: o.brokers, clientId: 'ringfence-run', logger: o.logger }).admin();
    this.ch = createClickHouse({
      url: o.clickhouseUrl,
      database: o.database,
      username: o.clickhouseUser,
      password: o.clickhousePassword,
      requestTimeoutMs: READ_TIMEOUT_MS,
    });
    this.db = { ch: this.ch, database: o.database };
    this.cdrTopic = topicName(o.topicPrefix, 'cdr');
  }

  private async kafka(): Promise<Admin> {
    this.connected ??= this.admin.connect();
    await this.connected;
    return this.admin;
  }

  /**
   * Creates the pipeline's topics and waits for their leaders and a group coordinator, before the
   * services start, so none of them meets a topic without a leader.
   */
  async prepareTopics(): Promise<void> {
    await ensureTopics(await this.kafka(), this.o.topicPrefix, this.o.topics);
  }

  /** Reads every figure (those that cannot be read this time are left undefined). */
  async snapshot(services: readonly ServiceState[]): Promise<StatusSnapshot> {
    const atMs = Date.now();
    const [states, total, scorerLag, window, flagged] = await Promise.all([
      this.services(services),
      bounded(() => this.cdrTotal()),
      this.scorerLag(),
      bounded(() => this.runWindow()),
      bounded(() => this.flagged()),
    ]);
    const alerts = await bounded(() => this.latestAlerts(window));
    const eventTimeMs = window?.toMs;
    if (eventTimeMs !== undefined) {
      const p = this.previousEvent;
      // Between two hours of traffic stored event time stands still: keep the last rate seen.
      if (p !== undefined && eventTimeMs > p.eventMs && atMs > p.atMs)
        this.eventRate = (eventTimeMs - p.eventMs) / (atMs - p.atMs);
      this.previousEvent = { atMs, eventMs: eventTimeMs };
    }
    let cdrsPerSecond: number | undefined;
    if (total !== undefined) {
      const p = this.previous;
      if (p !== undefined && atMs > p.atMs)
        cdrsPerSecond = Math.max(0, ((total - p.total) * 1000) / (atMs - p.atMs));
      this.previous = { atMs, total };
    }
    return {
      atMs,
      services: states,
      cdrsPerSecond,
      cdrsTotal: total,
      scorerLag,
      eventTimeMs,
      eventRate: this.eventRate,
      flagged,
      alerts: alerts ?? [],
    };
  }

  private async services(known: readonly ServiceState[]): Promise<ServiceStatus[]> {
    return Promise.all(
      MAIN_JOB_SERVICES.map(async (name): Promise<ServiceStatus> => {
        const s = known.find((k) => k.name === name);
        if (s === undefined) return { name, state: 'not started', restarts: 0 };
        if (!s.running) return { name, state: 'restarting', restarts: s.restarts };
        return {
          name,
          state: (await ready(this.o.ports.ops[name])) ? 'up' : 'starting',
          restarts: s.restarts,
        };
      }),
    );
  }

  private async cdrTotal(): Promise<number> {
    const offsets = await (await this.kafka()).fetchTopicOffsets(this.cdrTopic);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  }

  private async scorerLag(): Promise<number | undefined> {
    const text = await scrapeMetrics(this.o.ports.ops.scorer, 1_000);
    if (text !== undefined && text.includes('ringfence_scorer_consumer_lag{'))
      return sumMetric(text, 'ringfence_scorer_consumer_lag', `topic="${this.cdrTopic}"`);
    // The scorer does not answer (restarting, still restoring its state): what it committed last.
    return bounded(async () => {
      const admin = await this.kafka();
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(this.cdrTopic),
        admin.fetchOffsets({ groupId: this.o.scorerGroup, topics: [this.cdrTopic] }),
      ]);
      const at = new Map(committed[0]?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
      return ends.reduce((n, e) => {
        const c = at.get(e.partition) ?? -1;
        return n + Number(e.high) - (c < 0 ? Number(e.low) : c);
      }, 0);
    });
  }

  /** The event-time span of the CDRs this run stored, undefined before the first. */
  private async runWindow(): Promise<{ fromMs: number; toMs: number } | undefined> {
    return storedSince(this.db, this.o.sinceMs);
  }

  private flagged(): Promise<StatusSnapshot['flagged']> {
    return flaggedCounts(this.db);
  }

  private async latestAlerts(window: { fromMs: number; toMs: number } | undefined): Promise<AlertLine[]> {
    if (window === undefined) return [];
    // Within this run's calls: not an earlier run's (they replay the same event hours), and not a
    // complaint timed after the calls fed so far, whose alert would otherwise stay on top.
    const alerts = await listAlerts(this.db, {
      from: window.fromMs,
      to: window.toMs + 1,
      limit: this.o.alerts ?? 5,
    });
    return alerts.map((a) => ({
      timeMs: a.timeMs,
      kind: a.kind,
      id: a.id,
      toLevel: a.toLevel,
      category: a.category,
    }));
  }

  async close(): Promise<void> {
    await Promise.allSettled([
      this.connected === undefined ? undefined : this.admin.disconnect(),
      this.ch.close(),
    ]);
  }
}

/** Every Kafka topic Ringfence uses, by role. See ARCHITECTURE.md for keys and producers. */
export const TOPICS = {
  /** Normalised CDRs, protobuf CallDetailRecord, keyed by E.164 calling number. */
  cdr: 'cdr.v1',
  /** Records ingest could not use: DeadLetter with the original bytes and a reason. */
  cdrDlq: 'cdr.dlq.v1',
  /** Raw JSON CDRs from mediation systems that already write to Kafka. */
  cdrRaw: 'cdr.raw.v1',
  /**
   * Normalised complaints, ComplaintEvent, keyed by reported number; co-partitioned with cdr.v1
   * (the same partition count), so a number's complaints are on its calls' partition.
   */
  complaints: 'complaints.v1',
  /** Raw JSON complaints. */
  complaintsRaw: 'complaints.raw.v1',
  /** Latest verdict per number (compacted), RiskVerdict keyed by E.164 number; tombstone on expiry. */
  callerRisk: 'caller-risk.v1',
  /** Latest verdict per source (compacted), RiskVerdict keyed by "<kind>:<id>". */
  sourceRisk: 'source-risk.v1',
  /** Alerts when a subject's level rises. */
  alerts: 'alerts.v1',
  /**
   * Operator decisions, Feedback keyed by subject (the number itself, or `<kind>:<id>`);
   * co-partitioned with cdr.v1, so a number's decisions are on its calls' partition.
   */
  feedback: 'feedback.v1',
  /**
   * Scorer's re-key stage: per-call SourceObservations, each source always in the same partition
   * (FNV-1a of `<kind>:<id>`), packed length-delimited per partition under key `pack:<n>`.
   */
  sourceEvents: 'scorer.source-events.v1',
  /**
   * Scorer's calls received per number: each cdr.v1 partition's callees, packed per partition of
   * the callee (co-partitioned with cdr.v1), so the partition that holds a number counts its calls.
   */
  received: 'scorer.received.v1',
  /** Scorer's thin-campaign counts per entry trunk (compacted), one record per cdr.v1 partition. */
  campaignCounts: 'scorer.campaign-counts.v1',
  /** Scorer partition snapshots (compacted), StageSnapshot chunks keyed by "<group>:<task>:<slot>:<part>". */
  scorerSnapshots: 'scorer.snapshots.v1',
} as const;

export type TopicRole = keyof typeof TOPICS;

export interface TopicSpec {
  role: TopicRole;
  partitions: number;
  compacted: boolean;
}

/**
 * Default partition counts (the local stack's); a deployment sets its own per topic with
 * KAFKA_TOPIC_PARTITIONS (deploy/k8s/config.yaml holds production's).
 */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  { role: 'cdr', partitions: 6, compacted: false },
  { role: 'cdrDlq', partitions: 1, compacted: false },
  { role: 'cdrRaw', partitions: 3, compacted: false },
  { role: 'complaints', partitions: 6, compacted: false },
  { role: 'complaintsRaw', partitions: 1, compacted: false },
  { role: 'callerRisk', partitions: 6, compacted: true },
  { role: 'sourceRisk', partitions: 3, compacted: true },
  { role: 'alerts', partitions: 3, compacted: false },
  { role: 'feedback', partitions: 6, compacted: false },
  { role: 'sourceEvents', partitions: 6, compacted: false },
  { role: 'received', partitions: 6, compacted: false },
  { role: 'campaignCounts', partitions: 1, compacted: true },
  { role: 'scorerSnapshots', partitions: 1, compacted: true },
];

/** The full topic name for a role under a prefix ("" in production, a unique one per test). */
export function topicName(prefix: string, role: TopicRole): string {
  return `${prefix}${TOPICS[role]}`;
}

/** A topic's name without prefix (`cdr.v1`), as KAFKA_TOPIC_PARTITIONS names it. */
export type TopicBaseName = (typeof TOPICS)[TopicRole];

/**
 * How topics are created: partition counts per topic (defaults: {@link TOPIC_SPECS}), and the
 * replication factor and min.insync.replicas (unset: the cluster's own defaults).
 */
export interface TopicSettings {
  replicationFactor?: number | undefined;
  minInsyncReplicas?: number | undefined;
  partitions?: Readonly<Partial<Record<TopicBaseName, number>>> | undefined;
}

/** The specs with a deployment's partition counts applied. */
export function configuredSpecs(
  specs: readonly TopicSpec[],
  partitions: TopicSettings['partitions'] = {},
): TopicSpec[] {
  return specs.map((s) => ({ ...s, partitions: partitions[TOPICS[s.role]] ?? s.partitions }));
}

/** The topic settings of a service's configuration (KAFKA_REPLICATION_FACTOR, ...). */
export function topicSettings(c: {
  readonly kafkaReplicationFactor?: number | undefined;
  readonly kafkaMinInsyncReplicas?: number | undefined;
  readonly kafkaTopicPartitions?: TopicSettings['partitions'];
}): TopicSettings {
  return {
    replicationFactor: c.kafkaReplicationFactor,
    minInsyncReplicas: c.kafkaMinInsyncReplicas,
    partitions: c.kafkaTopicPartitions,
  };
}

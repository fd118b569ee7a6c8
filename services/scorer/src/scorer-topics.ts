import { topicName } from '@ringfence/common';

/** The topics one scorer reads and writes, under its prefix. */
export interface ScorerTopics {
  readonly cdr: string;
  readonly complaints: string;
  readonly feedback: string;
  readonly received: string;
  readonly sourceEvents: string;
  readonly callerRisk: string;
  readonly sourceRisk: string;
  readonly alerts: string;
  readonly campaignCounts: string;
  readonly snapshots: string;
}

export function scorerTopics(prefix: string): ScorerTopics {
  return Object.freeze({
    cdr: topicName(prefix, 'cdr'),
    complaints: topicName(prefix, 'complaints'),
    feedback: topicName(prefix, 'feedback'),
    received: topicName(prefix, 'received'),
    sourceEvents: topicName(prefix, 'sourceEvents'),
    callerRisk: topicName(prefix, 'callerRisk'),
    sourceRisk: topicName(prefix, 'sourceRisk'),
    alerts: topicName(prefix, 'alerts'),
    campaignCounts: topicName(prefix, 'campaignCounts'),
    snapshots: topicName(prefix, 'scorerSnapshots'),
  });
}

/** The consumer group of the source stages, beside the number stages' `groupId`. */
export function sourceGroupId(groupId: string): string {
  return `${groupId}.sources`;
}

/** What a number task reads, all partitioned alike: a number's calls, complaints, decisions and calls received. */
export function numberInputs(t: ScorerTopics): readonly string[] {
  return [t.cdr, t.complaints, t.feedback, t.received];
}

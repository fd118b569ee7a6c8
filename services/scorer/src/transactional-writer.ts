import type { Offsets, Producer, ProducerBatch, ProducerRecord, RecordMetadata, Transaction } from 'kafkajs';

/** Where the scorer's writes go: the open transaction. */
export interface Sender {
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
}

/** Input offsets committed with a transaction, for one consumer group. */
export interface GroupOffsets {
  groupId: string;
  topics: Offsets['topics'];
}

/**
 * Every write of a scorer partition (outputs, observations, snapshots) and its offset commits go
 * through Kafka transactions under that partition's transactional id. Beginning the first
 * transaction bumps the id's epoch, which fences any earlier holder: an instance that lost the
 * partition but does not know it yet (paused, cut off) can no longer publish, commit offsets or
 * overwrite its snapshot, and whatever it had left open is aborted, so read-committed readers never
 * see it.
 */
export class TransactionalWriter {
  private open: Transaction | undefined;

  constructor(private readonly producer: Producer) {}

  /** The open transaction, begun if none is. */
  async sender(): Promise<Sender> {
    this.open ??= await this.producer.transaction();
    return this.open;
  }

  /** Commits the open transaction (with `offsets`, if any); a no-op when nothing is open or to commit. */
  async commit(offsets: readonly GroupOffsets[] = []): Promise<void> {
    const withOffsets = offsets.filter((o) => o.topics.length > 0);
    if (this.open === undefined && withOffsets.length === 0) return;
    const txn = this.open ?? (await this.producer.transaction());
    this.open = undefined;
    for (const o of withOffsets) await txn.sendOffsets({ consumerGroupId: o.groupId, topics: o.topics });
    await txn.commit();
  }
}

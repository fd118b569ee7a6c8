import type { Admin, Kafka } from 'kafkajs';
import { readToEnd, type Logger } from '@ringfence/common';
import type { Sender } from './transactional-writer.js';
import { scorerv1 } from '@ringfence/proto';

/** Next offset to read per input partition, as reflected by a snapshot's state. */
export interface InputOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface StoredSnapshot {
  id: number;
  state: Buffer;
  offsets: InputOffset[];
}

const PART_HEADER = 8;

/**
 * Snapshots of the scorer state on a compacted topic. A snapshot larger than one Kafka message is
 * split into chunks keyed `<group>:engine:<slot>:<part>`; consecutive snapshots alternate between
 * two slots, so a crash half-way through writing one leaves the previous one whole (compaction
 * only ever replaces a key with a newer value of the same key). Every chunk carries the snapshot
 * id, its part number and the part count; a reader takes the newest snapshot with every part.
 */
export class SnapshotStore {
  private lastId = 0;
  private slot = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly topic: string,
    private readonly group: string,
    private readonly chunkBytes: number,
    private readonly logger: Logger,
  ) {}

  private key(slot: number, part: number): string {
    return `${this.group}:engine:${slot}:${part}`;
  }

  /** Writes one snapshot; resolves once every chunk is acknowledged by all in-sync replicas;
   * it becomes visible when `sender`'s transaction commits. */
  async write(sender: Sender, state: Buffer, offsets: readonly InputOffset[]): Promise<number> {
    const id = Math.max(Date.now(), this.lastId + 1);
    this.lastId = id;
    const slot = this.slot;
    this.slot = 1 - slot;
    const parts = Math.max(1, Math.ceil(state.length / this.chunkBytes));
    const protoOffsets = offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset }));
    // One chunk per request: kafkajs puts a partition's messages in one record batch, and the broker
    // limits a batch's size, not a message's.
    for (let part = 0; part < parts; part++) {
      const header = Buffer.alloc(PART_HEADER);
      header.writeUInt32LE(part, 0);
      header.writeUInt32LE(parts, 4);
      const chunk = state.subarray(part * this.chunkBytes, (part + 1) * this.chunkBytes);
      const value = Buffer.from(
        scorerv1.StageSnapshot.encode({
          stage: 'engine',
          state: Buffer.concat([header, chunk]),
          offsets: protoOffsets,
          takenMs: id,
        }).finish(),
      );
      await sender.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key: this.key(slot, part), value }],
      });
    }
    return id;
  }

  /** The newest complete snapshot of this group, or undefined when there is none. */
  async read(): Promise<StoredSnapshot | undefined> {
    const prefix = `${this.group}:engine:`;
    const byId = new Map<number, { parts: number; chunks: Map<number, Buffer>; offsets: InputOffset[] }>();
    await readToEnd(
      this.kafka,
      this.admin,
      this.topic,
      (_partition, message) => {
        const key = message.key?.toString() ?? '';
        if (!key.startsWith(prefix) || message.value === null) return;
        const m = scorerv1.StageSnapshot.decode(message.value);
        const state = Buffer.from(m.state);
        if (state.length < PART_HEADER) return;
        const id = Number(m.takenMs);
        let s = byId.get(id);
        if (s === undefined) {
          s = {
            parts: state.readUInt32LE(4),
            chunks: new Map(),
            offsets: m.offsets.map((o) => ({
              topic: o.topic ?? '',
              partition: o.partition ?? 0,
              offset: Number(o.offset),
            })),
          };
          byId.set(id, s);
        }
        s.chunks.set(state.readUInt32LE(0), state.subarray(PART_HEADER));
      },
      { groupPrefix: `${this.group}.restore` },
      this.logger,
    );
    const ids = [...byId.keys()].sort((a, b) => b - a);
    for (const id of ids) {
      const s = byId.get(id)!;
      if (s.chunks.size !== s.parts) continue;
      const chunks: Buffer[] = [];
      for (let i = 0; i < s.parts; i++) chunks.push(s.chunks.get(i)!);
      this.lastId = id;
      return { id, state: Buffer.concat(chunks), offsets: s.offsets };
    }
    return undefined;
  }
}

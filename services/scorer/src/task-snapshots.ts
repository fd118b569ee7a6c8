import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { constants, createZstdCompress, zstdDecompress } from 'node:zlib';
import type { Admin } from 'kafkajs';
import { RingfenceError, readToEnd, type Logger } from '@ringfence/common';
import { scorerv1, type SnapshotCompressionCode } from '@ringfence/proto';
import type { Sender } from './transactional-writer.js';

/** How snapshots are written: `zstd` (the default) or `none`, which every version reads. */
export type SnapshotCompression = 'zstd' | 'none';

const { SNAPSHOT_COMPRESSION_NONE: NONE, SNAPSHOT_COMPRESSION_ZSTD: ZSTD } = scorerv1.SnapshotCompression;
// In libuv's thread pool: a partition's state is tens to hundreds of MB, and the event loop keeps
// heartbeating the instance's consumers meanwhile.
const decompress = promisify(zstdDecompress);
/**
 * Level 1: a number partition's state (mostly small integers in fixed-width fields and sparse
 * windows) shrinks about tenfold at about 900 MB/s; level 3 gains nothing on it at less than half
 * the speed (bench/results/2026-12-06-snapshot-zstd.md).
 */
const ZSTD_OPTIONS = { chunkSize: 1 << 20, params: { [constants.ZSTD_c_compressionLevel]: 1 } };

/**
 * One zstd frame of the parts, in order. Streamed, so the state is never copied into one buffer
 * first: a partition's state can be hundreds of MB, and a copy would double the snapshot's memory.
 */
async function compress(parts: readonly Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(parts), createZstdCompress(ZSTD_OPTIONS), async (frames) => {
    for await (const f of frames) out.push(f as Buffer);
  });
  return Buffer.concat(out);
}

/** Next offset to read per input partition, as reflected by a snapshot's state. */
export interface InputOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface StoredSnapshot {
  id: number;
  /** The state as the task wrote it (decompressed). */
  state: Buffer;
  /** Bytes its chunks hold on the topic (compressed). */
  storedBytes: number;
  offsets: InputOffset[];
}

const PART_HEADER = 8;

/**
 * Snapshots of one scorer task (a number stage `n<p>` or source stage `s<p>`) on the compacted
 * snapshot topic. A snapshot larger than one Kafka message is split into chunks keyed
 * `<group>:<task>:<slot>:<part>`; consecutive snapshots alternate between two slots, so a crash
 * half-way through writing one leaves the previous one whole (compaction only ever replaces a key
 * with a newer value of the same key). Every chunk carries the snapshot id, its part number and the
 * part count; a reader takes the newest snapshot with every part.
 */
export class TaskSnapshots {
  private lastId = 0;
  private slot = 0;

  constructor(
    private readonly topic: string,
    private readonly group: string,
    readonly task: string,
    private readonly chunkBytes: number,
    private readonly compression: SnapshotCompression = 'zstd',
  ) {}

  /** The next snapshot gets a larger id than `id` (one restored). */
  after(id: number): void {
    this.lastId = Math.max(this.lastId, id);
  }

  /**
   * Writes one snapshot of the state made of `pieces` (in order) into `sender`'s transaction
   * (visible when it commits); returns its id and the bytes stored (compressed).
   */
  async write(
    sender: Sender,
    pieces: readonly Buffer[],
    offsets: readonly InputOffset[],
  ): Promise<{ id: number; storedBytes: number }> {
    const zstd = this.compression === 'zstd';
    const state = zstd ? await compress(pieces) : Buffer.concat(pieces);
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
      const encoded = scorerv1.StageSnapshot.encode({
        stage: this.task,
        state: Buffer.concat([header, chunk]),
        offsets: protoOffsets,
        takenMs: id,
        compression: zstd ? ZSTD : NONE,
      }).finish();
      // A view of the encoded bytes, not a copy of them.
      const value = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
      await sender.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key: `${this.group}:${this.task}:${slot}:${part}`, value }],
      });
    }
    return { id, storedBytes: state.length };
  }
}

/** Records read back from each snapshot partition's end at first, before widening. */
const FIRST_WINDOW = 64;

interface Parts {
  parts: number;
  compression: SnapshotCompressionCode;
  chunks: Map<number, Buffer>;
  offsets: InputOffset[];
  /** Where its lowest part read lies: partition, offset and part number. */
  lowest: { partition: number; offset: number; part: number };
}

/**
 * The newest complete snapshot of each task of `group` on the snapshot topic (of the tasks in
 * `only`, when given: the others' chunks are skipped undecoded).
 *
 * With `only`, the topic is read back from its end, widening until the newest snapshot seen of
 * each of those tasks is whole (or the start is reached): the topic holds every snapshot written
 * since the cleaner last compacted it, often many times the newest, and reading all of it made a
 * big partition's takeover longer than the session timeout. Without, the topic is read whole.
 */
export async function readTaskSnapshots(
  admin: Admin,
  topic: string,
  group: string,
  logger: Logger,
  only?: ReadonlySet<string>,
): Promise<Map<string, StoredSnapshot>> {
  if (only === undefined)
    return await newest(await readFrom(admin, topic, group, logger, undefined, undefined));
  const ends = await admin.fetchTopicOffsets(topic);
  let window = FIRST_WINDOW;
  for (;;) {
    const from = new Map(ends.map((e) => [e.partition, Math.max(Number(e.low), Number(e.high) - window)]));
    const atStart = ends.every((e) => from.get(e.partition) === Number(e.low));
    const byTask = await readFrom(admin, topic, group, logger, only, from);
    if (atStart) return await newest(byTask);
    // A task's newest snapshot seen is whole, or its first parts lie before the window: widen it
    // past them (their count is known from the lowest part read), or double it for a task not seen.
    let wider = 2 * window;
    let whole = true;
    for (const task of only) {
      const ids = byTask.get(task);
      const top = ids === undefined ? undefined : ids.get(Math.max(...ids.keys()));
      if (top !== undefined && top.chunks.size === top.parts) continue;
      whole = false;
      if (top === undefined) continue;
      const end = Number(ends.find((e) => e.partition === top.lowest.partition)?.high ?? 0);
      wider = Math.max(wider, end - top.lowest.offset + top.lowest.part + FIRST_WINDOW);
    }
    if (whole) return await newest(byTask);
    window = wider;
  }
}

/** Every snapshot chunk of `group`'s tasks (those in `only`, when given) from `from` to the end, by task and id. */
async function readFrom(
  admin: Admin,
  topic: string,
  group: string,
  logger: Logger,
  only: ReadonlySet<string> | undefined,
  from: ReadonlyMap<number, number> | undefined,
): Promise<Map<string, Map<number, Parts>>> {
  const prefix = `${group}:`;
  const byTask = new Map<string, Map<number, Parts>>();
  await readToEnd(
    admin,
    topic,
    (partition, message) => {
      const key = message.key?.toString() ?? '';
      if (!key.startsWith(prefix) || message.value === null) return;
      const task = key.slice(prefix.length).split(':')[0] ?? '';
      if (only !== undefined && !only.has(task)) return;
      const m = scorerv1.StageSnapshot.decode(message.value);
      const state = Buffer.from(m.state);
      if (state.length < PART_HEADER || m.stage !== task) return;
      const id = Number(m.takenMs);
      const part = state.readUInt32LE(0);
      const offset = Number(message.offset);
      let ids = byTask.get(task);
      if (ids === undefined) byTask.set(task, (ids = new Map<number, Parts>()));
      let s = ids.get(id);
      if (s === undefined) {
        s = {
          parts: state.readUInt32LE(4),
          compression: m.compression,
          chunks: new Map(),
          offsets: m.offsets.map((o) => ({
            topic: o.topic ?? '',
            partition: o.partition ?? 0,
            offset: Number(o.offset),
          })),
          lowest: { partition, offset, part },
        };
        ids.set(id, s);
      }
      if (offset < s.lowest.offset) s.lowest = { partition, offset, part };
      s.chunks.set(part, state.subarray(PART_HEADER));
    },
    // Another task's transaction open now (one a dead instance left stays open until that task's
    // new owner fences it) must not hide a gained task's snapshot committed after it.
    { pastOpenTransactions: true, ...(from === undefined ? {} : { from }) },
    logger,
  );
  return byTask;
}

/**
 * The newest whole snapshot of each task, decompressed. A takeover gains several tasks at once, so
 * their snapshots decompress side by side in the thread pool.
 */
async function newest(byTask: Map<string, Map<number, Parts>>): Promise<Map<string, StoredSnapshot>> {
  const found: Promise<[string, StoredSnapshot]>[] = [];
  for (const [task, ids] of byTask) {
    for (const id of [...ids.keys()].sort((a, b) => b - a)) {
      const s = ids.get(id)!;
      if (s.chunks.size !== s.parts) continue;
      const chunks: Buffer[] = [];
      for (let i = 0; i < s.parts; i++) chunks.push(s.chunks.get(i)!);
      const stored = Buffer.concat(chunks);
      found.push(
        stateOf(task, s.compression, stored).then((state) => [
          task,
          { id, state, storedBytes: stored.length, offsets: s.offsets },
        ]),
      );
      break;
    }
  }
  return new Map(await Promise.all(found));
}

/** The state a snapshot's chunks hold; a newer writer's compression is refused, not misread. */
async function stateOf(task: string, compression: SnapshotCompressionCode, stored: Buffer): Promise<Buffer> {
  if (compression === NONE) return stored;
  // protobufjs keeps an enum value it does not know as its number.
  if (compression !== ZSTD)
    throw new RingfenceError(
      'INTEGRITY',
      `snapshot of ${task}: unknown compression ${compression as number}`,
    );
  try {
    return await decompress(stored);
  } catch (err) {
    throw new RingfenceError('INTEGRITY', `snapshot of ${task}: not a whole zstd frame`, { cause: err });
  }
}

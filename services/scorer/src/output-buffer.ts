import type { Message } from 'kafkajs';
import type { Counter } from '@ringfence/common';
import type { Sender } from './transactional-writer.js';

/**
 * Bytes of values per produce request. kafkajs copies a request through several freshly allocated,
 * zero-filled buffers; at several MB each (a whole slice's observation packs) they are new pages on
 * every request, at 1 MiB the allocator reuses them: +20% scorer throughput in paired bench rounds.
 */
const MAX_REQUEST_BYTES = 1024 * 1024;

/** What a message adds to a request besides its value (key, headers, record framing), roughly. */
const MESSAGE_OVERHEAD_BYTES = 64;

/**
 * Outputs of the engine waiting to be sent, as multi-topic produce requests of at most `batchSize`
 * messages and about MAX_REQUEST_BYTES. `flush` resolves once the broker has acknowledged all of
 * them (acks=all); they become visible when the transaction commits.
 */
export class OutputBuffer {
  private readonly pending = new Map<string, Message[]>();
  private count = 0;
  private bytes = 0;

  constructor(
    private readonly batchSize: number,
    private readonly published: Counter<'topic'>,
  ) {}

  push(topic: string, key: string, value: Buffer | null, partition?: number): void {
    let list = this.pending.get(topic);
    if (list === undefined) {
      list = [];
      this.pending.set(topic, list);
    }
    list.push(partition === undefined ? { key, value } : { key, value, partition });
    this.count++;
    this.bytes += (value?.length ?? 0) + MESSAGE_OVERHEAD_BYTES;
  }

  get size(): number {
    return this.count;
  }

  /** It holds at least one full produce request. */
  get full(): boolean {
    return this.count >= this.batchSize || this.bytes >= MAX_REQUEST_BYTES;
  }

  /** Sends everything pushed so far through `sender` (the open transaction). */
  async flush(sender: Sender): Promise<void> {
    if (this.count === 0) return;
    const all = [...this.pending];
    this.pending.clear();
    this.count = 0;
    this.bytes = 0;
    let request: { topic: string; messages: Message[] }[] = [];
    let inRequest = 0;
    let bytes = 0;
    const send = async (): Promise<void> => {
      if (inRequest === 0) return;
      await sender.sendBatch({ acks: -1, topicMessages: request });
      for (const r of request) this.published.inc({ topic: r.topic }, r.messages.length);
      request = [];
      inRequest = 0;
      bytes = 0;
    };
    for (const [topic, messages] of all) {
      let from = 0;
      for (let i = 0; i < messages.length; i++) {
        inRequest++;
        bytes += (messages[i]!.value?.length ?? 0) + MESSAGE_OVERHEAD_BYTES;
        if (inRequest >= this.batchSize || bytes >= MAX_REQUEST_BYTES) {
          request.push({ topic, messages: messages.slice(from, i + 1) });
          from = i + 1;
          await send();
        }
      }
      if (from < messages.length) request.push({ topic, messages: messages.slice(from) });
    }
    await send();
  }
}

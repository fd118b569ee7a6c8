import type { Message, TopicMessages } from 'kafkajs';

/*
 * One produce batch as one Buffer, so it crosses to the producer thread as a single transferred
 * ArrayBuffer instead of thousands of structured-cloned objects:
 *   u32 topics, then per topic: u16 name length, name (UTF-8), u32 messages,
 *   then per message: i32 key length (-1 = null key), key, u32 value length, value.
 */

function keyBytes(key: Message['key']): Buffer | null {
  if (key === null || key === undefined) return null;
  return typeof key === 'string' ? Buffer.from(key) : key;
}

/** Packs the messages (keys and Buffer values only; no headers, partitions or timestamps). */
export function packBatch(topicMessages: readonly TopicMessages[]): Buffer {
  let size = 4;
  const names: Buffer[] = [];
  const keys: (Buffer | null)[][] = [];
  for (const tm of topicMessages) {
    const name = Buffer.from(tm.topic);
    names.push(name);
    size += 2 + name.length + 4;
    const ks: (Buffer | null)[] = [];
    for (const m of tm.messages) {
      const k = keyBytes(m.key);
      ks.push(k);
      size += 8 + (k?.length ?? 0) + (m.value as Buffer).length;
    }
    keys.push(ks);
  }
  const out = Buffer.allocUnsafeSlow(size);
  let at = out.writeUInt32LE(topicMessages.length, 0);
  for (let t = 0; t < topicMessages.length; t++) {
    const name = names[t]!;
    at = out.writeUInt16LE(name.length, at);
    at += name.copy(out, at);
    const messages = topicMessages[t]!.messages;
    at = out.writeUInt32LE(messages.length, at);
    const ks = keys[t]!;
    for (let i = 0; i < messages.length; i++) {
      const k = ks[i]!;
      if (k === null) {
        at = out.writeInt32LE(-1, at);
      } else {
        at = out.writeInt32LE(k.length, at);
        at += k.copy(out, at);
      }
      const v = messages[i]!.value as Buffer;
      at = out.writeUInt32LE(v.length, at);
      at += v.copy(out, at);
    }
  }
  return out;
}

/** The inverse of packBatch; keys and values are views into `buf` (no copies). */
export function unpackBatch(buf: Buffer): TopicMessages[] {
  const out: TopicMessages[] = [];
  const topics = buf.readUInt32LE(0);
  let at = 4;
  for (let t = 0; t < topics; t++) {
    const nameLength = buf.readUInt16LE(at);
    at += 2;
    const topic = buf.toString('utf8', at, at + nameLength);
    at += nameLength;
    const count = buf.readUInt32LE(at);
    at += 4;
    const messages: Message[] = new Array<Message>(count);
    for (let i = 0; i < count; i++) {
      const keyLength = buf.readInt32LE(at);
      at += 4;
      let key: Buffer | null = null;
      if (keyLength >= 0) {
        key = buf.subarray(at, at + keyLength);
        at += keyLength;
      }
      const valueLength = buf.readUInt32LE(at);
      at += 4;
      messages[i] = { key, value: buf.subarray(at, at + valueLength) };
      at += valueLength;
    }
    out.push({ topic, messages });
  }
  return out;
}

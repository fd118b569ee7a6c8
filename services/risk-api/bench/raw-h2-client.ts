// A minimal gRPC unary client for the load generator that frames HTTP/2 itself over one TCP socket.
// A load generator is a tool: grpc-js's client costs several times the server's CPU per call, and on
// shared cores that cost lands in the server's latency. This client precomputes the HPACK header
// block once (literals never indexed, so the server's dynamic table is never touched), writes the
// HEADERS and DATA frames of every call due in one tick with one socket write, and reads only frame
// headers back. A call succeeds when a response message (a DATA frame) arrived before the end of the
// stream; gRPC errors are trailers-only responses, so they count as errors without decoding HPACK.
// Plaintext only; not a general HTTP/2 client.
import { connect, type Socket } from 'node:net';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const DATA = 0x0;
const HEADERS = 0x1;
const RST_STREAM = 0x3;
const SETTINGS = 0x4;
const PING = 0x6;
const GOAWAY = 0x7;
const WINDOW_UPDATE = 0x8;
const END_STREAM = 0x1;
const END_HEADERS = 0x4;
const ACK = 0x1;
const SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
const SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
const DEFAULT_WINDOW = 65_535;
// Our receive window: large, replenished in big steps so window updates are rare.
const RECEIVE_WINDOW = 1 << 30;

function frameHeader(
  buf: Buffer,
  at: number,
  length: number,
  type: number,
  flags: number,
  stream: number,
): void {
  buf.writeUIntBE(length, at, 3);
  buf[at + 3] = type;
  buf[at + 4] = flags;
  buf.writeUInt32BE(stream, at + 5);
}

function hpackInt(out: number[], value: number, prefixBits: number, first: number): void {
  const max = (1 << prefixBits) - 1;
  if (value < max) {
    out.push(first | value);
    return;
  }
  out.push(first | max);
  let v = value - max;
  while (v >= 128) {
    out.push((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out.push(v);
}

function hpackString(out: number[], s: string): void {
  const bytes = Buffer.from(s, 'latin1');
  hpackInt(out, bytes.length, 7, 0);
  for (const b of bytes) out.push(b);
}

/** Header block for a gRPC POST: `:method POST` and `:scheme http` indexed, the rest literal never indexed. */
function headerBlock(authority: string, path: string, extra: Readonly<Record<string, string>>): Buffer {
  const out: number[] = [0x83, 0x86]; // static table: :method POST, :scheme http
  const literal = (name: string, value: string): void => {
    out.push(0x10); // literal never indexed, new name
    hpackString(out, name);
    hpackString(out, value);
  };
  literal(':path', path);
  literal(':authority', authority);
  literal('content-type', 'application/grpc');
  literal('te', 'trailers');
  for (const [k, v] of Object.entries(extra)) literal(k, v);
  return Buffer.from(out);
}

export interface RawCallResult {
  /** True when a response message arrived (status OK for a unary call). */
  ok: boolean;
}

export class RawGrpcClient {
  private readonly socket: Socket;
  private readonly authority: string;
  private nextStream = 1;
  private readonly pending = new Map<number, { gotData: boolean; done: (r: RawCallResult) => void }>();
  private readonly queued: { frames: Buffer; done: (r: RawCallResult) => void }[] = [];
  private maxStreams = 100;
  private settingsSeen = false;
  private sendWindow = DEFAULT_WINDOW;
  private consumed = 0;
  private inbox: Buffer = Buffer.alloc(0);
  private out: Buffer[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly ready: Promise<void>;

  constructor(host: string, port: number) {
    this.authority = `${host}:${port}`;
    this.socket = connect({ host, port, noDelay: true });
    const settings = Buffer.alloc(9 + 12);
    frameHeader(settings, 0, 12, SETTINGS, 0, 0);
    settings.writeUInt16BE(0x2, 9); // ENABLE_PUSH = 0
    settings.writeUInt32BE(0, 11);
    settings.writeUInt16BE(SETTINGS_INITIAL_WINDOW_SIZE, 15);
    settings.writeUInt32BE(RECEIVE_WINDOW, 17);
    const update = Buffer.alloc(13);
    frameHeader(update, 0, 4, WINDOW_UPDATE, 0, 0);
    update.writeUInt32BE(RECEIVE_WINDOW - DEFAULT_WINDOW, 9);
    this.socket.write(Buffer.concat([PREFACE, settings, update]));
    this.socket.on('data', (d: Buffer) => this.onData(d));
    const fail = (): void => this.failAll();
    this.socket.on('error', fail);
    this.socket.on('close', fail);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
  }

  connected(): Promise<void> {
    return this.ready;
  }

  /**
   * A prepared unary call: the header block and the length-prefixed message, built once and sent
   * many times (only the stream id changes).
   */
  prepare(path: string, message: Uint8Array, headers: Readonly<Record<string, string>>): Buffer {
    const block = headerBlock(this.authority, path, headers);
    const frames = Buffer.alloc(9 + block.length + 9 + 5 + message.length);
    frameHeader(frames, 0, block.length, HEADERS, END_HEADERS, 0);
    block.copy(frames, 9);
    const d = 9 + block.length;
    frameHeader(frames, d, 5 + message.length, DATA, END_STREAM, 0);
    frames[d + 9] = 0;
    frames.writeUInt32BE(message.length, d + 10);
    frames.set(message, d + 14);
    return frames;
  }

  /** Sends a prepared call; `done` runs when the stream ends. Calls beyond the server's stream limit wait here. */
  call(prepared: Buffer, done: (r: RawCallResult) => void): void {
    if (this.closed) {
      done({ ok: false });
      return;
    }
    if (this.pending.size >= this.maxStreams || this.sendWindow < this.dataLength(prepared)) {
      this.queued.push({ frames: prepared, done });
      return;
    }
    this.send(prepared, done);
  }

  inFlight(): number {
    return this.pending.size + this.queued.length;
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private dataLength(prepared: Buffer): number {
    const headersLen = prepared.readUIntBE(0, 3);
    return prepared.readUIntBE(9 + headersLen, 3);
  }

  private send(prepared: Buffer, done: (r: RawCallResult) => void): void {
    const id = this.nextStream;
    this.nextStream += 2;
    const frames = Buffer.from(prepared);
    const headersLen = frames.readUIntBE(0, 3);
    frames.writeUInt32BE(id, 5);
    frames.writeUInt32BE(id, 9 + headersLen + 5);
    this.sendWindow -= frames.readUIntBE(9 + headersLen, 3);
    this.pending.set(id, { gotData: false, done });
    this.write(frames);
  }

  private write(buf: Buffer): void {
    this.out.push(buf);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Everything written in this tick leaves in one syscall.
      queueMicrotask(() => {
        this.flushScheduled = false;
        const bufs = this.out;
        this.out = [];
        if (!this.closed) this.socket.write(bufs.length === 1 ? (bufs[0] as Buffer) : Buffer.concat(bufs));
      });
    }
  }

  private drainQueue(): void {
    while (this.queued.length > 0 && this.pending.size < this.maxStreams) {
      const next = this.queued[0];
      if (next === undefined || this.sendWindow < this.dataLength(next.frames)) return;
      this.queued.shift();
      this.send(next.frames, next.done);
    }
  }

  private finish(id: number, ok: boolean): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    this.pending.delete(id);
    p.done({ ok: ok && p.gotData });
  }

  private onData(chunk: Buffer): void {
    const buf = this.inbox.length === 0 ? chunk : Buffer.concat([this.inbox, chunk]);
    let at = 0;
    while (buf.length - at >= 9) {
      const length = buf.readUIntBE(at, 3);
      if (buf.length - at < 9 + length) break;
      const type = buf[at + 3] ?? 0;
      const flags = buf[at + 4] ?? 0;
      const stream = buf.readUInt32BE(at + 5) & 0x7fffffff;
      const payload = at + 9;
      switch (type) {
        case DATA: {
          const p = this.pending.get(stream);
          if (p !== undefined && length > 0) p.gotData = true;
          this.consumed += length;
          if (flags & END_STREAM) this.finish(stream, true);
          break;
        }
        case HEADERS:
          if (flags & END_STREAM) this.finish(stream, true);
          break;
        case RST_STREAM:
          this.finish(stream, false);
          break;
        case SETTINGS:
          if ((flags & ACK) === 0) {
            // No limit in the first SETTINGS means no limit (RFC 9113 6.5.2); 100 is assumed until then.
            if (!this.settingsSeen) this.maxStreams = Number.MAX_SAFE_INTEGER;
            this.settingsSeen = true;
            for (let i = payload; i + 6 <= payload + length; i += 6) {
              if (buf.readUInt16BE(i) === SETTINGS_MAX_CONCURRENT_STREAMS)
                this.maxStreams = buf.readUInt32BE(i + 2);
            }
            const ack = Buffer.alloc(9);
            frameHeader(ack, 0, 0, SETTINGS, ACK, 0);
            this.write(ack);
          }
          break;
        case PING:
          if ((flags & ACK) === 0) {
            const pong = Buffer.alloc(17);
            frameHeader(pong, 0, 8, PING, ACK, 0);
            buf.copy(pong, 9, payload, payload + 8);
            this.write(pong);
          }
          break;
        case WINDOW_UPDATE:
          if (stream === 0) this.sendWindow += buf.readUInt32BE(payload) & 0x7fffffff;
          break;
        case GOAWAY:
          this.failAll();
          break;
        default:
          break;
      }
      at += 9 + length;
    }
    this.inbox = at === buf.length ? Buffer.alloc(0) : buf.subarray(at);
    if (this.consumed > RECEIVE_WINDOW / 2) {
      const update = Buffer.alloc(13);
      frameHeader(update, 0, 4, WINDOW_UPDATE, 0, 0);
      update.writeUInt32BE(this.consumed, 9);
      this.consumed = 0;
      this.write(update);
    }
    this.drainQueue();
  }

  private failAll(): void {
    this.closed = true;
    for (const id of [...this.pending.keys()]) this.finish(id, false);
    for (const q of this.queued.splice(0)) q.done({ ok: false });
  }
}

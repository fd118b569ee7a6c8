import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  status,
  type Client,
  type ServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import { seededRandom } from '@ringfence/common/testing';
import { Action, riskv1, type ICheckBatchRequest, type ICheckRequest } from '@ringfence/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskServiceDefinition } from '../src/index.js';
import { rawClient, statusOf, TOKEN, type RawClient } from './support.js';

/*
 * Hostile input at the gRPC edge, against the server in its own process (bad-input-server.ts): garbage
 * and truncated protobuf, enormous fields, numbers in every odd format, injection strings, and a flood
 * far above the in-flight limit. The server must answer each with a precise status and stay alive.
 */

const KNOWN = '+8613911112222';
const KNOWN_TRUNK = 'TR-HOT';
const CALLED = '+8613700000000';
const MAX_IN_FLIGHT = 8;
const FIXTURE = fileURLToPath(new URL('./bad-input-server.ts', import.meta.url));

let child: ChildProcess;
let grpcPort = 0;
let opsPort = 0;
let c: RawClient;
let raw: RawBytesClient;

/** The same service with identity request serialisers: the bytes go on the wire as given. */
const identity = (b: Buffer): Buffer => b;
const rawDefinition = {
  Check: { ...riskServiceDefinition.Check, requestSerialize: identity, responseDeserialize: identity },
  CheckBatch: {
    ...riskServiceDefinition.CheckBatch,
    requestSerialize: identity,
    responseDeserialize: identity,
  },
} satisfies ServiceDefinition;
const RawCtor = makeGenericClientConstructor(rawDefinition, 'RawRiskService');

interface RawBytesClient {
  call(method: 'Check' | 'CheckBatch', bytes: Buffer): Promise<{ code: number; details: string }>;
  close(): void;
}

function rawBytesClient(port: number): RawBytesClient {
  const client = new RawCtor(`127.0.0.1:${port}`, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 * 1024 * 1024,
  }) as Client & Record<string, unknown>;
  return {
    call: (method, bytes) =>
      new Promise((resolve) => {
        const md = new Metadata();
        md.set('authorization', `Bearer ${TOKEN}`);
        const fn = client[method] as (
          b: Buffer,
          m: Metadata,
          o: { deadline: number },
          cb: (e: ServiceError | null) => void,
        ) => void;
        fn.call(client, bytes, md, { deadline: Date.now() + 10_000 }, (err) =>
          resolve(err === null ? { code: status.OK, details: '' } : { code: err.code, details: err.details }),
        );
      }),
    close: () => client.close(),
  };
}

async function healthz(): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${opsPort}/healthz`)).status;
  } catch {
    return 0;
  }
}

function alive(): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Whether the server's protobufjs decoder accepts the bytes as the method's request message. */
function decodes(type: 'Check' | 'CheckBatch', bytes: Buffer): boolean {
  try {
    if (type === 'Check') riskv1.CheckRequest.decode(bytes);
    else riskv1.CheckBatchRequest.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, String(MAX_IN_FLIGHT)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  ({ grpcPort, opsPort } = await new Promise<{ grpcPort: number; opsPort: number }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve(JSON.parse(line) as { grpcPort: number; opsPort: number }),
    );
    child.once('exit', (code) => reject(new Error(`risk-api fixture exited early: ${code}`)));
  }));
  c = rawClient(grpcPort);
  raw = rawBytesClient(grpcPort);
});

afterAll(async () => {
  c?.close();
  raw?.close();
  if (child !== undefined && alive()) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('risk-api under bad input', () => {
  it('answers random bytes as the request message with a status, never a crash', async () => {
    const random = seededRandom(7);
    const seen = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(
        Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256)),
      );
      const method = i % 2 === 0 ? 'Check' : 'CheckBatch';
      const got = await raw.call(method, bytes);
      seen.set(got.code, (seen.get(got.code) ?? 0) + 1);
      if (decodes(method, bytes)) {
        // Well-formed protobuf that is not a valid request: the server names the field.
        expect(got.code, `${method} ${bytes.toString('hex')}`).toBe(status.INVALID_ARGUMENT);
      } else {
        // grpc-js refuses a message its deserialiser throws on, before any handler runs.
        expect(got, `${method} ${bytes.toString('hex')}`).toEqual({
          code: status.INTERNAL,
          details: expect.stringMatching(/deserializ/i) as string,
        });
      }
    }
    expect(seen.get(status.INTERNAL)).toBeGreaterThan(50);
    expect(seen.get(status.INVALID_ARGUMENT)).toBeGreaterThan(5);
    expect(alive()).toBe(true);
    expect(await healthz()).toBe(200);
  });

  it('answers every truncation of a valid request precisely', async () => {
    const check = Buffer.from(
      riskv1.CheckRequest.encode({
        calling: KNOWN,
        called: CALLED,
        ingressTrunk: 'TR-1',
        ingressCarrier: 'C-1',
        attestation: 3,
        media: 1,
        requestId: 'req-0001',
      }).finish(),
    );
    const batch = Buffer.from(
      riskv1.CheckBatchRequest.encode({
        checks: [
          { calling: KNOWN, called: CALLED, requestId: 'a' },
          { calling: '+8613311110000', called: CALLED, requestId: 'b' },
        ],
      }).finish(),
    );
    const codes = new Set<number>();
    for (const [method, whole] of [
      ['Check', check],
      ['CheckBatch', batch],
    ] as const) {
      for (let n = 0; n < whole.length; n++) {
        const cut = whole.subarray(0, n);
        const got = await raw.call(method, cut);
        codes.add(got.code);
        if (!decodes(method, cut)) expect(got.code, `${method}[0..${n})`).toBe(status.INTERNAL);
        // A cut on a field boundary is a shorter valid message: OK when calling and called survived.
        else expect([status.OK, status.INVALID_ARGUMENT], `${method}[0..${n})`).toContain(got.code);
      }
    }
    expect([...codes].sort()).toEqual([status.OK, status.INVALID_ARGUMENT, status.INTERNAL].sort());
    expect(await healthz()).toBe(200);
  });

  it('refuses enormous fields and messages with the right status and keeps serving', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const hugeDigits = '1'.repeat(3 * 1024 * 1024);
    expect(await statusOf(c.check({ calling: hugeDigits, called: CALLED }))).toBe(status.INVALID_ARGUMENT);
    expect(await statusOf(c.check({ calling: huge, called: CALLED }))).toBe(status.INVALID_ARGUMENT);
    // Free-text fields may be long: the answer is still the number's, the request id echoed intact.
    const long = await c.check({
      calling: KNOWN,
      called: huge.slice(0, 1_000_000),
      ingressTrunk: huge.slice(0, 500_000),
      ingressCarrier: huge.slice(0, 500_000),
      requestId: huge.slice(0, 1_000_000),
    });
    expect(long.action).toBe(Action.ACTION_LABEL);
    expect(long.requestId).toHaveLength(1_000_000);
    // Above grpc.max_receive_message_length (4 MiB).
    const tooBig = await raw.call(
      'Check',
      Buffer.from(
        riskv1.CheckRequest.encode({
          calling: KNOWN,
          called: CALLED,
          requestId: 'y'.repeat(5 * 1024 * 1024),
        }).finish(),
      ),
    );
    expect(tooBig.code).toBe(status.RESOURCE_EXHAUSTED);
    // More checks in one batch than allowed (10,000): refused whole, naming the limit.
    const many: ICheckBatchRequest = {
      checks: Array.from({ length: 10_001 }, () => ({ calling: KNOWN, called: CALLED })),
    };
    const refused = await statusOf(c.checkBatch(many));
    expect(refused).toBe(status.INVALID_ARGUMENT);
    expect((await c.check({ calling: KNOWN, called: CALLED })).action).toBe(Action.ACTION_LABEL);
    expect(await healthz()).toBe(200);
  });

  it('reads a known number in every odd format it can be read in, and refuses the rest by name', async () => {
    const readable = [
      '13911112222',
      '139 1111 2222',
      '+86 139 1111 2222',
      '+86-139-1111-2222',
      '+86 (139) 1111-2222',
      '0086 139 1111 2222',
      '008613911112222',
      '00 86 139-1111-2222',
      '１３９１１１１２２２２',
      '١٣٩١١١١٢٢٢٢',
      '+٨٦13911112222',
      'tel:+8613911112222',
      '+8613911112222;ext=1',
      '\u202e+8613911112222',
    ];
    for (const calling of readable) {
      const res = await c.check({ calling, called: CALLED });
      expect([res.action, res.decidedBy], calling).toEqual([Action.ACTION_LABEL, 'number']);
    }
    const unreadable = [
      '',
      '139ABCD2222',
      'anonymous',
      '+',
      '0',
      '+0000000',
      '1'.repeat(1000),
      '%2B8613911112222',
      '💩',
      "'; DROP TABLE cdr; --",
      '<script>alert(1)</script>',
    ];
    for (const calling of unreadable) {
      const p = c.check({ calling, called: CALLED });
      const e = await p.then(
        () => undefined,
        (err: ServiceError) => err,
      );
      expect(e?.code, calling).toBe(status.INVALID_ARGUMENT);
      expect(e?.details, calling).toContain('calling');
    }
    expect(await healthz()).toBe(200);
  });

  it('treats injection strings in every text field as data: answers as usual, echoes the request id intact', async () => {
    const nasty = [
      "'; DROP TABLE cdr; --",
      "1' OR '1'='1",
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '${jndi:ldap://x/a}',
      '{{7*7}}',
      '\u0000\u0001\u0002',
      '\u202e\u202d',
      '%s%s%n',
      '../../etc/passwd',
      '__proto__',
    ];
    for (const s of nasty) {
      const base: ICheckRequest = { calling: KNOWN, called: CALLED, requestId: s };
      for (const field of ['called', 'ingressTrunk', 'ingressCarrier'] as const) {
        const res = await c.check({ ...base, [field]: s === '' ? 'x' : s });
        expect(res.requestId, `${field}=${JSON.stringify(s)}`).toBe(s);
        expect(res.action, `${field}=${JSON.stringify(s)}`).toBe(Action.ACTION_LABEL);
        expect(res.decidedBy).toBe('number');
      }
      const unknown = await c.check({
        calling: '+8613311110000',
        called: s,
        ingressTrunk: s,
        ingressCarrier: s,
      });
      expect(unknown.action, JSON.stringify(s)).toBe(Action.ACTION_ALLOW);
      const batch = await c.checkBatch({
        checks: [
          { ...base, ingressTrunk: s },
          { ...base, requestId: `${s}#2` },
        ],
      });
      expect(batch.results?.map((r) => r.requestId)).toEqual([s, `${s}#2`]);
    }
    expect(await healthz()).toBe(200);
  });

  it('sheds a flood far above capacity with RESOURCE_EXHAUSTED while a well-behaved client gets correct answers', async () => {
    // Thousands of single checks at once plus batches, from several channels: far above the limit of 8.
    const batch: ICheckBatchRequest = {
      checks: Array.from({ length: 1_000 }, (_, i) => ({
        calling: i % 2 === 0 ? KNOWN : `+86133${String(10_000_000 + i).slice(-8)}`,
        called: CALLED,
      })),
    };
    // Each client its own connection, as each switch has: grpc-js would otherwise share one.
    const own = { 'grpc.use_local_subchannel_pool': 1 };
    const flooders = Array.from({ length: 4 }, () => rawClient(grpcPort, undefined, undefined, own));
    const polite = rawClient(grpcPort, undefined, undefined, own);
    const codes = new Map<number | 'ok', number>();
    const count = async (p: Promise<unknown>): Promise<void> => {
      const code = await statusOf(p);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    };
    const flood = Promise.all([
      ...Array.from({ length: 3_000 }, (_, i) =>
        count(
          flooders[i % flooders.length]!.check({ calling: KNOWN, called: CALLED }, { deadlineMs: 30_000 }),
        ),
      ),
      ...Array.from({ length: 100 }, (_, i) => count(flooders[i % flooders.length]!.checkBatch(batch))),
    ]);
    // Beside the flood: one check at a time, retried after a short pause when shed, as a switch does.
    const answers: { action: number; decidedBy: string; requestId: string }[] = [];
    let shedPolite = 0;
    for (let i = 0; i < 40; i++) {
      const calling = i % 2 === 0 ? KNOWN : '+8613611110000';
      // An own-range number from outside, unattested, on the hot trunk: the trunk's own pattern.
      const ingressTrunk = i % 4 === 1 ? KNOWN_TRUNK : '';
      const ingressCarrier = i % 4 === 1 ? 'INTL-X' : '';
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await polite.check(
            { calling, called: CALLED, ingressTrunk, ingressCarrier, requestId: `p${i}` },
            { deadlineMs: 20_000 },
          );
          answers.push({ action: r.action ?? 0, decidedBy: r.decidedBy ?? '', requestId: r.requestId ?? '' });
          break;
        } catch (err) {
          expect((err as ServiceError).code).toBe(status.RESOURCE_EXHAUSTED);
          shedPolite++;
          expect(attempt).toBeLessThan(200);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }
    await flood;
    for (const f of flooders) f.close();
    expect(answers).toEqual(
      Array.from({ length: 40 }, (_, i) => ({
        action: i % 2 === 0 || i % 4 === 1 ? Action.ACTION_LABEL : Action.ACTION_ALLOW,
        decidedBy: i % 2 === 0 ? 'number' : i % 4 === 1 ? 'trunk' : '',
        requestId: `p${i}`,
      })),
    );
    process.stdout.write(`${JSON.stringify({ flood: Object.fromEntries(codes), shedPolite })}\n`);
    expect(codes.get(status.RESOURCE_EXHAUSTED)).toBeGreaterThan(0);
    expect(codes.get('ok')).toBeGreaterThan(0);
    // Shed or answered; a call that waited past its deadline on a loaded machine may also time out.
    const allowed = new Set<number | 'ok'>(['ok', status.RESOURCE_EXHAUSTED, status.DEADLINE_EXCEEDED]);
    expect([...codes.keys()].filter((k) => !allowed.has(k))).toEqual([]);
    // After the flood the server is idle again and answers at once.
    expect((await polite.check({ calling: KNOWN, called: CALLED })).action).toBe(Action.ACTION_LABEL);
    polite.close();
    expect(alive()).toBe(true);
    expect(await healthz()).toBe(200);
  });
});

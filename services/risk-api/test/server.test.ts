import { credentials, makeGenericClientConstructor, status, type ClientDuplexStream } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { loadPackageDefinition } from '@grpc/grpc-js';
import {
  Action,
  Attestation,
  CallingLocation,
  Level,
  SubjectKind,
  type ICheckBatchRequest,
  type ICheckBatchResponse,
} from '@ringfence/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskServiceDefinition, type RiskServer } from '../src/index.js';
import {
  highVerdict,
  rawClient,
  startTestServer,
  statusOf,
  failure,
  SWITCH,
  TOKEN,
  verdictBytes,
  type RawClient,
} from './support.js';
import type { Registry } from '@ringfence/common';

const SCAMMER = '+8613911112222';
const ALLOWED = '+8613800000001';
const HOT_DEVICE = '356938035643809';

describe('risk-api gRPC server', () => {
  let server: RiskServer;
  let registry: Registry;
  let c: RawClient;
  /** A CheckStream call on the raw client (its generated type has no method for it). */
  const openCheckStream = (): ClientDuplexStream<ICheckBatchRequest, ICheckBatchResponse> =>
    (
      c.client as unknown as Record<
        string,
        (md: unknown) => ClientDuplexStream<ICheckBatchRequest, ICheckBatchResponse>
      >
    )['CheckStream']!.call(c.client, c.metadata());

  beforeAll(async () => {
    ({ server, registry } = await startTestServer({ allowlist: [ALLOWED], maxInFlight: 2 }));
    server.view.applyCaller(
      SCAMMER,
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, SCAMMER, 'scam')),
    );
    server.view.applyCaller(
      ALLOWED,
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ALLOWED, 'scam')),
    );
    server.view.applySource(
      'trunk:TR-HOT',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, 'TR-HOT', 'spoofing', 80, 'SRC_ONNET_FROM_OUTSIDE'),
      ),
    );
    server.view.applySource(
      `device:${HOT_DEVICE}`,
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_DEVICE, HOT_DEVICE, 'scam', 85, 'DEVICE_MANY_NUMBERS'),
      ),
    );
    c = rawClient(server.port);
  });
  afterAll(async () => {
    c.close();
    await server.close();
  });

  it('answers UNAVAILABLE until ready', async () => {
    expect(await statusOf(c.check({ calling: SCAMMER, called: '+8613700000000' }))).toBe(status.UNAVAILABLE);
    server.setReady(true);
    const res = await c.check({ calling: SCAMMER, called: '+8613700000000', requestId: 'r1' });
    expect(res.requestId).toBe('r1');
  });

  it('labels a known number with category, display label, reasons and decided_by', async () => {
    const res = await c.check({ calling: SCAMMER, called: '+8613700000000' });
    expect(res.action).toBe(Action.ACTION_LABEL);
    expect(res.level).toBe(Level.LEVEL_HIGH);
    expect(res.score).toBe(90);
    expect(res.category).toBe('scam');
    expect(res.label?.zhCn).toBe('疑似诈骗电话');
    expect(res.label?.en).toBe('Suspected fraud');
    expect(res.reasons?.[0]?.code).toBe('CALLS_PER_HOUR');
    expect(res.decidedBy).toBe('number');
    expect(res.block ?? null).toBeNull();
  });

  it('accepts a national-format calling number', async () => {
    const res = await c.check({ calling: '13911112222', called: '10086' });
    expect(res.decidedBy).toBe('number');
  });

  it('labels an unseen number on a hot trunk only when the call shows the trunk pattern', async () => {
    const res = await c.check({
      calling: '+8613512345678',
      called: '+8613700000000',
      ingressTrunk: 'TR-HOT',
      ingressCarrier: 'INTL-X',
      attestation: Attestation.ATTESTATION_C,
    });
    expect(res.action).toBe(Action.ACTION_LABEL);
    expect(res.category).toBe('spoofing');
    expect(res.decidedBy).toBe('trunk');
    expect(res.reasons?.map((r) => r.code)).toEqual(['SRC_ONNET_FROM_OUTSIDE']);
    const plain = await c.check({
      calling: '+8613512345678',
      called: '+8613700000000',
      ingressTrunk: 'TR-HOT',
    });
    expect([plain.action, plain.decidedBy, plain.reasons]).toEqual([Action.ACTION_ALLOW, '', []]);
  });

  it('flags an ON-NET-range number from an outside carrier with attestation C', async () => {
    const res = await c.check({
      calling: '+8613612345678',
      called: '+8613700000000',
      ingressCarrier: 'INTL-X',
      attestation: Attestation.ATTESTATION_C,
    });
    expect(res.action).toBe(Action.ACTION_LABEL);
    expect(res.decidedBy).toBe('request');
    expect(res.category).toBe('spoofing');
    const own = await c.check({
      calling: '+8613612345678',
      called: '+8613700000000',
      ingressCarrier: 'ON-NET',
      attestation: Attestation.ATTESTATION_C,
    });
    expect(own.action).toBe(Action.ACTION_ALLOW);
  });

  it('always allows allowlisted numbers', async () => {
    const res = await c.check({ calling: ALLOWED, called: '+8613700000000' });
    expect(res.action).toBe(Action.ACTION_ALLOW);
    expect(res.decidedBy).toBe('allowlist');
  });

  it('allows an unknown number with no risk', async () => {
    const res = await c.check({ calling: '+8613311110000', called: '+8613700000000' });
    expect(res.action).toBe(Action.ACTION_ALLOW);
    expect(res.level).toBe(Level.LEVEL_NONE);
  });

  it('refuses missing or unknown credentials', async () => {
    const req = { calling: SCAMMER, called: '+8613700000000' };
    expect(await statusOf(c.check(req, { token: null }))).toBe(status.UNAUTHENTICATED);
    // A wrong token proves no identity: UNAUTHENTICATED, like none at all, not PERMISSION_DENIED.
    expect(await statusOf(c.check(req, { token: 'not-a-known-token-at-all' }))).toBe(status.UNAUTHENTICATED);
    expect(await statusOf(c.check(req, { token: TOKEN.slice(0, -1) }))).toBe(status.UNAUTHENTICATED);
    expect(await statusOf(c.check(req, { token: `${TOKEN}x` }))).toBe(status.UNAUTHENTICATED);
  });

  it('names the bad field with INVALID_ARGUMENT', async () => {
    const missing = c.check({ called: '+8613700000000' });
    expect(await failure(missing)).toEqual({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('calling') as string,
    });
    const noCalled = c.check({ calling: SCAMMER });
    expect(await failure(noCalled)).toEqual({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('called') as string,
    });
    const bad = c.check({ calling: 'not a number', called: '+8613700000000' });
    expect(await failure(bad)).toEqual({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('calling') as string,
    });
  });

  it('answers the good checks of a batch and gives a bad one its own error', async () => {
    const res = await c.checkBatch({
      checks: [
        { calling: SCAMMER, called: '1', requestId: 'good' },
        { calling: '', called: '1', requestId: 'empty' },
        { calling: 'not a number', called: '1', requestId: 'junk' },
        { calling: SCAMMER, called: '1', requestId: 'good-too' },
      ],
    });
    expect(
      res.results?.map((r) => [r.requestId, r.action, r.error?.code ?? '', r.error?.field ?? '']),
    ).toEqual([
      ['good', Action.ACTION_LABEL, '', ''],
      ['empty', Action.ACTION_ALLOW, 'INVALID_ARGUMENT', 'checks[1].calling'],
      ['junk', Action.ACTION_ALLOW, 'INVALID_ARGUMENT', 'checks[2].calling'],
      ['good-too', Action.ACTION_LABEL, '', ''],
    ]);
    expect(res.results?.[2]?.error?.message).toBe('checks[2].calling is not a valid phone number');
  });

  it('answers a batch in order', async () => {
    const res = await c.checkBatch({
      checks: [
        { calling: SCAMMER, called: '1', requestId: 'a' },
        { calling: '+8613311110000', called: '1', requestId: 'b' },
        {
          calling: '+8613611110001',
          called: '1',
          requestId: 'c',
          ingressTrunk: 'TR-HOT',
          ingressCarrier: 'X',
        },
        {
          calling: '+8613311110001',
          called: '1',
          requestId: 'd',
          ingressTrunk: 'TR-HOT',
          ingressCarrier: 'X',
        },
      ],
    });
    expect(res.results?.map((r) => [r.requestId, r.action, r.decidedBy])).toEqual([
      ['a', Action.ACTION_LABEL, 'number'],
      ['b', Action.ACTION_ALLOW, ''],
      ['c', Action.ACTION_LABEL, 'trunk'],
      ['d', Action.ACTION_ALLOW, ''],
    ]);
  });

  it('decides by the calling device in Check, CheckBatch and CheckStream', async () => {
    const req = { calling: '+8613311110000', called: '1', callingDevice: HOT_DEVICE };
    const one = await c.check(req);
    expect([one.action, one.decidedBy]).toEqual([Action.ACTION_LABEL, 'device']);
    const batch = await c.checkBatch({ checks: [req, { ...req, callingDevice: '' }] });
    expect(batch.results?.map((r) => r.decidedBy)).toEqual(['device', '']);
    const stream = openCheckStream();
    const answer = new Promise<ICheckBatchResponse>((resolve) => stream.once('data', resolve));
    const closed = new Promise((resolve) => stream.on('status', resolve));
    stream.on('data', () => undefined);
    stream.write({ checks: [req] });
    expect((await answer).results?.map((r) => r.decidedBy)).toEqual(['device']);
    stream.end();
    await closed;
  });

  it('decides by the calling location in Check, CheckBatch and CheckStream', async () => {
    const call = { calling: '+8613611110002', called: '1', ingressTrunk: 'TR-HOT', ingressCarrier: 'X' };
    const home = {
      ...call,
      attestation: Attestation.ATTESTATION_A,
      callingLocation: CallingLocation.CALLING_LOCATION_HOME,
    };
    const roaming = {
      ...call,
      attestation: Attestation.ATTESTATION_C,
      callingLocation: CallingLocation.CALLING_LOCATION_ROAMING,
    };
    expect((await c.check(home)).decidedBy).toBe('trunk');
    expect((await c.check(roaming)).decidedBy).toBe('');
    const batch = await c.checkBatch({
      checks: [home, roaming, { ...home, callingLocation: CallingLocation.CALLING_LOCATION_UNSPECIFIED }],
    });
    expect(batch.results?.map((r) => r.decidedBy)).toEqual(['trunk', '', '']);
    const stream = openCheckStream();
    const answer = new Promise<ICheckBatchResponse>((resolve) => stream.once('data', resolve));
    const closed = new Promise((resolve) => stream.on('status', resolve));
    stream.on('data', () => undefined);
    stream.write({ checks: [home, roaming] });
    expect((await answer).results?.map((r) => r.decidedBy)).toEqual(['trunk', '']);
    stream.end();
    await closed;
  });

  it('answers batches on a bidi stream, and sheds calls above the in-flight limit', async () => {
    const stream = openCheckStream();
    const answers: ICheckBatchResponse[] = [];
    const got = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const on = (m: ICheckBatchResponse): void => {
          answers.push(m);
          if (answers.length >= n) {
            stream.off('data', on);
            resolve();
          }
        };
        stream.on('data', on);
      });
    const two = got(2);
    stream.write({ checks: [{ calling: SCAMMER, called: '1', requestId: 's1' }] });
    stream.write({
      checks: [
        { calling: '+8613311110000', called: '1', requestId: 's2' },
        { calling: SCAMMER, called: '1', requestId: 's3' },
      ],
    });
    await two;
    expect(answers.map((a) => a.results?.map((r) => [r.requestId, r.action]))).toEqual([
      [['s1', Action.ACTION_LABEL]],
      [
        ['s2', Action.ACTION_ALLOW],
        ['s3', Action.ACTION_LABEL],
      ],
    ]);

    // Two open streams fill maxInFlight=2: a third call is shed, not queued.
    const second = openCheckStream();
    second.on('data', () => undefined);
    const pong = new Promise((resolve) => second.once('data', resolve));
    second.write({ checks: [{ calling: SCAMMER, called: '1' }] });
    await pong;
    expect(server.inFlight()).toBe(2);
    expect(await statusOf(c.check({ calling: SCAMMER, called: '1' }))).toBe(status.RESOURCE_EXHAUSTED);

    const ended = (s: ClientDuplexStream<ICheckBatchRequest, ICheckBatchResponse>): Promise<void> =>
      new Promise((resolve) => s.on('status', () => resolve()));
    const e1 = ended(stream);
    const e2 = ended(second);
    stream.end();
    second.end();
    await Promise.all([e1, e2]);
    expect(server.inFlight()).toBe(0);
    expect((await c.check({ calling: SCAMMER, called: '1' })).action).toBe(Action.ACTION_LABEL);
  });

  it('frees the in-flight slot of a stream the client cancels', async () => {
    const stream = openCheckStream();
    stream.on('data', () => undefined);
    stream.on('error', () => undefined);
    const answered = new Promise((resolve) => stream.once('data', resolve));
    stream.write({ checks: [{ calling: SCAMMER, called: '1' }] });
    await answered;
    expect(server.inFlight()).toBe(1);
    stream.cancel();
    await expect.poll(() => server.inFlight()).toBe(0);
    expect((await c.check({ calling: SCAMMER, called: '1' })).action).toBe(Action.ACTION_LABEL);
  });

  it('answers a bad check on a stream with its own error and keeps the stream open', async () => {
    const stream = openCheckStream();
    const answers: ICheckBatchResponse[] = [];
    const two = new Promise<void>((resolve, reject) => {
      stream.on('data', (m: ICheckBatchResponse) => {
        answers.push(m);
        if (answers.length === 2) resolve();
      });
      stream.on('error', reject);
    });
    stream.write({ checks: [{ calling: SCAMMER, requestId: 'no-callee' }] });
    stream.write({ checks: [{ calling: SCAMMER, called: '1', requestId: 'after' }] });
    await two;
    stream.end();
    expect(answers[0]?.results?.[0]).toMatchObject({
      requestId: 'no-callee',
      action: Action.ACTION_ALLOW,
      error: { code: 'INVALID_ARGUMENT', field: 'checks[0].called' },
    });
    expect(answers[1]?.results?.[0]).toMatchObject({ requestId: 'after', action: Action.ACTION_LABEL });
  });

  it('reports DEADLINE_EXCEEDED when the deadline passes first', async () => {
    const p = c.check({ calling: SCAMMER, called: '1' }, { deadlineMs: 20 });
    // Hold the event loop past the deadline before the request can be served.
    const until = Date.now() + 60;
    while (Date.now() < until) {
      /* busy */
    }
    expect(await statusOf(p)).toBe(status.DEADLINE_EXCEEDED);
  });

  it('counts checks by switch and action', async () => {
    const text = await registry.getSingleMetricAsString('ringfence_risk_api_checks_total');
    expect(text).toContain(`switch="${SWITCH}",action="label"`);
    expect(text).toContain(`switch="${SWITCH}",action="allow"`);
    const latency = await registry.getSingleMetricAsString('ringfence_risk_api_call_duration_seconds');
    expect(latency).toContain('method="Check"');
    // The two bad checks of the batch and the one on the stream, above.
    const errors = await registry.getSingleMetricAsString('ringfence_risk_api_check_errors_total');
    expect(errors).toContain(`ringfence_risk_api_check_errors_total{switch="${SWITCH}"} 3`);
  });

  it('answers health and reflection', async () => {
    const healthPkg = loadPackageDefinition(loadSync(healthProtoPath, { enums: String })) as unknown as {
      grpc: {
        health: {
          v1: {
            Health: new (
              a: string,
              c: ReturnType<typeof credentials.createInsecure>,
            ) => Record<
              string,
              (req: unknown, cb: (e: Error | null, v: { status: string }) => void) => void
            > & {
              close(): void;
            };
          };
        };
      };
    };
    const health = new healthPkg.grpc.health.v1.Health(
      `127.0.0.1:${server.port}`,
      credentials.createInsecure(),
    );
    const st = await new Promise<string>((resolve, reject) =>
      health['Check']!({ service: 'ringfence.risk.v1.RiskService' }, (e, v) =>
        e ? reject(e) : resolve(v.status),
      ),
    );
    expect(st).toBe('SERVING');
    health.close();

    const reflPkg = loadPackageDefinition(
      loadSync('grpc/reflection/v1alpha/reflection.proto', {
        includeDirs: [
          new URL('../../../node_modules/@grpc/reflection/build/proto', import.meta.url).pathname,
        ],
        keepCase: true,
      }),
    ) as unknown as {
      grpc: {
        reflection: {
          v1alpha: {
            ServerReflection: new (
              a: string,
              c: ReturnType<typeof credentials.createInsecure>,
            ) => Record<
              string,
              () => ClientDuplexStream<unknown, { list_services_response?: { service: { name: string }[] } }>
            > & { close(): void };
          };
        };
      };
    };
    const refl = new reflPkg.grpc.reflection.v1alpha.ServerReflection(
      `127.0.0.1:${server.port}`,
      credentials.createInsecure(),
    );
    const s = refl['ServerReflectionInfo']!();
    const names = new Promise<string[]>((resolve) =>
      s.on('data', (m: { list_services_response?: { service: { name: string }[] } }) =>
        resolve((m.list_services_response?.service ?? []).map((x) => x.name)),
      ),
    );
    const closed = new Promise((resolve) => s.on('status', resolve));
    s.on('error', () => undefined);
    s.write({ list_services: '' });
    expect(await names).toContain('ringfence.risk.v1.RiskService');
    s.end();
    await closed;
    refl.close();
  });

  it('exposes a service definition with static codecs', () => {
    expect(riskServiceDefinition.CheckStream.requestStream).toBe(true);
    expect(makeGenericClientConstructor(riskServiceDefinition, 'x')).toBeTypeOf('function');
    expect(TOKEN.length).toBeGreaterThanOrEqual(16);
  });
});

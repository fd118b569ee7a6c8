import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { Registry } from '@ringfence/common';
import { Action, Attestation, CallingLocation, SubjectKind } from '@ringfence/proto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRiskClient, riskServiceDefinition, type RiskServer } from '../src/index.js';
import { highVerdict, startTestServer, TOKEN, verdictBytes } from './support.js';

const HOT_DEVICE = '356938035643809';

describe('fail-open risk client', () => {
  let silentTcp: NetServer;
  const sockets: Socket[] = [];
  let hungGrpc: Server;
  let hungPort = 0;
  let risk: RiskServer;

  beforeAll(async () => {
    // Accepts TCP connections and never says a word (no HTTP/2 settings, no answers).
    silentTcp = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silentTcp.listen(0, '127.0.0.1', resolve));
    // A gRPC server whose handlers never respond.
    hungGrpc = new Server();
    hungGrpc.addService(riskServiceDefinition, {
      Check: () => undefined,
      CheckBatch: () => undefined,
      CheckStream: () => undefined,
    });
    hungPort = await new Promise<number>((resolve, reject) =>
      hungGrpc.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    ({ server: risk } = await startTestServer());
    risk.view.applyCaller(
      '+8613911112222',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, '+8613911112222', 'robocall')),
    );
    risk.view.applySource(
      `device:${HOT_DEVICE}`,
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_DEVICE, HOT_DEVICE, 'scam', 85, 'DEVICE_MANY_NUMBERS'),
      ),
    );
    risk.setReady(true);
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silentTcp.close(resolve));
    hungGrpc.forceShutdown();
    await risk.close();
  });

  it('answers ALLOW within the deadline when the server accepts TCP but stays silent', async () => {
    const registry = new Registry();
    const port = (silentTcp.address() as AddressInfo).port;
    const client = createRiskClient({ address: `127.0.0.1:${port}`, token: TOKEN, deadlineMs: 50, registry });
    const res = await client.check({ calling: '+8613911112222', called: '+8613700000000', requestId: 'x' });
    expect(res.action).toBe(Action.ACTION_ALLOW);
    expect(res.requestId).toBe('x');
    expect(res.failOpen).toBe('deadline');
    expect(client.failOpenCounts()).toEqual({ deadline: 1 });
    expect(await registry.getSingleMetricAsString('risk_client_fail_open_total')).toContain(
      'reason="deadline"} 1',
    );
    client.close();
  });

  it('answers by the deadline on the clock, not after it', async () => {
    // Fake timers make "within the deadline" a statement about the clock, not about machine speed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const client = createRiskClient({ address: `127.0.0.1:${hungPort}`, token: TOKEN, deadlineMs: 50 });
      let answered: string | undefined;
      const p = client.check({ calling: '+8613911112222', called: '1' }).then((r) => {
        answered = r.failOpen;
      });
      await vi.advanceTimersByTimeAsync(49);
      expect(answered).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await p;
      expect(answered).toBe('deadline');
      client.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers ALLOW when the handler never responds, for single checks and batches', async () => {
    const client = createRiskClient({ address: `127.0.0.1:${hungPort}`, token: TOKEN, deadlineMs: 50 });
    const res = await client.check({ calling: '+8613911112222', called: '+8613700000000' });
    expect(res.action).toBe(Action.ACTION_ALLOW);
    const batch = await client.checkBatch([
      { calling: '+8613911112222', called: '1', requestId: 'a' },
      { calling: '+8613911112223', called: '1', requestId: 'b' },
    ]);
    expect(batch.map((r) => [r.requestId, r.action, r.failOpen])).toEqual([
      ['a', Action.ACTION_ALLOW, 'deadline'],
      ['b', Action.ACTION_ALLOW, 'deadline'],
    ]);
    expect(client.failOpenCounts()).toEqual({ deadline: 3 });
    client.close();
  });

  it('answers ALLOW on refusal and when nothing listens', async () => {
    const denied = createRiskClient({
      address: `127.0.0.1:${risk.port}`,
      token: 'wrong-token-0123456789',
      deadlineMs: 2_000,
    });
    expect((await denied.check({ calling: '+8613911112222', called: '1' })).failOpen).toBe('unauthenticated');
    denied.close();
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const nobody = createRiskClient({ address: `127.0.0.1:${closedPort}`, deadlineMs: 200 });
    const res = await nobody.check({ calling: '+8613911112222', called: '1' });
    expect(res.action).toBe(Action.ACTION_ALLOW);
    expect(['unavailable', 'deadline']).toContain(res.failOpen);
    nobody.close();
  });

  it('passes real answers through', async () => {
    const client = createRiskClient({ address: `127.0.0.1:${risk.port}`, token: TOKEN, deadlineMs: 2_000 });
    const res = await client.check({ calling: '+8613911112222', called: '+8613700000000' });
    expect(res.action).toBe(Action.ACTION_LABEL);
    expect(res.category).toBe('robocall');
    expect(res.failOpen).toBeUndefined();
    const batch = await client.checkBatch([{ calling: '+8613911112222', called: '1' }]);
    expect(batch[0]?.action).toBe(Action.ACTION_LABEL);
    // The calling device travels with the check, alone and in a batch.
    const fromDevice = { calling: '+8613311110000', called: '1', callingDevice: HOT_DEVICE };
    expect((await client.check(fromDevice)).decidedBy).toBe('device');
    expect((await client.checkBatch([fromDevice]))[0]?.decidedBy).toBe('device');
    // So does the subscriber's HLR/HSS location: at home, a copy of the number from outside is spoofed.
    const spoofed = {
      calling: '+8613611110000',
      called: '1',
      ingressCarrier: 'INTL-X',
      attestation: Attestation.ATTESTATION_A,
      callingLocation: CallingLocation.CALLING_LOCATION_HOME,
    };
    expect((await client.check(spoofed)).decidedBy).toBe('request');
    expect((await client.checkBatch([spoofed]))[0]?.decidedBy).toBe('request');
    expect(client.failOpenCounts()).toEqual({});
    client.close();
  });

  it('answers a refused check of a batch ALLOW with its reason and passes the others through', async () => {
    const client = createRiskClient({ address: `127.0.0.1:${risk.port}`, token: TOKEN, deadlineMs: 2_000 });
    const batch = await client.checkBatch([
      { calling: '+8613911112222', called: '1', requestId: 'known' },
      { calling: '+8613911112222', called: '', requestId: 'no-callee' },
    ]);
    expect(batch.map((r) => [r.requestId, r.action, r.failOpen, r.error?.field])).toEqual([
      ['known', Action.ACTION_LABEL, undefined, undefined],
      ['no-callee', Action.ACTION_ALLOW, 'invalid_argument', 'checks[1].called'],
    ]);
    expect(client.failOpenCounts()).toEqual({ invalid_argument: 1 });
    client.close();
  });
});

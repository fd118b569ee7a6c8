import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateStack, until } from '@ringfence/common/testing';
import { Level } from '@ringfence/proto';
import { Pipeline } from '../support/pipeline.js';
import { ServiceProcess } from '../support/service-process.js';
import { generatedTraffic, robocallLines } from '../support/traffic.js';

// Issue #9 (a): the Kafka broker restarts under a running pipeline, twice: stopped cleanly, then
// killed (SIGKILL) as in a crash. Nobody restarts the services.
const DAY_MS = 86_400_000;
const OUTAGE_MS = 15_000;
const HELD = 1_000;
// Busy hours, so a few hours of a small population give a few thousand CDRs.
const BUSY_MORNING = '2026-11-02T09:00:00+08:00';
const work = mkdtempSync(join(tmpdir(), 'rf-fault-broker-'));
let stack: PrivateStack | undefined;
let p: Pipeline;

beforeAll(async () => {
  stack = await PrivateStack.start();
  p = await Pipeline.start(stack);
});

afterAll(async () => {
  await p?.stop();
  ServiceProcess.killAll();
  await stack?.destroy();
  rmSync(work, { recursive: true, force: true });
});

const first = '+8618612340001';

describe('the Kafka broker restarts under a running pipeline', () => {
  it('every service reconnects by itself; risk-api answers from memory meanwhile; traffic flows again', async () => {
    const ingest = p.ingest!;
    const warmup = await generatedTraffic(
      work,
      { subscribers: 1500, hours: 2, seed: 11, start: BUSY_MORNING },
      'warmup',
    );
    let accepted = await ingest.postAll([
      ...warmup.lines,
      ...robocallLines('18612340001', warmup.endMs - 3_600_000),
    ]);
    expect(accepted).toBeGreaterThan(2_000);
    await until('the first robocaller flagged by risk-api', () => p.flaggedHigh(first));
    const produced = (): Promise<number | undefined> =>
      p.service('ingest').metric('ringfence_ingest_produced_total', 'source="http"');
    const pids = new Map([...p.services].map(([name, s]) => [name, s.pid]));

    const rounds = [
      { fault: 'stopped', down: () => stack!.down('kafka') },
      { fault: 'killed', down: () => stack!.crash('kafka') },
    ];
    let start = warmup.endMs;
    const from = warmup.startMs;
    for (const [i, round] of rounds.entries()) {
      const traffic = await generatedTraffic(
        work,
        { subscribers: 1500, hours: 2, seed: 12 + i, start },
        `round-${i}`,
      );
      start = traffic.endMs;
      const robocaller = `+861861234001${i + 1}`;
      // The broker goes away while ingest is producing and the sink and scorer are consuming.
      const inFlight = ingest.postAll(traffic.lines.slice(0, HELD), 100, 200);
      await until(`${round.fault}: traffic flowing`, async () => ((await produced()) ?? 0) > accepted);
      await round.down();
      const outageEnd = Date.now() + OUTAGE_MS;
      let answeredFromMemory = 0;
      while (Date.now() < outageEnd) {
        const a = await p.check(first);
        expect(a.failOpen, round.fault).toBeUndefined();
        expect(a.level, round.fault).toBe(Level.LEVEL_HIGH);
        answeredFromMemory++;
        await sleep(1_000);
      }
      expect(answeredFromMemory).toBeGreaterThan(5);
      await stack!.up('kafka');

      // Requests held during the outage are answered (not refused) once the broker is back.
      accepted += await inFlight;
      accepted += await ingest.postAll([
        ...traffic.lines.slice(HELD),
        ...robocallLines(robocaller.slice(3), traffic.endMs - 3_600_000),
      ]);
      await until(`${round.fault}: the new robocaller flagged`, () => p.flaggedHigh(robocaller), 180_000);
      const to = traffic.endMs + DAY_MS;
      await until(
        `${round.fault}: all traffic stored`,
        async () => (await p.storedCdrs(from - DAY_MS, to)) === accepted,
        180_000,
      );
      expect(await p.storedCdrs(from - DAY_MS, to)).toBe(accepted);
      // At-least-once into cdr.v1 (a retried produce may repeat); ClickHouse counts each call once.
      expect(await p.cdrMessages()).toBeGreaterThanOrEqual(accepted);
      for (const [name, s] of p.services) {
        expect(s.alive, `${name} still running after the broker was ${round.fault}:\n${s.tail()}`).toBe(true);
        expect(s.pid, `${name} same process`).toBe(pids.get(name));
      }
    }
  }, 420_000);
});

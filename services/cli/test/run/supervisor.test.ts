import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '@ringfence/common/testing';
import { Supervisor, type ChildSpec, type SupervisorEvent } from '../../src/run/supervisor.js';

const script = (name: string, code: string, restart = false): ChildSpec => ({
  name,
  command: process.execPath,
  args: ['-e', code],
  env: process.env,
  restart,
});

describe('the supervisor', () => {
  it("writes each child's output to its own log file, and echoes it only when asked", async () => {
    const logDir = await mkdtemp(join(tmpdir(), 'rf-sup-'));
    const echoed: string[] = [];
    const quiet = new Supervisor({ logDir });
    quiet.start(script('replay#0', 'console.log("hour 0"); console.error("warned")'));
    expect(await quiet.wait('replay#0')).toBe(0);
    quiet.start(script('replay#1', 'console.log("hour 1")'));
    await quiet.wait('replay#1');
    await quiet.stopAll();
    expect((await readFile(join(logDir, 'replay.log'), 'utf8')).split('\n').sort()).toEqual(
      ['', 'hour 0', 'hour 1', 'warned'].sort(),
    );

    const verbose = new Supervisor({ logDir, echo: (l) => echoed.push(l) });
    verbose.start(script('ingest', 'console.log("{\\"level\\":\\"info\\"}")'));
    await verbose.wait('ingest');
    await verbose.stopAll();
    expect(echoed).toEqual(['[ingest] {"level":"info"}']);
    expect((await readdir(logDir)).sort()).toEqual(['ingest.log', 'replay.log']);
  });

  it('restarts a crashed service with backoff, counts it, and starts nothing once stopping', async () => {
    const logDir = await mkdtemp(join(tmpdir(), 'rf-sup-'));
    const events: SupervisorEvent[] = [];
    const sup = new Supervisor({ logDir, onEvent: (e) => events.push(e) });
    sup.start(script('scorer', 'process.exit(3)', true));
    await until('a restart', () => Promise.resolve(sup.restarts() >= 1), 10_000);
    expect(events[0]).toMatchObject({ name: 'scorer', kind: 'restarting', status: '3', delayMs: 500 });
    await sup.stopAll();
    sup.start(script('late', 'setTimeout(() => {}, 60_000)'));
    expect(await sup.wait('late')).toBe(0);
    expect(sup.serviceStates()).toEqual([expect.objectContaining({ name: 'scorer', running: false })]);
  });

  it('stops running children with SIGTERM and reports each', async () => {
    const logDir = await mkdtemp(join(tmpdir(), 'rf-sup-'));
    const events: SupervisorEvent[] = [];
    const sup = new Supervisor({ logDir, onEvent: (e) => events.push(e) });
    sup.start(script('console', 'console.log("up"); setInterval(() => {}, 1000)', true));
    await until('the child is up', async () =>
      (await readFile(join(logDir, 'console.log'), 'utf8')).includes('up'),
    );
    await sup.stopAll();
    expect(events).toEqual([{ name: 'console', kind: 'stopped', status: 'SIGTERM' }]);
  });
});

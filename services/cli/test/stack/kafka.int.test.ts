import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { freePort } from '@ringfence/common/testing';
import { kafkaDown, kafkaUp } from '../../src/stack/kafka.js';
import { stackPaths, type StackPaths } from '../../src/stack/paths.js';

// A node that cannot start must fail `stack up` with its own words, not a bare metadata timeout
// after two minutes: a test's temp stack dir, and the node's log with it, is gone by the time anyone
// reads the failure.
let taken: Server;
let port: number;
let paths: StackPaths;

beforeAll(async () => {
  port = await freePort();
  // Whatever holds the port hangs up on the readiness checks that reach it.
  taken = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    taken.once('error', reject);
    taken.listen(port, '127.0.0.1', resolve);
  });
  paths = { ...stackPaths(), stack: mkdtempSync(join(tmpdir(), 'rf-kafka-up-')) };
});

afterAll(async () => {
  await kafkaDown(paths, () => undefined);
  await new Promise((resolve) => taken.close(resolve));
  rmSync(paths.stack, { recursive: true, force: true });
});

describe('stack up of a Kafka node that cannot start', () => {
  it('stops waiting when the node exits, and says why from its log', async () => {
    const lines: string[] = [];
    const up = kafkaUp(paths, { port, controllerPort: await freePort() }, (l) => lines.push(l));
    const err = await up.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRingfenceError(err, 'UNAVAILABLE')).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain('kafka node 1 exited');
    expect(message).toContain(join(paths.stack, 'kafka', 'kafka.log'));
    // Kafka's own reason, read from the end of its log.
    expect(message).toContain(`127.0.0.1:${port}: Address already in use`);
    expect(message).not.toContain('timed out');
    expect(lines).toContain(`kafka: waiting for 1 broker(s) to answer metadata on 127.0.0.1:${port}`);
  });
});

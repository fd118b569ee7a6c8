import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '@ringfence/common/testing';
import { Action } from '@ringfence/proto';
import { DecisionPath } from '../support/decision-path.js';
import { ServiceProcess } from '../support/service-process.js';

/*
 * An operator's decision on its way to the switch, on the real services: the console's JSON API →
 * feedback.v1 → scorer → caller-risk.v1 → risk-api. How long it takes is measured by `npm run bench`
 * (services/cli/bench/decision-latency.bench.ts); here, that it arrives, and that an expiry ends it.
 */

const stack = testStack();
let path: DecisionPath;

beforeAll(async () => {
  path = await DecisionPath.start(stack);
}, 120_000);

afterAll(async () => {
  await path?.stop();
  ServiceProcess.killAll();
  await stack.deleteTopics();
  await stack.dropDatabase();
});

describe('an operator decision reaches the switch', () => {
  it('answers BLOCK for a number blocklisted through the console, and ALLOW once allowlisted', async () => {
    const number = '+8613811112201';
    expect((await path.check(number)).action).toBe(Action.ACTION_ALLOW);
    const since = performance.now();
    await path.decide(number, 'blocklist');
    const ms = await path.until(number, (a) => a.decidedBy === 'blocklist', since);
    const blocked = await path.check(number);
    expect([blocked.action, blocked.block?.sipCode]).toEqual([Action.ACTION_BLOCK, 603]);
    process.stderr.write(`decision reached risk-api in ${Math.round(ms)} ms\n`);
    await path.decide(number, 'allowlist');
    await path.until(number, (a) => a.decidedBy === 'allowlist', performance.now());
    expect((await path.check(number)).action).toBe(Action.ACTION_ALLOW);
  });

  it('ends a decision at its expiry, at call time, with no traffic moving the scorer on', async () => {
    const number = '+8613811112202';
    const expiresMs = Date.now() + 5_000;
    const made = await path.decide(number, 'blocklist', { expiresAt: new Date(expiresMs).toISOString() });
    expect(made.expiresMs).toBe(expiresMs);
    await path.until(number, (a) => a.decidedBy === 'blocklist', performance.now());
    const inv = (await path.api(`/api/v1/numbers/${encodeURIComponent(number)}`)) as {
      decision: { action: string; expiresMs: number } | null;
    };
    expect(inv.decision).toMatchObject({ action: 'blocklist', expiresMs });
    // Nothing reaches the scorer after the decision, so only risk-api's own clock can end it.
    await path.until(number, (a) => a.decidedBy === '', performance.now(), 30_000, 50);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresMs);
    expect((await path.check(number)).action).toBe(Action.ACTION_ALLOW);
  });
});

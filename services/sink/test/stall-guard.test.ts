import type { Admin } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@ringfence/common';
import { StallGuard } from '../src/stall-guard.js';

const TOPIC = 'cdr.v1';
const TIMEOUT = 20_000;

/** A broker with two partitions of TOPIC ending at `high`, and the group's committed offsets. */
class FakeBroker {
  high = [100, 100];
  committed = [-1, -1];
  down = false;

  admin(): Admin {
    const ask = <T>(v: () => T): Promise<T> =>
      this.down ? Promise.reject(new Error('Connection refused')) : Promise.resolve(v());
    return {
      fetchTopicOffsets: () =>
        ask(() =>
          this.high.map((h, partition) => ({ partition, offset: String(h), high: String(h), low: '0' })),
        ),
      fetchOffsets: () =>
        ask(() => [
          {
            topic: TOPIC,
            partitions: this.committed.map((c, partition) => ({
              partition,
              offset: String(c),
              metadata: null,
            })),
          },
        ]),
    } as unknown as Admin;
  }
}

function guard(broker: FakeBroker, paused = () => false): { g: StallGuard; stalls: number[] } {
  const stalls: number[] = [];
  const g = new StallGuard({
    admin: broker.admin(),
    groupId: 'sink',
    fromBeginning: true,
    timeoutMs: TIMEOUT,
    paused,
    onStall: (ms) => stalls.push(ms),
    logger: createLogger('test', 'silent'),
  });
  return { g, stalls };
}

describe('StallGuard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a sink that owns input it has not read and consumes nothing', async () => {
    const broker = new FakeBroker();
    const { g, stalls } = guard(broker);
    g.start();
    g.assigned({ [TOPIC]: [0, 1] });
    g.consumed(TOPIC, 0, '99');
    g.consumed(TOPIC, 1, '49');
    await vi.advanceTimersByTimeAsync(TIMEOUT + 6_000);
    expect(stalls).toHaveLength(1);
    g.stop();
  });

  it('leaves an idle sink alone: everything it owns read, by its batches or by its committed offsets', async () => {
    const broker = new FakeBroker();
    broker.committed = [-1, 100];
    const { g, stalls } = guard(broker);
    g.start();
    // Partition 1 was read to its end before a restart; this instance has consumed none of it.
    g.assigned({ [TOPIC]: [0, 1] });
    g.consumed(TOPIC, 0, '99');
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT);
    expect(stalls).toEqual([]);
    // New input arrives and nothing reads it.
    broker.high = [100, 130];
    await vi.advanceTimersByTimeAsync(TIMEOUT + 6_000);
    expect(stalls).toHaveLength(1);
    g.stop();
  });

  it('ignores partitions it does not own, and one given away and taken again starts from the group', async () => {
    const broker = new FakeBroker();
    broker.committed = [100, 40];
    const { g, stalls } = guard(broker);
    g.start();
    g.assigned({ [TOPIC]: [1] });
    g.consumed(TOPIC, 1, '99');
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT);
    expect(stalls).toEqual([]);
    g.assigned({ [TOPIC]: [0] });
    g.assigned({ [TOPIC]: [0, 1] });
    // Its old position (100) is forgotten: partition 1 is read from the committed 40 again.
    await vi.advanceTimersByTimeAsync(TIMEOUT + 6_000);
    expect(stalls).toHaveLength(1);
    g.stop();
  });

  it('counts neither a pause for back-pressure nor an unreachable broker as a stall', async () => {
    const broker = new FakeBroker();
    let paused = true;
    const { g, stalls } = guard(broker, () => paused);
    g.start();
    g.assigned({ [TOPIC]: [0, 1] });
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT);
    expect(stalls).toEqual([]);
    paused = false;
    broker.down = true;
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT);
    expect(stalls).toEqual([]);
    broker.down = false;
    await vi.advanceTimersByTimeAsync(TIMEOUT + 6_000);
    expect(stalls).toHaveLength(1);
    g.stop();
  });

  it('never reports while batches keep coming', async () => {
    const broker = new FakeBroker();
    const { g, stalls } = guard(broker);
    g.start();
    g.assigned({ [TOPIC]: [0, 1] });
    for (let i = 0; i < 100; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      g.consumed(TOPIC, i % 2, String(i));
    }
    expect(stalls).toEqual([]);
    g.stop();
  });
});

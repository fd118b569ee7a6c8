import { describe, expect, it } from 'vitest';
import { createLogger, createMetrics } from '@ringfence/common';
import { Batcher, type CommitOffset } from '../src/batcher.js';
import { sinkMetrics } from '../src/metrics.js';

const options = { flushRows: 3, flushAgeMs: 60_000, maxBufferedRows: 5, retryInitialMs: 1, retryMaxMs: 4 };

function harness(failFirst = 0) {
  const log: string[] = [];
  const inserted: Record<string, object[]> = {};
  const commits: CommitOffset[][] = [];
  const pressure: boolean[] = [];
  let failures = failFirst;
  const batcher = new Batcher(
    options,
    async (table, rows) => {
      await Promise.resolve();
      if (failures > 0) {
        failures--;
        log.push(`fail ${table}`);
        throw new Error('clickhouse down');
      }
      log.push(`insert ${table} ${rows.length}`);
      (inserted[table] ??= []).push(...rows);
    },
    async (offsets) => {
      await Promise.resolve();
      log.push(`commit ${offsets.map((o) => `${o.topic}/${o.partition}@${o.offset}`).join(',')}`);
      commits.push(offsets);
    },
    createLogger('test', 'silent'),
    sinkMetrics(createMetrics('sink')),
    (p) => pressure.push(p),
  );
  return { batcher, log, inserted, commits, pressure };
}

/** Adds CDR rows `from`..`to`-1 (offset = i) on partition 0 of topic t, then flushes if due. */
function addRows(batcher: Batcher, from: number, to: number): void {
  for (let i = from; i < to; i++) batcher.add('cdr', { i }, 't', 0, String(i));
  batcher.maybeFlush();
}

describe('Batcher', () => {
  it('flushes by size and commits the next offsets only after every table is inserted', async () => {
    const h = harness();
    h.batcher.add('cdr', { a: 1 }, 't', 0, '10');
    h.batcher.add('alerts', { b: 1 }, 'u', 1, '4');
    h.batcher.maybeFlush();
    expect(h.log).toEqual([]);
    h.batcher.add('cdr', { a: 2 }, 't', 0, '11');
    h.batcher.maybeFlush();
    await h.batcher.drain();
    expect(h.log).toEqual(['insert cdr 2', 'insert alerts 1', 'commit t/0@12,u/1@5']);
  });

  it('flushes by age, including offsets of messages that had no row', async () => {
    const h = harness();
    h.batcher.add('cdr', undefined, 't', 2, '7');
    h.batcher.maybeFlush(Date.now());
    await h.batcher.drain();
    expect(h.log).toEqual(['commit t/2@8']);
  });

  it('retries a failed insert with backoff and never commits before it succeeds', async () => {
    const h = harness(3);
    addRows(h.batcher, 0, 3);
    await h.batcher.drain();
    expect(h.log).toEqual(['fail cdr', 'fail cdr', 'fail cdr', 'insert cdr 3', 'commit t/0@3']);
    expect(h.inserted['cdr']).toHaveLength(3);
  });

  it('signals pressure at the bound and releases it after the flush', async () => {
    const h = harness(1);
    addRows(h.batcher, 0, 6);
    expect(h.batcher.overloaded).toBe(true);
    expect(h.pressure).toEqual([true]);
    await h.batcher.drain();
    expect(h.pressure.at(-1)).toBe(false);
    expect(h.batcher.pending).toBe(0);
  });

  it('after close nothing more is committed', async () => {
    const h = harness(1_000);
    h.batcher.add('cdr', { i: 1 }, 't', 0, '0');
    h.batcher.add('cdr', { i: 2 }, 't', 0, '1');
    h.batcher.add('cdr', { i: 3 }, 't', 0, '2');
    h.batcher.maybeFlush();
    await new Promise((r) => setTimeout(r, 20));
    h.batcher.close();
    await h.batcher.drain();
    expect(h.commits).toEqual([]);
  });

  it('inserts two batches at once but commits the later one only after the earlier is stored', async () => {
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const batcher = new Batcher(
      { ...options, insertsInFlight: 2 },
      async (_table, rows) => {
        const first = (rows[0] as { i: number }).i;
        log.push(`start ${first}`);
        await new Promise<void>((r) => releases.push(r));
        log.push(`stored ${first}`);
      },
      async (offsets) => {
        await Promise.resolve();
        log.push(`commit ${offsets.map((o) => o.offset).join(',')}`);
      },
      createLogger('test', 'silent'),
      sinkMetrics(createMetrics('sink')),
    );
    addRows(batcher, 0, 3);
    addRows(batcher, 3, 6);
    addRows(batcher, 6, 9); // a third batch waits: two are in flight
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['start 0', 'start 3']);
    expect(batcher.pending).toBe(9);
    releases[1]?.(); // the later batch is stored first...
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['start 0', 'start 3', 'stored 3']); // ...but not committed
    releases[0]?.();
    await new Promise((r) => setTimeout(r, 5));
    const commits = (): string[] => log.filter((l) => l.startsWith('commit'));
    expect(commits()).toEqual(['commit 3', 'commit 6']);
    expect(log.indexOf('commit 3')).toBeGreaterThan(log.indexOf('stored 0'));
    expect(log).toContain('start 6'); // the waiting batch took the free slot
    const drained = batcher.drain();
    releases[2]?.();
    await drained;
    expect(commits()).toEqual(['commit 3', 'commit 6', 'commit 9']);
    expect(batcher.pending).toBe(0);
  });

  it('never commits a later batch while an earlier one is still failing', async () => {
    const commits: string[] = [];
    const batcher = new Batcher(
      { ...options, insertsInFlight: 2 },
      async (_table, rows) => {
        await Promise.resolve();
        if ((rows[0] as { i: number }).i === 0) throw new Error('clickhouse down');
      },
      async (offsets) => {
        await Promise.resolve();
        commits.push(offsets.map((o) => o.offset).join(','));
      },
      createLogger('test', 'silent'),
      sinkMetrics(createMetrics('sink')),
    );
    addRows(batcher, 0, 3);
    addRows(batcher, 3, 6);
    await new Promise((r) => setTimeout(r, 30));
    batcher.close();
    await batcher.drain();
    expect(commits).toEqual([]);
  });
});

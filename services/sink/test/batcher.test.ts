import { describe, expect, it } from 'vitest';
import { createLogger, createMetrics } from '@ringfence/common';
import { joinChunks, type RowBinaryBuilder } from '@ringfence/store';
import { Batcher, type CommitOffset, type TableBatch } from '../src/batcher.js';
import { sinkMetrics } from '../src/metrics.js';

/** The row objects of a JSONEachRow batch (the tests below add only those unless they say so). */
function objects(batch: TableBatch): readonly object[] {
  if (batch.format !== 'JSONEachRow') throw new Error('expected row objects');
  return batch.rows;
}

/** A toy row encoder: one UInt16 per row; refuses negative numbers before writing anything. */
function encodeU16(out: RowBinaryBuilder, n: number): void {
  if (n < 0) throw new Error('refused');
  out.uint16(n);
}

function u16s(batch: TableBatch): number[] {
  if (batch.format !== 'RowBinary') throw new Error('expected RowBinary');
  const bytes = joinChunks(batch.chunks);
  return Array.from({ length: bytes.length / 2 }, (_, k) => bytes.readUInt16LE(2 * k));
}

const options = { flushRows: 3, flushAgeMs: 60_000, maxBufferedRows: 5, retryInitialMs: 1, retryMaxMs: 4 };

function harness(failFirst = 0) {
  const log: string[] = [];
  const inserted: Record<string, unknown[]> = {};
  const commits: CommitOffset[][] = [];
  const pressure: boolean[] = [];
  let failures = failFirst;
  const batcher = new Batcher(
    options,
    async (table, batch) => {
      await Promise.resolve();
      if (failures > 0) {
        failures--;
        log.push(`fail ${table}`);
        throw new Error('clickhouse down');
      }
      log.push(`insert ${table} ${batch.count}`);
      (inserted[table] ??= []).push(...(batch.format === 'RowBinary' ? u16s(batch) : objects(batch)));
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

/** Encodes rows `from`..`to`-1 (value = offset = i) on partition 0 of topic t, then flushes if due. */
function addEncodedRange(batcher: Batcher, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    batcher.addEncoded('cdr', encodeU16, i);
    batcher.advance('t', 0, String(i));
  }
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
      async (_table, batch) => {
        const first = (objects(batch)[0] as { i: number }).i;
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
      async (_table, batch) => {
        await Promise.resolve();
        if ((objects(batch)[0] as { i: number }).i === 0) throw new Error('clickhouse down');
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

  it('inserts encoded rows as the bytes they were encoded to, in arrival order, beside row objects', async () => {
    const h = harness();
    h.batcher.addEncoded('cdr', encodeU16, 7);
    h.batcher.addRow('alerts', { a: 1 });
    h.batcher.addEncoded('cdr', encodeU16, 65_535);
    h.batcher.advance('t', 0, '2');
    h.batcher.maybeFlush();
    expect(h.batcher.pending).toBe(3);
    await h.batcher.drain();
    expect(h.log).toEqual(['insert cdr 2', 'insert alerts 1', 'commit t/0@3']);
    expect(h.inserted['cdr']).toEqual([7, 65_535]);
  });

  it('counts no row the encoder refused, and inserts no table whose every row was refused', async () => {
    const h = harness();
    expect(() => h.batcher.addEncoded('cdr', encodeU16, -1)).toThrow('refused');
    expect(h.batcher.pending).toBe(0);
    h.batcher.advance('t', 0, '0');
    await h.batcher.drain();
    expect(h.log).toEqual(['commit t/0@1']);
    addEncodedRange(h.batcher, 0, 2);
    expect(() => h.batcher.addEncoded('cdr', encodeU16, -1)).toThrow('refused');
    addEncodedRange(h.batcher, 2, 3);
    await h.batcher.drain();
    expect(h.inserted['cdr']).toEqual([0, 1, 2]);
  });

  it('sends the same bytes again on every retry, while later rows fill the next batch', async () => {
    const seen: number[][] = [];
    const commits: string[] = [];
    let failures = 2;
    const batcher = new Batcher(
      { ...options, insertsInFlight: 1 },
      async (_table, batch) => {
        await Promise.resolve();
        seen.push(u16s(batch));
        if (failures-- > 0) throw new Error('clickhouse down');
      },
      async (offsets) => {
        await Promise.resolve();
        commits.push(offsets.map((o) => o.offset).join(','));
      },
      createLogger('test', 'silent'),
      sinkMetrics(createMetrics('sink')),
    );
    addEncodedRange(batcher, 0, 3);
    addEncodedRange(batcher, 3, 5); // arrives while the first batch is failing
    await batcher.drain();
    expect(seen).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [3, 4],
    ]);
    expect(commits).toEqual(['3', '5']);
  });

  it('holds exactly the bound of encoded rows and signals pressure there', async () => {
    const releases: (() => void)[] = [];
    const pressure: boolean[] = [];
    const batcher = new Batcher(
      { ...options, insertsInFlight: 1 },
      async () => {
        await new Promise<void>((r) => releases.push(r));
      },
      async () => {},
      createLogger('test', 'silent'),
      sinkMetrics(createMetrics('sink')),
      (p) => pressure.push(p),
    );
    let added = 0;
    // What the sink's fetch loop does: stop taking rows the moment the batcher is at its bound.
    for (let i = 0; i < 100 && !batcher.overloaded; i++) {
      batcher.addEncoded('cdr', encodeU16, i);
      batcher.advance('t', 0, String(i));
      added++;
      batcher.maybeFlush();
    }
    expect(added).toBe(options.maxBufferedRows);
    expect(batcher.pending).toBe(options.maxBufferedRows);
    expect(pressure).toEqual([true]);
    releases.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
    expect(batcher.overloaded).toBe(false);
    expect(pressure).toEqual([true, false]);
    let done = false;
    const drained = batcher.drain().then(() => {
      done = true;
    });
    while (!done) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 5));
    }
    await drained;
    expect(batcher.pending).toBe(0);
  });
});

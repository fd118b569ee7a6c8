import { toRingfenceError, withRetry, type Logger } from '@ringfence/common';
import { RowBinaryBuilder } from '@ringfence/store';
import type { SinkMetrics } from './metrics.js';

/**
 * One flush's rows for one table: RowBinary bytes, encoded as the messages arrived (`addEncoded`), or
 * row objects for a JSONEachRow insert (`addRow`, the low-volume tables).
 */
export type TableBatch =
  | { readonly format: 'RowBinary'; readonly chunks: readonly Buffer[]; readonly count: number }
  | { readonly format: 'JSONEachRow'; readonly rows: readonly object[]; readonly count: number };

/** Inserts one batch into one table; throws when ClickHouse did not accept it. May be called again with the same batch. */
export type InsertRows = (table: string, batch: TableBatch) => Promise<void>;

/** Appends one row built from `input` to `out`; throws, having written nothing, when `input` is refused. */
export type EncodeRow<T> = (out: RowBinaryBuilder, input: T) => void;

export interface CommitOffset {
  topic: string;
  partition: number;
  /** The next offset to read (last stored + 1), as Kafka commits it. */
  offset: string;
}

/** Commits consumed offsets; only called after every row up to them is in ClickHouse. */
export type CommitOffsets = (offsets: CommitOffset[]) => Promise<void>;

export interface BatcherOptions {
  flushRows: number;
  flushAgeMs: number;
  maxBufferedRows: number;
  retryInitialMs: number;
  retryMaxMs: number;
  /** Flushes whose inserts may run at once (ClickHouse works on each insert with one thread). */
  insertsInFlight?: number;
}

type TableBuffer =
  | { readonly format: 'RowBinary'; readonly out: RowBinaryBuilder; count: number }
  | { readonly format: 'JSONEachRow'; readonly rows: object[]; count: number };

interface Generation {
  /** Tables in the order their first row arrived, which is the order they are inserted in. */
  tables: Map<string, TableBuffer>;
  offsets: Map<string, CommitOffset>;
  rows: number;
  firstAt: number;
}

function emptyGeneration(): Generation {
  return { tables: new Map(), offsets: new Map(), rows: 0, firstAt: 0 };
}

/**
 * Buffers rows per table and the Kafka offsets they came from, flushes them by size or age, and
 * commits the offsets only after ClickHouse accepted every table's batch. Up to `insertsInFlight`
 * flushes insert at once while the next batch fills; their commits still happen in flush order, each
 * after every earlier flush's rows are stored. A failed insert is retried with exponential backoff
 * until it succeeds (or the batcher is closed), so nothing is lost: at worst rows are written twice,
 * and the schema's dedup rules (docs/clickhouse-schema.md) collapse them.
 */
export class Batcher {
  private current: Generation = emptyGeneration();
  private inFlightRows = 0;
  private readonly flights = new Set<Promise<void>>();
  /** The latest flush: the next one commits only after it finished. */
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly abort = new AbortController();
  /** Offsets whose commit failed (e.g. during a rebalance); retried with the next commit. */
  private uncommitted = new Map<string, CommitOffset>();

  constructor(
    private readonly options: BatcherOptions,
    private readonly insert: InsertRows,
    private readonly commit: CommitOffsets,
    private readonly logger: Logger,
    private readonly metrics: SinkMetrics,
    /** Told when the buffer crosses its bound (pause consumption) and falls back (resume). */
    private readonly onPressure: (overloaded: boolean) => void = () => {},
  ) {}

  /** Rows buffered plus rows being inserted. */
  get pending(): number {
    return this.current.rows + this.inFlightRows;
  }

  get overloaded(): boolean {
    return this.pending >= this.options.maxBufferedRows;
  }

  /** Adds a row for `table`; `row` undefined still advances the offset (nothing to store). */
  add(table: string, row: object | undefined, topic: string, partition: number, offset: string): void {
    if (row !== undefined) this.addRow(table, row);
    this.advance(topic, partition, offset);
  }

  /**
   * Adds a row without moving any offset: for a run of messages from one partition, call `advance`
   * once with the last offset afterwards (before any flush can start), which saves a map update per row.
   */
  addRow(table: string, row: object): void {
    const g = this.current;
    let t = g.tables.get(table);
    if (t === undefined) {
      t = { format: 'JSONEachRow', rows: [], count: 0 };
      g.tables.set(table, t);
    }
    if (t.format !== 'JSONEachRow') throw new TypeError(`table ${table} is buffered as RowBinary`);
    t.rows.push(row);
    t.count++;
    this.counted(g);
  }

  /**
   * Encodes a row for `table` into the batch's RowBinary bytes at once, so nothing of it is kept but
   * its bytes; like `addRow`, moves no offset. When `encode` throws nothing is added and the error is
   * the caller's.
   */
  addEncoded<T>(table: string, encode: EncodeRow<T>, input: T): void {
    const g = this.current;
    let t = g.tables.get(table);
    if (t === undefined) {
      t = { format: 'RowBinary', out: new RowBinaryBuilder(), count: 0 };
      g.tables.set(table, t);
    }
    if (t.format !== 'RowBinary') throw new TypeError(`table ${table} is buffered as row objects`);
    encode(t.out, input);
    t.count++;
    this.counted(g);
  }

  private counted(g: Generation): void {
    if (g.rows === 0) g.firstAt = Date.now();
    g.rows++;
  }

  /** Marks a message as consumed without a row (skipped or undecodable). */
  advance(topic: string, partition: number, offset: string): void {
    const key = `${topic}\u0000${partition}`;
    this.current.offsets.set(key, { topic, partition, offset: String(Number(offset) + 1) });
  }

  /** Starts a flush when the buffer is full or old enough; signals pressure. Never waits. */
  maybeFlush(now = Date.now()): void {
    const g = this.current;
    const due =
      g.rows >= this.options.flushRows ||
      (g.offsets.size > 0 && (g.rows === 0 || now - g.firstAt >= this.options.flushAgeMs));
    if (due && this.flights.size < this.maxFlights) this.startFlush();
    this.metrics.buffered.set(this.pending);
    if (this.overloaded) this.onPressure(true);
  }

  /** Flushes everything buffered now and waits for it (and any flush in flight) to finish. */
  async drain(): Promise<void> {
    // A few rounds at most: a commit that keeps failing must not spin here forever.
    for (let round = 0; round < 3 && !this.closed; round++) {
      await this.settle();
      if (this.current.offsets.size === 0 && this.uncommitted.size === 0) return;
      this.startFlush();
      await this.settle();
    }
  }

  /** Stops retrying; rows not yet inserted stay uncommitted in Kafka and are read again next start. */
  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  /** Waits until no flush is in flight (a finishing flush may start the next one). */
  private async settle(): Promise<void> {
    while (this.flights.size > 0) await Promise.all(this.flights);
  }

  private get maxFlights(): number {
    return Math.max(1, this.options.insertsInFlight ?? 1);
  }

  private startFlush(): void {
    const g = this.current;
    this.current = emptyGeneration();
    this.inFlightRows += g.rows;
    const flight: Promise<void> = this.flushGeneration(g, this.tail).finally(() => {
      this.inFlightRows -= g.rows;
      this.flights.delete(flight);
      this.metrics.buffered.set(this.pending);
      if (!this.overloaded) this.onPressure(false);
      // Rows that arrived meanwhile may already be due.
      if (!this.closed) this.maybeFlush();
    });
    this.flights.add(flight);
    this.tail = flight;
  }

  private async flushGeneration(g: Generation, previous: Promise<void>): Promise<void> {
    for (const [table, t] of g.tables) {
      // A table whose only rows were refused by their encoder has nothing to insert.
      if (t.count === 0) continue;
      const batch: TableBatch =
        t.format === 'RowBinary'
          ? { format: 'RowBinary', chunks: t.out.chunks(), count: t.count }
          : { format: 'JSONEachRow', rows: t.rows, count: t.count };
      await this.insertWithRetry(table, batch);
      if (this.closed) return;
    }
    // An earlier flush may still be inserting: committing past its rows could lose them on a crash.
    await previous;
    if (this.closed) return;
    for (const [key, o] of g.offsets) this.uncommitted.set(key, o);
    const offsets = [...this.uncommitted.values()];
    try {
      await this.commit(offsets);
      for (const [key, o] of this.uncommitted) {
        if (offsets.includes(o)) this.uncommitted.delete(key);
      }
    } catch (err) {
      // The rows are stored; a failed commit only means they may be read (and deduplicated) again.
      this.metrics.commitFailures.inc();
      this.logger.warn(
        { err: toRingfenceError(err), partitions: offsets.length },
        'offset commit failed; will retry',
      );
    }
  }

  private async insertWithRetry(table: string, batch: TableBatch): Promise<void> {
    const rows = batch.count;
    try {
      await withRetry(
        async (attempt) => {
          const end = this.metrics.insertSeconds.startTimer({ table });
          await this.insert(table, batch);
          end();
          this.metrics.rowsInserted.inc({ table }, rows);
          if (attempt > 1) this.logger.info({ table, rows, attempt }, 'insert succeeded after retries');
        },
        {
          initialMs: this.options.retryInitialMs,
          maxMs: this.options.retryMaxMs,
          signal: this.abort.signal,
          retryable: () => !this.closed,
          onRetry: (err, attempt, delay) => {
            this.metrics.retries.inc({ table });
            this.logger.warn(
              { table, rows, attempt, retryInMs: delay, err: toRingfenceError(err).message },
              'insert failed; retrying',
            );
          },
        },
      );
    } catch (err) {
      // Only closing ends the retries: the rows are dropped with the batcher, not lost to an error.
      if (this.closed) return;
      throw err;
    }
  }
}

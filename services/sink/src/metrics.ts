import {
  counter,
  gauge,
  histogram,
  type Counter,
  type Gauge,
  type Histogram,
  type Registry,
} from '@ringfence/common';

export interface SinkMetrics {
  rowsInserted: Counter<'table'>;
  insertSeconds: Histogram<'table'>;
  retries: Counter<'table'>;
  commitFailures: Counter;
  decodeErrors: Counter<'topic'>;
  lag: Gauge<'topic' | 'partition'>;
  buffered: Gauge;
  paused: Gauge;
}

export function sinkMetrics(registry: Registry): SinkMetrics {
  return {
    rowsInserted: counter(
      registry,
      'ringfence_sink_rows_inserted_total',
      'Rows ClickHouse accepted, by table',
      ['table'],
    ),
    insertSeconds: histogram(
      registry,
      'ringfence_sink_insert_seconds',
      'Latency of one batch insert, by table',
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      ['table'],
    ),
    retries: counter(
      registry,
      'ringfence_sink_insert_retries_total',
      'Failed batch inserts that were retried',
      ['table'],
    ),
    commitFailures: counter(
      registry,
      'ringfence_sink_commit_failures_total',
      'Offset commits that failed (retried next flush)',
    ),
    decodeErrors: counter(
      registry,
      'ringfence_sink_decode_errors_total',
      'Messages that were not valid protobuf, skipped',
      ['topic'],
    ),
    lag: gauge(registry, 'ringfence_sink_consumer_lag', 'Messages behind the high watermark', [
      'topic',
      'partition',
    ]),
    buffered: gauge(registry, 'ringfence_sink_buffered_rows', 'Rows buffered or being inserted'),
    paused: gauge(
      registry,
      'ringfence_sink_paused',
      '1 while consumption is paused because the buffer is full',
    ),
  };
}

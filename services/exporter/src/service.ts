import { Cron } from 'croner';
import {
  counter,
  createClickHouse,
  createLogger,
  createMetrics,
  gauge,
  histogram,
  runService,
  startOpsServer,
  type LoadConfigOptions,
  type Logger,
  type Stop,
} from '@ringfence/common';
import { waitForSchema, type StoreDb } from '@ringfence/store';
import { loadExporterConfig, type ExporterConfig } from './config.js';
import { DirectoryTarget } from './directory-target.js';
import { exportPeriod } from './export-period.js';
import { localDay, periodFor, type PeriodType } from './period.js';
import { SerialQueue, periodsDue } from './scheduler.js';
import { loadSigner } from './signing.js';

export interface ExporterService {
  readonly opsPort: number;
  /** Resolves when the start-up catch-up has finished. */
  readonly caughtUp: Promise<void>;
  /** Queues a catch-up run of one period type now (what a cron tick does); resolves when it ran. */
  runNow(type: PeriodType): Promise<void>;
  readonly stop: Stop;
}

/**
 * Starts the exporter: ops server, a catch-up of every configured period type (periods missed while
 * down, plus re-checks of the latest ones for late data), then one cron job per period type. Exports
 * run one at a time.
 */
export async function startExporter(
  options: LoadConfigOptions & { config?: ExporterConfig; now?: () => number; logger?: Logger } = {},
): Promise<ExporterService> {
  const config: ExporterConfig = options.config ?? loadExporterConfig(options);
  const logger = options.logger ?? createLogger('exporter', config.logLevel);
  const now = options.now ?? Date.now;
  const signer = loadSigner(config.signingKey);
  // Checked at start-up (bad date, unknown zone) rather than on the first tick.
  const sinceMs =
    config.exportSince === '' ? undefined : periodFor('daily', config.exportSince, config.timeZone).fromMs;
  const registry = createMetrics('exporter');
  const exports = counter(
    registry,
    'ringfence_exporter_exports_total',
    'Period exports by period type and outcome',
    ['period', 'status'],
  );
  const lastSuccess = gauge(
    registry,
    'ringfence_exporter_last_success_timestamp_seconds',
    'Wall time of the last successful export run, by period type',
    ['period'],
  );
  const duration = histogram(
    registry,
    'ringfence_exporter_export_seconds',
    'Time to export one period',
    [0.1, 0.5, 1, 5, 15, 60, 300],
  );
  const ops = await startOpsServer({ host: config.opsHost, port: config.opsPort, registry });
  const ch = createClickHouse({
    url: config.clickhouseUrl,
    database: config.clickhouseDatabase,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
  });
  const db: StoreDb = { ch, database: config.clickhouseDatabase };
  const target = new DirectoryTarget(config.outDir);
  const queue = new SerialQueue(logger);
  let stopping = false;

  const runType = async (type: PeriodType): Promise<void> => {
    if (stopping) return;
    const due = await periodsDue({
      type,
      timeZone: config.timeZone,
      nowMs: now(),
      target,
      catchUpPeriods: config.catchUpPeriods,
      recheckPeriods: config.recheckPeriods,
      ...(sinceMs === undefined ? {} : { sinceMs }),
    });
    for (const p of due) {
      // On SIGTERM the export in progress finishes; the rest wait for the next start's catch-up.
      if (stopping) return;
      const end = duration.startTimer();
      try {
        const r = await exportPeriod({
          db,
          target,
          signer,
          period: type,
          date: localDay(config.timeZone, p.fromMs),
          timeZone: config.timeZone,
          language: config.reportLanguage,
          calleeHashKey: config.calleeHashKey,
          minLevel: config.minLevel,
          topReasons: config.topReasons,
          samplesPerSource: config.samplesPerSource,
        });
        exports.inc({ period: type, status: r.status });
        logger.info(
          { period: type, label: p.label, revision: r.revision, status: r.status, location: r.location },
          'exported',
        );
      } catch (err) {
        exports.inc({ period: type, status: 'error' });
        throw err;
      } finally {
        end();
      }
    }
    lastSuccess.set({ period: type }, Math.floor(Date.now() / 1000));
  };
  const runNow = (type: PeriodType): Promise<void> => queue.push(() => runType(type));

  // The schema must exist before the first read; only `ringfence db migrate` creates it.
  await waitForSchema(
    {
      url: config.clickhouseUrl,
      database: config.clickhouseDatabase,
      username: config.clickhouseUser,
      password: config.clickhousePassword,
    },
    { logger },
  );
  const caughtUp = Promise.all(config.periods.map((t) => runNow(t))).then(() => undefined);
  const crons: Record<PeriodType, string> = {
    daily: config.dailyCron,
    weekly: config.weeklyCron,
    monthly: config.monthlyCron,
  };
  const jobs = config.periods
    .filter((t) => crons[t].trim() !== '')
    .map(
      (t) =>
        new Cron(crons[t], { timezone: config.timeZone, name: `export-${t}` }, () => {
          void runNow(t);
        }),
    );
  ops.setReady(true);
  logger.info({ opsPort: ops.port, outDir: config.outDir, periods: config.periods }, 'ready');

  return {
    opsPort: ops.port,
    caughtUp,
    runNow,
    stop: async () => {
      stopping = true;
      ops.setReady(false);
      for (const j of jobs) j.stop();
      await queue.idle();
      await ch.close();
      await ops.close();
    },
  };
}

/** Process entry: start, and stop cleanly on SIGTERM/SIGINT. */
export function main(): void {
  const config = loadExporterConfig();
  const logger = createLogger('exporter', config.logLevel);
  runService(logger, async () => (await startExporter({ config, logger })).stop);
}

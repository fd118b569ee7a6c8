import type { Command } from 'commander';
import { z } from 'zod';
import { baseConfigShape, cfg, createClickHouse, loadConfig } from '@ringfence/common';
import {
  DEFAULT_RETENTION,
  acquireSchemaLock,
  applyRetention,
  migrate,
  retentionDaysConfig,
  status,
  waitForSchema,
  type StoreTarget,
} from '@ringfence/store';
import { print } from '../output.js';

/** What `ringfence db` reads from the environment (test/deploy.test.ts holds the manifests to it). */
export const dbConfigSchema = z.object({
  clickhouseUrl: baseConfigShape.clickhouseUrl,
  clickhouseDatabase: baseConfigShape.clickhouseDatabase,
  clickhouseUser: baseConfigShape.clickhouseUser,
  clickhousePassword: baseConfigShape.clickhousePassword,
  clickhouseCluster: baseConfigShape.clickhouseCluster,
  /**
   * Every ClickHouse server's HTTP URL, comma-separated, on the cluster layout: schema changes and
   * retention run on one server of each shard. Unset: each host of the cluster on CLICKHOUSE_URL's
   * port, right wherever every server listens on the same port.
   */
  clickhouseClusterUrls: cfg.list().pipe(z.array(z.url())).optional(),
  /** Per-table retention in days as JSON, e.g. {"cdr":90}; unlisted tables keep the defaults. */
  retentionDays: retentionDaysConfig(),
});

function config(database: string | undefined): z.infer<typeof dbConfigSchema> {
  return loadConfig(dbConfigSchema, {
    overrides: database === undefined ? {} : { clickhouseDatabase: database },
  });
}

function target(c: z.infer<typeof dbConfigSchema>): StoreTarget & { username: string; password: string } {
  return {
    url: c.clickhouseUrl,
    database: c.clickhouseDatabase,
    username: c.clickhouseUser,
    password: c.clickhousePassword,
    ...(c.clickhouseCluster === undefined ? {} : { cluster: c.clickhouseCluster }),
    ...(c.clickhouseClusterUrls === undefined ? {} : { clusterUrls: c.clickhouseClusterUrls }),
  };
}

export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description(
      'the ClickHouse schema: migrations, status, retention (CLICKHOUSE_URL, CLICKHOUSE_DATABASE, CLICKHOUSE_CLUSTER, CLICKHOUSE_CLUSTER_URLS)',
    )
    .option('--database <name>', 'database (default $CLICKHOUSE_DATABASE or ringfence)');
  db.command('migrate')
    .description('apply pending migrations in order under the schema lock (idempotent); the only migrator')
    .action(async () => {
      const c = config(db.opts<{ database?: string }>().database);
      const applied = await migrate(target(c));
      print(
        applied.length === 0
          ? `${c.clickhouseDatabase}: up to date`
          : `${c.clickhouseDatabase}: applied ${applied.join(', ')}`,
      );
    });
  db.command('status')
    .description('list migrations and whether each is applied; exits 1 when any is pending or changed')
    .action(async () => {
      const c = config(db.opts<{ database?: string }>().database);
      const list = await status(target(c));
      for (const s of list) {
        print(
          `${String(s.version).padStart(4)}  ${s.name.padEnd(24)} ${s.state.padEnd(8)} ${s.appliedAt ?? '-'}  ${s.checksum.slice(0, 12)}`,
        );
      }
      process.exitCode = list.every((s) => s.state === 'applied') ? 0 : 1;
    });
  db.command('retention')
    .description(
      `drop partitions older than each table's retention (RETENTION_DAYS JSON; defaults ${JSON.stringify(DEFAULT_RETENTION)}); the only place retention runs`,
    )
    .action(async () => {
      const c = config(db.opts<{ database?: string }>().database);
      // Fails at once (UNAVAILABLE) on a database that was never migrated: there is nothing to retain.
      await waitForSchema(target(c), { timeoutMs: 0 });
      const t = target(c);
      const ch = createClickHouse(t);
      try {
        // Under the schema lock: never dropping partitions while a migration rewrites a table.
        const lease = await acquireSchemaLock(ch, c.clickhouseDatabase);
        try {
          const dropped = await applyRetention(t, c.retentionDays);
          for (const d of dropped) print(`dropped ${d.table} partition ${d.partition}`);
          print(`${dropped.length} partition(s) dropped`);
        } finally {
          await lease.release();
        }
      } finally {
        await ch.close();
      }
    });
}

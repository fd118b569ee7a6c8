import { PrivateClickHouseCluster, testStack, type TestStack } from '@ringfence/common/testing';
import type { StoreDb, StoreTarget } from '../src/index.js';

/** A scope (own database) on one layout's servers. */
export interface LayoutScope {
  readonly stack: TestStack;
  /** Set on the cluster layout (CLICKHOUSE_CLUSTER). */
  readonly cluster: string | undefined;
  /** Where `database` (default: the scope's) is migrated on this layout. */
  target(database?: string): StoreTarget;
  /** A StoreDb of `database` (default: the scope's) on its own client. */
  db(database?: string): StoreDb;
  /** Drops the scope's data: the database on the shared server, the whole private cluster. */
  close(): Promise<void>;
}

/** One way of running the store's schema: the store's integration tests run on each. */
export interface Layout {
  readonly name: string;
  start(): Promise<LayoutScope>;
}

/**
 * The single server (the shared stack's) and the cluster layout (2 shards × 2 replicas and
 * ZooKeeper, private to the test file that starts it: one start per file, about 10 s).
 */
export const LAYOUTS: readonly Layout[] = [
  {
    name: 'one server',
    start() {
      const stack = testStack();
      return Promise.resolve({
        stack,
        cluster: undefined,
        target: (database = stack.database) => ({ url: stack.clickhouseUrl, database }),
        db: (database = stack.database) => ({ ch: stack.clickhouse(), database }),
        close: () => stack.dropDatabase(),
      });
    },
  },
  {
    name: 'cluster of 2 shards x 2 replicas',
    async start() {
      const c = await PrivateClickHouseCluster.start();
      const stack = c.scope();
      return {
        stack,
        cluster: c.cluster,
        target: (database = stack.database) => ({ url: c.clickhouseUrl, database, cluster: c.cluster }),
        db: (database = stack.database) => ({ ch: stack.clickhouse(), database, cluster: c.cluster }),
        close: () => c.destroy(),
      };
    },
  },
];

import type { ClickHouseClient } from './clickhouse.js';
import { PrivateClickHouseCluster } from './private-clickhouse-cluster.js';
import { testStack, type TestStack } from './test-stack.js';

/** Where a schema is migrated (the store's StoreTarget). */
export interface LayoutTarget {
  url: string;
  database: string;
  cluster?: string;
  clusterUrls?: readonly string[];
}

/** A client on a database (the store's StoreDb). */
export interface LayoutDb {
  readonly ch: ClickHouseClient;
  readonly database: string;
  readonly cluster?: string;
}

/** A scope (own database) on one layout's servers. */
export interface LayoutScope {
  readonly stack: TestStack;
  /** Set on the cluster layout (CLICKHOUSE_CLUSTER). */
  readonly cluster: string | undefined;
  /** Where `database` (default: the scope's) is migrated on this layout. */
  target(database?: string): LayoutTarget;
  /** A StoreDb of `database` (default: the scope's) on its own client. */
  db(database?: string): LayoutDb;
  /** Drops the scope's data: the database on the shared server, the whole private cluster. */
  close(): Promise<void>;
}

/** One way of running the store's schema: the tests of the store's queries run on each. */
export interface ClickHouseLayout {
  readonly name: string;
  start(): Promise<LayoutScope>;
}

/**
 * The single server (the shared stack's) and the cluster layout (2 shards × 2 replicas and
 * ZooKeeper, private to the test file that starts it: one start per file, about 10 s).
 */
export const CLICKHOUSE_LAYOUTS: readonly ClickHouseLayout[] = [
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
        target: (database = stack.database) => ({
          url: c.clickhouseUrl,
          database,
          cluster: c.cluster,
          clusterUrls: c.urls,
        }),
        db: (database = stack.database) => ({ ch: stack.clickhouse(), database, cluster: c.cluster }),
        close: () => c.destroy(),
      };
    },
  },
];

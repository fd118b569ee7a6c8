import { describe, expect, it } from 'vitest';
import { clusterNodes } from '../../src/stack/clickhouse-cluster.js';

describe('the cluster layout of the local stack', () => {
  it('lays out 2 shards x 2 replicas from the base ports by default', () => {
    expect(clusterNodes({ httpPort: 8123, tcpPort: 9000 }, undefined)).toEqual([
      { name: 's1r1', shard: 1, httpPort: 8123, tcpPort: 9000, interserverPort: 9009 },
      { name: 's1r2', shard: 1, httpPort: 8124, tcpPort: 9001, interserverPort: 9010 },
      { name: 's2r1', shard: 2, httpPort: 8125, tcpPort: 9002, interserverPort: 9011 },
      { name: 's2r2', shard: 2, httpPort: 8126, tcpPort: 9003, interserverPort: 9012 },
    ]);
  });

  it('takes every port from CLICKHOUSE_CLUSTER_PORTS when set', () => {
    const ports = Array.from({ length: 12 }, (_, i) => 20_000 + i);
    const nodes = clusterNodes({ httpPort: 8123, tcpPort: 9000 }, ports);
    expect(nodes.map((n) => [n.httpPort, n.tcpPort, n.interserverPort])).toEqual([
      [20_000, 20_001, 20_002],
      [20_003, 20_004, 20_005],
      [20_006, 20_007, 20_008],
      [20_009, 20_010, 20_011],
    ]);
  });
});

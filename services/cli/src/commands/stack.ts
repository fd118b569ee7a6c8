import { InvalidArgumentError, Option, type Command } from 'commander';
import { COMPONENTS, stackDown, stackStatus, stackUp, type Component } from '../stack/stack.js';
import { print } from '../output.js';

function brokerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5)
    throw new InvalidArgumentError('expected a whole number from 1 to 5');
  return n;
}

export function registerStack(program: Command): void {
  const only = new Option('--only <component...>', 'limit to these components').choices(COMPONENTS);
  const stack = program
    .command('stack')
    .description('the local Kafka (KRaft, from Maven Central) and ClickHouse');
  stack
    .command('up')
    .description('start Kafka and ClickHouse on 127.0.0.1 (idempotent; skipped for external clusters)')
    .addOption(only)
    .option(
      '--brokers <n>',
      'Kafka nodes (combined broker+controller, replication factor min(n, 3), min.insync.replicas one less); fixed when the stack is first formatted',
      brokerCount,
    )
    .option(
      '--clickhouse-cluster',
      'ClickHouse as 2 shards x 2 replicas coordinated by ZooKeeper (cluster `ringfence`), not one server',
    )
    .action(async (o: { only?: Component[]; brokers?: number; clickhouseCluster?: boolean }) =>
      stackUp(print, o.only, undefined, {
        brokers: o.brokers,
        clickhouseCluster: o.clickhouseCluster === true,
      }),
    );
  stack
    .command('down')
    .description('stop what `stack up` started (by pid file)')
    .addOption(only)
    .option('--clickhouse-node <name...>', 'stop only these servers of the cluster layout (s1r1 ... s2r2)')
    .action(async (o: { only?: Component[]; clickhouseNode?: string[] }) =>
      stackDown(print, o.only, o.clickhouseNode),
    );
  stack
    .command('status')
    .description("print each component's health; exits 1 when one is down")
    .action(async () => {
      const { lines, healthy } = await stackStatus();
      for (const l of lines) print(l);
      process.exitCode = healthy ? 0 : 1;
    });
}

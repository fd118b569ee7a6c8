/**
 * Decision latency: how long after an operator decides (the console's JSON API answers) the switch
 * hears it (risk-api answers with the decision): console → feedback.v1 → scorer → caller-risk.v1 →
 * risk-api, each service with its default timings, scorer and risk-api as child processes on the
 * shared local stack. Each decision is a BLOCKLIST on a fresh number, one at a time; risk-api is
 * asked every 5 ms, so figures are at most 5 ms (plus one check) late. Baseline: one check alone.
 * Last stdout line: the bench JSON (docs/developing.md).
 */
import { testStack } from '@ringfence/common/testing';
import { DecisionPath } from '../../../test/support/decision-path.js';

const DECISIONS = Number(process.env['BENCH_DECISIONS'] ?? 50);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const stack = testStack();
  const path = await DecisionPath.start(stack);
  try {
    const checks: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await path.check('+8613800000000');
      checks.push(performance.now() - t);
    }
    const times: number[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const number = `+86138${String(30_000_000 + i)}`;
      const since = performance.now();
      await path.decide(number, 'blocklist');
      times.push(await path.until(number, (a) => a.decidedBy === 'blocklist', since));
      process.stderr.write(`decision ${i + 1}: ${Math.round(times[times.length - 1]!)} ms\n`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round = (ms: number): number => Math.round(ms);
    const check = [...checks].sort((a, b) => a - b);
    const baseline = {
      metric: 'one risk-api check alone (p50)',
      value: round(quantile(check, 0.5) * 10) / 10,
      unit: 'ms',
    };
    const notes = `${DECISIONS} BLOCKLIST decisions on fresh numbers, one at a time, from the console API call to the first risk-api answer naming it (polled every 5 ms); min ${round(sorted[0]!)} ms, max ${round(sorted[sorted.length - 1]!)} ms; scorer and risk-api with default settings`;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'cli/decision-latency',
        results: [
          {
            metric: 'operator decision to risk-api answer, p50',
            value: round(quantile(sorted, 0.5)),
            unit: 'ms',
            baseline,
            notes,
          },
          {
            metric: 'operator decision to risk-api answer, p99',
            value: round(quantile(sorted, 0.99)),
            unit: 'ms',
            target: '<= 2000',
            baseline,
            notes,
          },
        ],
      })}\n`,
    );
  } finally {
    await path.stop();
    await stack.deleteTopics();
    await stack.dropDatabase();
  }
}

await main();

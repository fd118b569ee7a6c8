import { InvalidArgumentError, type Command } from 'commander';
import { loadRules, scoreFile } from '@ringfence/engine';
import { print } from '../output.js';

interface ScoreOptions {
  complaints?: string;
  config?: string;
  out: string;
  partitions?: { numbers: number; sources: number };
}

/** `--partitions 24,12`: cdr.v1's and scorer.source-events.v1's partition counts. */
function parsePartitions(value: string): { numbers: number; sources: number } {
  const m = /^([1-9]\d{0,4}),([1-9]\d{0,4})$/.exec(value.trim());
  if (m === null)
    throw new InvalidArgumentError(
      `expected two partition counts "<cdr.v1>,<scorer.source-events.v1>" (e.g. 6,6), got "${value}"`,
    );
  return { numbers: Number(m[1]), sources: Number(m[2]) };
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'score a CDR file offline with the same engine the scorer runs; writes one verdict per flagged subject',
    )
    .argument('<file>', 'CDR file (JSONL or CSV, gzip ok)')
    .option('--complaints <file>', 'complaints file merged in by event time')
    .option('--config <rules.json>', 'rules file (default: the engine shipped rules)')
    .requiredOption('--out <verdicts.jsonl>', 'where to write the verdicts')
    .option(
      '--partitions <cdr,sources>',
      "partition counts of cdr.v1 and scorer.source-events.v1, as the scorer's (default: 6,6, the local stack's)",
      parsePartitions,
    )
    .action(async (file: string, o: ScoreOptions) => {
      const rules = loadRules(o.config);
      const started = performance.now();
      const r = await scoreFile(file, {
        complaints: o.complaints,
        rules,
        out: o.out,
        partitions: o.partitions,
      });
      const seconds = (performance.now() - started) / 1000;
      const byLevel: Record<string, number> = {};
      for (const v of r.verdicts)
        byLevel[`${v.kind}:${v.level}`] = (byLevel[`${v.kind}:${v.level}`] ?? 0) + 1;
      print(
        `scored ${r.cdrs} CDRs (${r.rejected} rejected, ${r.complaints} complaints, ${r.lateRecords} late, ${r.duplicates} duplicates ignored) in ${seconds.toFixed(1)} s`,
      );
      print(`verdicts: ${r.verdicts.length} subjects, ${r.alerts} alerts -> ${o.out}`);
      for (const [k, n] of Object.entries(byLevel).sort()) print(`  ${k} ${n}`);
    });
}

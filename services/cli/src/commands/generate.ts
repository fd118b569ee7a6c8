import { Option, type Command } from 'commander';
import { RingfenceError } from '@ringfence/common';
import {
  LABEL_CLASSES,
  OPTIONAL_FIELDS,
  generateToFiles,
  type GenerateSummary,
  type OptionalField,
} from '@ringfence/generator';
import { print } from '../output.js';

interface GenerateFlags {
  subscribers: string;
  hours: string;
  seed: string;
  out: string;
  start?: string;
  badRate: string;
  callsPerDay?: string;
  complaintScale?: string;
  without?: string;
}

function num(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new RingfenceError('INVALID_ARGUMENT', `${flag} must be a number, got "${value}"`, {
      detail: { field: flag },
    });
  return n;
}

function optionalFields(value: string): OptionalField[] {
  const names = value.split(',').map((s) => s.trim());
  return names.map((name) => {
    const field = OPTIONAL_FIELDS.find((f) => f === name);
    if (field === undefined)
      throw new RingfenceError(
        'INVALID_ARGUMENT',
        `--without names "${name}"; expected a comma-separated list of ${OPTIONAL_FIELDS.join(', ')}`,
        { detail: { field: '--without' } },
      );
    return field;
  });
}

const MAX_CAMPAIGN_LINES = 12;

function printSummary(s: GenerateSummary, paths: { cdrs: string; complaints: string; labels: string }): void {
  print(`period      ${new Date(s.startMs).toISOString()} .. ${new Date(s.endMs).toISOString()}`);
  print(`subscribers ${s.subscribers}`);
  print(`records     ${s.records} (${s.badRecords} deliberately bad) -> ${paths.cdrs}`);
  print(`complaints  ${s.complaints} -> ${paths.complaints}`);
  print(`labels      ${s.labels} -> ${paths.labels}`);
  print('calls by category:');
  for (const [cat, n] of Object.entries(s.callsByCategory)) print(`  ${cat.padEnd(20)} ${n}`);
  for (const cls of LABEL_CLASSES) {
    print(`${cls} subjects by category:`);
    for (const [cat, n] of Object.entries(s.labelled[cls])) print(`  ${cat.padEnd(20)} ${n}`);
  }
  print(`campaigns   ${s.campaigns.length}`);
  for (const c of s.campaigns.slice(0, MAX_CAMPAIGN_LINES)) {
    const sources = c.sources.length > 0 ? ` sources=${c.sources.join(',')}` : '';
    print(`  ${c.id.padEnd(14)} ${c.category.padEnd(10)} numbers=${c.numbers}${sources}`);
  }
  if (s.campaigns.length > MAX_CAMPAIGN_LINES)
    print(`  ... and ${s.campaigns.length - MAX_CAMPAIGN_LINES} more`);
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write synthetic CDRs, complaints and ground-truth labels (deterministic by seed)')
    .requiredOption('--subscribers <n>', 'ordinary subscribers')
    .requiredOption('--hours <h>', 'hours of traffic')
    .requiredOption('--seed <s>', 'integer seed; same arguments give byte-identical files')
    .requiredOption(
      '--out <file>',
      'CDR JSONL file (.jsonl or .jsonl.gz); complaints and labels go next to it',
    )
    .option('--start <iso>', 'start instant (ISO-8601 or epoch ms); default 2026-11-02T00:00:00+08:00')
    .option('--bad-rate <r>', 'share of deliberately malformed CDR lines', '0')
    .addOption(new Option('--calls-per-day <n>', 'mean calls per ordinary subscriber per day'))
    .addOption(new Option('--complaint-scale <x>', 'multiplies every complaint probability'))
    .addOption(
      new Option(
        '--without <fields>',
        `leave these fields off every CDR, as a network without them would (${OPTIONAL_FIELDS.join(', ')})`,
      ),
    )
    .action(async (f: GenerateFlags) => {
      const { summary, paths } = await generateToFiles(
        {
          subscribers: num(f.subscribers, '--subscribers'),
          hours: num(f.hours, '--hours'),
          seed: num(f.seed, '--seed'),
          ...(f.start === undefined ? {} : { start: f.start }),
          badRate: num(f.badRate, '--bad-rate'),
          ...(f.callsPerDay === undefined
            ? {}
            : { ordinaryCallsPerDay: num(f.callsPerDay, '--calls-per-day') }),
          ...(f.complaintScale === undefined
            ? {}
            : { complaintScale: num(f.complaintScale, '--complaint-scale') }),
          ...(f.without === undefined ? {} : { without: optionalFields(f.without) }),
        },
        f.out,
      );
      printSummary(summary, paths);
    });
}

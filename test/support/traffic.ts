import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateToFiles, type GenerateOptions } from '@ringfence/generator';

/** Generated CDRs as JSONL lines, with the event-time span they cover. */
export interface Traffic {
  readonly lines: string[];
  readonly startMs: number;
  readonly endMs: number;
}

/** Generates CDRs with @ringfence/generator into `dir` and returns their lines. */
export async function generatedTraffic(
  dir: string,
  options: GenerateOptions,
  name: string,
): Promise<Traffic> {
  const { summary, paths } = await generateToFiles(options, join(dir, `${name}.jsonl`));
  const lines = readFileSync(paths.cdrs, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  return { lines, startMs: summary.startMs, endMs: summary.endMs };
}

/**
 * A robocaller nobody can miss: `calls` unanswered one-second calls to sequential numbers, one every
 * five seconds from `startMs` (attempt, distinct-callee, answer-ratio and sequential-dialling rules
 * all fire, so the caller reaches HIGH). `caller` is a national mobile number like 18612340001.
 */
export function robocallLines(caller: string, startMs: number, calls = 60): string[] {
  const lines: string[] = [];
  for (let i = 0; i < calls; i++) {
    const setup = startMs + i * 5_000;
    lines.push(
      JSON.stringify({
        call_id: `robo-${caller}-${startMs}-${i}`,
        switch_id: 'sw-fault',
        setup_time: new Date(setup).toISOString(),
        answer_time: null,
        release_time: new Date(setup + 1_000).toISOString(),
        calling: caller,
        called: String(13_900_000_000 + i),
        ingress_trunk: 'trunk-fault',
        ingress_carrier: 'CU',
        release_cause: 19,
        media: 'audio',
      }),
    );
  }
  return lines;
}

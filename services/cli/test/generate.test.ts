import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { registerGenerate } from '../src/commands/generate.js';

async function cli(args: string[]): Promise<string> {
  const program = new Command('ringfence').exitOverride();
  registerGenerate(program);
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

/** `ringfence generate` with the required flags, then `extra`. */
function generateArgs(
  subscribers: string,
  hours: string,
  seed: string,
  out: string,
  ...extra: string[]
): string[] {
  return ['generate', '--subscribers', subscribers, '--hours', hours, '--seed', seed, '--out', out, ...extra];
}

describe('ringfence generate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-cli-gen-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes CDRs, complaints and labels and prints a summary', async () => {
    const out = join(dir, 'run.jsonl');
    const text = await cli(generateArgs('500', '12', '5', out));
    const cdrs = (await readFile(out, 'utf8')).split('\n').filter((l) => l !== '');
    expect(text).toContain(`records     ${cdrs.length} (0 deliberately bad)`);
    expect(text).toMatch(/harasser subjects by category:\n(?: {2}\S+ +\d+\n)+/);
    expect(text).toMatch(/campaigns {3}\d+/);
    const labels = (await readFile(join(dir, 'run.labels.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '');
    expect(labels.length).toBeGreaterThan(10);
    await readFile(join(dir, 'run.complaints.jsonl'), 'utf8');
  });

  it('refuses a non-numeric argument with INVALID_ARGUMENT', async () => {
    const err = await cli(generateArgs('many', '1', '1', join(dir, 'x.jsonl'))).catch((e: unknown) => e);
    expect(isRingfenceError(err, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('leaves the fields named by --without off every CDR', async () => {
    const out = join(dir, 'bare.jsonl');
    await cli(generateArgs('300', '6', '7', out));
    const withAll = (await readFile(out, 'utf8')).split('\n').filter((l) => l !== '');
    expect(withAll.some((l) => l.includes('"attestation"'))).toBe(true);
    await cli(generateArgs('300', '6', '7', out, '--without', 'attestation,location'));
    const bare = (await readFile(out, 'utf8')).split('\n').filter((l) => l !== '');
    expect(bare.length).toBeGreaterThan(100);
    expect(bare.some((l) => l.includes('"attestation"'))).toBe(false);
    expect(bare.some((l) => l.includes('"calling_location"'))).toBe(false);
    expect(bare.some((l) => l.includes('"device_id"'))).toBe(true);
  });

  it('refuses an unknown field in --without, naming the ones it knows', async () => {
    const err = await cli(
      generateArgs('10', '1', '1', join(dir, 'y.jsonl'), '--without', 'attestation,imsi'),
    ).catch((e: unknown) => e);
    expect(isRingfenceError(err, 'INVALID_ARGUMENT')).toBe(true);
    expect(String((err as Error).message)).toContain('attestation, device, location');
  });
});

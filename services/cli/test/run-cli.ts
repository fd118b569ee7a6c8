import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `args` through a program with the given commands, capturing what it writes. */
export async function runCli(register: (program: Command) => void, args: string[]): Promise<CliResult> {
  const program = new Command('ringfence').exitOverride();
  register(program);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = before;
    out.mockRestore();
    err.mockRestore();
  }
}

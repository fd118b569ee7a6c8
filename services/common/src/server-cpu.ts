import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackComponent } from './private-stack.js';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux Node supports). */
const USER_HZ = 100;

/**
 * CPU seconds (user + system) a server of the shared local stack (`ringfence stack up`) has used so
 * far, read from /proc through the stack's pid file; undefined when it is not ours to read. It
 * counts every client's work, so benches report it per record beside their own CPU.
 */
export function stackServerCpuSeconds(component: StackComponent): number | undefined {
  try {
    const dir = process.env['RINGFENCE_STACK_DIR'] ?? join(process.cwd(), '.stack');
    return processCpuSeconds(Number(readFileSync(join(dir, component, `${component}.pid`), 'utf8').trim()));
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) process `pid` has used so far, from /proc; undefined when unreadable. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / USER_HZ : undefined;
  } catch {
    return undefined;
  }
}

/** The most resident memory process `pid` has held so far (VmHWM), from /proc; undefined when unreadable. */
export function processPeakRssBytes(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** One line to stdout: the CLI's human-readable output channel (logs go to stderr as JSON). */
export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logTail } from '../../src/stack/process.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-logtail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function log(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('logTail', () => {
  const numbered = Array.from({ length: 20 }, (_, i) => `[t] INFO line ${i}`);

  it('gives the last lines of a log', () => {
    expect(logTail(log('plain.log', numbered), 3)).toBe(numbered.slice(-3).join('\n'));
  });

  it('picks out the matching lines, each with the exception line under it, but not the next entry', () => {
    const file = log('errors.log', [
      '[t] INFO starting',
      '[t] ERROR [KafkaServer id=1] Fatal error during startup',
      'org.apache.kafka.common.KafkaException: Socket server failed to bind: Address already in use',
      '\tat kafka.network.Acceptor.openServerSocket(SocketServer.scala:700)',
      '[t] ERROR second failure',
      '[t] INFO shutting down',
    ]);
    expect(logTail(file, 3, / (ERROR|FATAL) /)).toBe(
      [
        '[t] ERROR [KafkaServer id=1] Fatal error during startup',
        'org.apache.kafka.common.KafkaException: Socket server failed to bind: Address already in use',
        '[t] ERROR second failure',
      ].join('\n'),
    );
  });

  it('falls back to the last lines when nothing matches, and is empty for a log that is not there', () => {
    expect(logTail(log('quiet.log', numbered), 2, / ERROR /)).toBe(numbered.slice(-2).join('\n'));
    expect(logTail(join(dir, 'missing.log'), 5)).toBe('');
  });
});

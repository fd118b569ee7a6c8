import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/run/status.js';
import { PanelView, PlainView } from '../../src/run/view.js';

/** Just enough of a terminal's stdout: a size, resize events, and what was written. */
class FakeTerminal extends EventEmitter {
  columns = 80;
  rows = 30;
  written = '';
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
}

const snapshot: StatusSnapshot = {
  atMs: 0,
  services: [{ name: 'ingest', state: 'up', restarts: 0 }],
  cdrsPerSecond: 10,
  cdrsTotal: 100,
  scorerLag: 0,
  eventTimeMs: Date.UTC(2026, 11, 3, 1, 0, 0),
  eventRate: 30,
  flagged: { numbers: 3, numbersHigh: 1, sources: 1 },
  alerts: [],
};

describe('the terminal panel', () => {
  it('redraws in place from the top, keeps the addresses, and hands the terminal back on stop', () => {
    const term = new FakeTerminal();
    const view = new PanelView(term as unknown as NodeJS.WriteStream, '.stack/logs', false);
    view.phase('db-migrate');
    view.running(['console   http://127.0.0.1:8080/  user "admin", password "pw"']);
    view.status(snapshot);
    view.status({ ...snapshot, cdrsTotal: 200 });
    const frames = term.written.split('\x1b[H');
    const last = stripVTControlCharacters(frames.at(-1) ?? '');
    expect(last).toContain('200 CDRs');
    expect(last).not.toContain('100 CDRs');
    expect(last).toContain('password "pw"');
    // Every frame fits: no line wider than the terminal.
    for (const line of last.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(term.written.startsWith('\x1b[?25l')).toBe(true);

    view.stopping();
    view.line('kafka: stopped');
    view.event({ name: 'scorer', kind: 'stopped', status: 'SIGTERM' });
    view.close();
    const after = term.written.slice(term.written.lastIndexOf('\x1b[J') + 3);
    // After the stop, lines come one after another below the panel, and the cursor is back.
    expect(after).toContain('\x1b[?25h');
    expect(stripVTControlCharacters(after)).toBe(
      'stopping everything this job started (Ctrl-C again to force)\nkafka: stopped\nscorer stopped\n',
    );
  });
});

describe('the plain view', () => {
  it('writes lines only, and leaves out one-shot jobs that finished well', () => {
    const lines: string[] = [];
    const view = new PlainView((l) => lines.push(l));
    view.event({ name: 'replay#3', kind: 'finished', status: '0' });
    view.event({ name: 'replay#4', kind: 'finished', status: '1' });
    view.event({ name: 'scorer', kind: 'restarting', status: '1', delayMs: 500 });
    view.status(snapshot);
    expect(lines.slice(0, 2)).toEqual([
      '[run] replay#4 finished (1)',
      '[run] scorer exited (1); restarting in 500 ms',
    ]);
    expect(lines[2]).toMatch(/^\[status\] services 1\/1 up/);
    for (const l of lines) expect(l).toBe(stripVTControlCharacters(l));
  });
});

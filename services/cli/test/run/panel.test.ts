import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventTime, renderPanel, scorerDelayMs, statusLine } from '../../src/run/panel.js';
import type { StatusSnapshot } from '../../src/run/status.js';

const snapshot = (over: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
  atMs: Date.UTC(2026, 11, 3, 7, 0, 0),
  services: [
    { name: 'ingest', state: 'up', restarts: 0 },
    { name: 'scorer', state: 'restarting', restarts: 2 },
  ],
  cdrsPerSecond: 1500,
  cdrsTotal: 123_456,
  scorerLag: 3000,
  eventTimeMs: Date.UTC(2026, 11, 3, 2, 42, 10),
  eventRate: 30,
  flagged: { numbers: 45, numbersHigh: 12, sources: 7 },
  alerts: [
    {
      timeMs: Date.UTC(2026, 11, 3, 2, 42, 1),
      kind: 'number',
      id: '+8613800138000',
      toLevel: 'HIGH',
      category: 'robocall',
    },
  ],
  ...over,
});

const plain = (text: string): string => stripVTControlCharacters(text);

describe('the status line (plain mode)', () => {
  it('gives every figure on one line, event time in UTC+8', () => {
    const line = statusLine(snapshot());
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('services 1/2 up (scorer restarting)');
    expect(line).toContain('in 1,500 CDR/s (123,456 total)');
    // 3000 records behind at 1500/s is 2 s of traffic, at 30x event time a minute.
    expect(line).toContain('scorer lag 3,000 · event-time delay ≈ 60 s');
    expect(line).toContain('event time 2026-12-03 10:42:10 UTC+8');
    expect(line).toContain('flagged 45 numbers (12 HIGH), 7 sources');
    expect(line).toContain('latest alert number +8613800138000 HIGH robocall');
    expect(line).toBe(plain(line));
  });

  it('shows a dash for a figure that could not be read, not a zero', () => {
    const line = statusLine(snapshot({ cdrsPerSecond: undefined, scorerLag: undefined, flagged: undefined }));
    expect(line).toContain('in – CDR/s');
    expect(line).toContain('scorer lag – · event-time delay –');
    expect(line).toContain('flagged – numbers');
  });
});

describe('the scorer event-time delay', () => {
  it('is zero when caught up, unknown when records wait and none come in', () => {
    expect(scorerDelayMs(snapshot({ scorerLag: 0, cdrsPerSecond: 0 }))).toBe(0);
    expect(scorerDelayMs(snapshot({ cdrsPerSecond: 0 }))).toBeUndefined();
    expect(scorerDelayMs(snapshot({ eventRate: undefined }))).toBeUndefined();
    expect(scorerDelayMs(snapshot())).toBe(60_000);
  });
});

describe('the panel (terminal mode)', () => {
  const input = {
    phase: undefined,
    startedMs: Date.UTC(2026, 11, 3, 7, 0, 0),
    snapshot: snapshot(),
    banner: [
      `risk-api  try: RISK_API_TOKEN=${'x'.repeat(60)} npx ringfence risk check <calling> --called <called>`,
    ],
    recent: ['07:01:02  scorer exited (1); restarting in 500 ms'],
    logDir: '.stack/logs',
    color: true,
  };

  it('fits the terminal width and keeps the try-it command whole, wrapped', () => {
    const lines = renderPanel(input, 60, Date.UTC(2026, 11, 3, 7, 3, 0));
    for (const l of lines) expect(plain(l).length).toBeLessThanOrEqual(60);
    const text = lines.map(plain).join('');
    expect(text).toContain(
      `RISK_API_TOKEN=${'x'.repeat(60)} npx ringfence risk check <calling> --called <called>`,
    );
    expect(lines[0]).toContain('running 3 min');
    expect(text).toContain('scorer restarting (2 restarts)');
    expect(text).toContain('+8613800138000');
    expect(text).toContain('scorer exited (1); restarting in 500 ms');
  });

  it('shows the start-up step, and no addresses before the services run', () => {
    const lines = renderPanel({ ...input, phase: 'db-migrate', snapshot: undefined }, 100);
    expect(lines[0]).toContain('starting: db-migrate');
    expect(lines.join('\n')).not.toContain('RISK_API_TOKEN');
  });

  it('paints only when asked', () => {
    const text = renderPanel({ ...input, color: false }, 100).join('\n');
    expect(text).toBe(plain(text));
    const painted = renderPanel(input, 100).join('\n');
    expect(painted).not.toBe(plain(painted));
  });
});

describe('event time', () => {
  it('is China Standard Time', () => {
    expect(eventTime(Date.UTC(2026, 0, 1, 16, 0, 0))).toBe('2026-01-02 00:00:00');
    expect(eventTime(undefined)).toBe('–');
  });
});

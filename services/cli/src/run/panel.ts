import type { StatusSnapshot } from './status.js';
import type { SupervisorEvent } from './supervisor.js';

/** Event times are shown in China Standard Time (UTC+8, no daylight saving), the generator's zone. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** `2026-12-03 10:42:10` in UTC+8, or `–` when unknown. */
export function eventTime(ms: number | undefined): string {
  if (ms === undefined) return '–';
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function count(n: number | undefined): string {
  return n === undefined ? '–' : Math.round(n).toLocaleString('en-US');
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7_200) return `${Math.round(s / 60)} min`;
  return `${(s / 3_600).toFixed(1)} h`;
}

/**
 * How far the scorer trails in event time: its backlog in records, at the rate records come in, is
 * that much wall time of traffic, which the replay speed turns into event time. Unknown while records
 * are waiting and none are coming in (no rate to measure).
 */
export function scorerDelayMs(s: StatusSnapshot): number | undefined {
  if (s.scorerLag === undefined) return undefined;
  if (s.scorerLag === 0) return 0;
  const rate = s.cdrsPerSecond;
  if (rate === undefined || rate <= 0 || s.eventRate === undefined) return undefined;
  return (s.scorerLag / rate) * 1000 * s.eventRate;
}

function lag(s: StatusSnapshot): string {
  const delay = scorerDelayMs(s);
  return `scorer lag ${count(s.scorerLag)} · event-time delay ${delay === undefined ? '–' : `${delay > 0 ? '≈ ' : ''}${duration(delay)}`}`;
}

/** A supervisor event as one line of text. */
export function eventLine(e: SupervisorEvent): string {
  switch (e.kind) {
    case 'restarting':
      return `${e.name} exited (${e.status}); restarting in ${e.delayMs ?? 0} ms`;
    case 'finished':
      return `${e.name} finished (${e.status})`;
    case 'exited':
      return `${e.name} exited (${e.status})`;
    case 'stopped':
      return `${e.name} stopped`;
  }
}

/** The one-line status of plain mode (stdout is not a terminal). */
export function statusLine(s: StatusSnapshot): string {
  const up = s.services.filter((x) => x.state === 'up').length;
  const notUp = s.services.filter((x) => x.state !== 'up').map((x) => `${x.name} ${x.state}`);
  const parts = [
    `services ${up}/${s.services.length} up${notUp.length > 0 ? ` (${notUp.join(', ')})` : ''}`,
    `in ${count(s.cdrsPerSecond)} CDR/s (${count(s.cdrsTotal)} total)`,
    lag(s),
    `event time ${eventTime(s.eventTimeMs)} UTC+8`,
    `flagged ${count(s.flagged?.numbers)} numbers (${count(s.flagged?.numbersHigh)} HIGH), ${count(s.flagged?.sources)} sources`,
  ];
  const a = s.alerts[0];
  if (a !== undefined) parts.push(`latest alert ${a.kind} ${a.id} ${a.toLevel} ${a.category}`);
  return `[status] ${parts.join(' · ')}`;
}

export interface PanelInput {
  /** Start-up step while starting, undefined once running. */
  phase: string | undefined;
  startedMs: number;
  snapshot: StatusSnapshot | undefined;
  banner: readonly string[];
  /** Recent lines: start-up progress and supervisor events, oldest first. */
  recent: readonly string[];
  logDir: string;
  color: boolean;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    out.push(rest.slice(0, width));
    rest = rest.slice(width);
  }
  out.push(rest);
  return out;
}

const STATE_COLOR = { up: 32, starting: 33, restarting: 31, 'not started': 90 } as const;

/** The lines of the status panel (terminal mode); each fits in `width` columns before styling. */
export function renderPanel(p: PanelInput, width: number, nowMs = Date.now()): string[] {
  const paint = (code: number, text: string): string => (p.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const fit = (text: string): string =>
    text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  const lines: string[] = [];
  const title = `Ringfence main job · ${p.phase === undefined ? `running ${duration(nowMs - p.startedMs)}` : `starting: ${p.phase}`}`;
  lines.push(paint(1, fit(title)), '');
  const s = p.snapshot;
  if (s !== undefined) {
    // Styled after fitting: escape codes do not take columns.
    const services = s.services.map((x) => {
      const label = `${x.name} ${x.state}${x.restarts > 0 ? ` (${x.restarts} restarts)` : ''}`;
      return { label, code: STATE_COLOR[x.state] };
    });
    let row = ' services ';
    let styled = ' services ';
    for (const x of services) {
      if (row.length + x.label.length + 3 > width) {
        lines.push(styled);
        row = '          ';
        styled = row;
      }
      row += `● ${x.label}  `;
      styled += `${paint(x.code, '●')} ${x.label}  `;
    }
    lines.push(styled);
    lines.push(
      fit(` traffic  ${count(s.cdrsPerSecond)} CDR/s in · ${count(s.cdrsTotal)} CDRs · ${lag(s)}`),
      fit(` event    ${eventTime(s.eventTimeMs)} UTC+8 (the newest CDR stored this run)`),
      fit(
        ` flagged  ${count(s.flagged?.numbers)} numbers (${count(s.flagged?.numbersHigh)} HIGH) · ${count(s.flagged?.sources)} sources (trunks, carriers, devices)`,
      ),
      '',
      ' latest alerts',
    );
    if (s.alerts.length === 0) lines.push('   none yet');
    for (const a of s.alerts)
      lines.push(
        fit(
          `   ${eventTime(a.timeMs).slice(5)}  ${a.toLevel.padEnd(6)} ${a.kind.padEnd(7)} ${a.id}  ${a.category}`,
        ),
      );
    lines.push('');
  }
  if (p.phase === undefined) {
    // Wrapped, not cut: these are commands to copy.
    for (const b of p.banner) lines.push(...wrap(` ${b}`, width));
    lines.push('');
  }
  for (const r of p.recent) lines.push(fit(` ${r}`));
  lines.push(fit(` logs: ${p.logDir}/<service>.log · Ctrl-C stops everything this job started`));
  return lines;
}

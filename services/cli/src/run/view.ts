import { eventLine, renderPanel, statusLine } from './panel.js';
import type { StatusSnapshot } from './status.js';
import type { SupervisorEvent } from './supervisor.js';

/** What the main job tells its user, in the terminal panel or in plain lines. */
export interface RunView {
  /** The start-up step now under way. */
  phase(text: string): void;
  /** A progress line of a start-up step (the stack's). */
  log(line: string): void;
  event(e: SupervisorEvent): void;
  /** Start-up is over: the addresses, login and commands to keep in view. */
  running(banner: readonly string[]): void;
  status(s: StatusSnapshot): void;
  /** Shutting down: from here on every line is printed as it comes. */
  stopping(): void;
  line(text: string): void;
  close(): void;
}

/** One-shot jobs that ended well (an hour of traffic generated and replayed) are routine, not news. */
function routine(e: SupervisorEvent): boolean {
  return e.kind === 'finished' && e.status === '0';
}

/** Lines only, no cursor movement: for a pipe, a file or a CI log. */
export class PlainView implements RunView {
  constructor(private readonly write: (line: string) => void) {}

  phase(text: string): void {
    this.write(`[run] ${text}`);
  }
  log(line: string): void {
    this.write(`[run] ${line}`);
  }
  event(e: SupervisorEvent): void {
    if (!routine(e)) this.write(`[run] ${eventLine(e)}`);
  }
  running(banner: readonly string[]): void {
    const rule = '─'.repeat(78);
    for (const line of [
      '',
      rule,
      ...banner.map((b) => ` ${b}`),
      ' Ctrl-C stops everything this job started.',
      rule,
      '',
    ])
      this.write(line);
  }
  status(s: StatusSnapshot): void {
    this.write(statusLine(s));
  }
  stopping(): void {
    this.write('[run] stopping everything this job started (Ctrl-C again to force)');
  }
  line(text: string): void {
    this.write(`[run] ${text}`);
  }
  close(): void {}
}

const RECENT = 4;

/** A panel redrawn in place on a terminal (ANSI cursor-home and erase; nothing scrolls away). */
export class PanelView implements RunView {
  private phaseText: string | undefined = 'preparing';
  private snapshot: StatusSnapshot | undefined;
  private banner: readonly string[] = [];
  private readonly recent: string[] = [];
  private live = true;
  private readonly startedMs = Date.now();
  private readonly onResize = (): void => this.draw();
  private readonly restoreCursor = (): void => {
    this.out.write('\x1b[?25h');
  };

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly logDir: string,
    private readonly color: boolean,
  ) {
    this.out.write('\x1b[?25l\x1b[2J\x1b[H');
    this.out.on('resize', this.onResize);
    // However the process ends, the user's terminal gets its cursor back.
    process.once('exit', this.restoreCursor);
  }

  private note(text: string): void {
    const at = new Date().toTimeString().slice(0, 8);
    this.recent.push(`${at}  ${text}`);
    if (this.recent.length > RECENT) this.recent.shift();
  }

  private draw(): void {
    if (!this.live) return;
    const width = Math.max(40, this.out.columns);
    const rows = Math.max(10, this.out.rows);
    const lines = renderPanel(
      {
        phase: this.phaseText,
        startedMs: this.startedMs,
        snapshot: this.snapshot,
        banner: this.banner,
        recent: this.recent,
        logDir: this.logDir,
        color: this.color,
      },
      width,
    ).slice(0, rows - 1);
    this.out.write(`\x1b[H${lines.map((l) => `${l}\x1b[K\n`).join('')}\x1b[J`);
  }

  phase(text: string): void {
    this.phaseText = text;
    this.draw();
  }
  log(line: string): void {
    this.note(line);
    this.draw();
  }
  event(e: SupervisorEvent): void {
    if (routine(e)) return;
    if (!this.live) {
      this.out.write(`${eventLine(e)}\n`);
      return;
    }
    this.note(eventLine(e));
    this.draw();
  }
  running(banner: readonly string[]): void {
    this.phaseText = undefined;
    this.banner = banner;
    this.draw();
  }
  status(s: StatusSnapshot): void {
    this.snapshot = s;
    this.draw();
  }
  stopping(): void {
    this.draw();
    this.live = false;
    this.restoreCursor();
    this.out.write('stopping everything this job started (Ctrl-C again to force)\n');
  }
  line(text: string): void {
    this.out.write(`${text}\n`);
  }
  close(): void {
    this.out.off('resize', this.onResize);
    this.live = false;
    this.restoreCursor();
  }
}

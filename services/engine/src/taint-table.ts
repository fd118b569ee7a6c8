import type { SubjectKindName } from './rules.js';
import type { LevelName } from './verdict.js';

/**
 * Trunks taint their callers when flagged for spoofing; devices (handsets) when flagged at all.
 * Carriers never do: too coarse, one bad trunk would taint a whole interconnect partner.
 */
export function taintsCallers(kind: SubjectKindName, level: LevelName, category: string): boolean {
  const flagged = level === 'MEDIUM' || level === 'HIGH';
  if (kind === 'device') return flagged;
  return kind === 'trunk' && flagged && category === 'spoofing';
}

/**
 * The sources that taint their callers now, as every number stage sees them. It is a function of
 * the sources' latest verdicts only (taintsCallers), so a stage that does not own a source can
 * rebuild it from the compacted source-risk.v1 topic, and a restore rebuilds it from the source
 * stages' state.
 */
export class TaintTable {
  /** Trunks flagged for spoofing. */
  readonly trunks = new Set<string>();
  /** Devices at MEDIUM or above (any category), e.g. handsets cycling throw-away SIMs. */
  readonly devices = new Set<string>();
  private readonly listeners: ((kind: SubjectKindName, id: string, tainted: boolean) => void)[] = [];

  /** Called after every change, with the source that changed. */
  onChange(listener: (kind: SubjectKindName, id: string, tainted: boolean) => void): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.trunks.size + this.devices.size;
  }

  /** Records a source's latest verdict; listeners hear of it when its taint changed. */
  set(kind: SubjectKindName, id: string, tainted: boolean): void {
    const set = kind === 'trunk' ? this.trunks : kind === 'device' ? this.devices : null;
    if (set === null || set.has(id) === tainted) return;
    if (tainted) set.add(id);
    else set.delete(id);
    for (const l of this.listeners) l(kind, id, tainted);
  }

  /** Replaces the whole table without telling listeners (a restore, which re-scores nothing). */
  load(entries: Iterable<readonly [SubjectKindName, string]>): void {
    this.trunks.clear();
    this.devices.clear();
    for (const [kind, id] of entries) {
      if (kind === 'trunk') this.trunks.add(id);
      else if (kind === 'device') this.devices.add(id);
    }
  }
}

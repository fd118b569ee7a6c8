import { subjectKey, type AlertEvent, type EngineSink, type Verdict } from './verdict.js';
import type { SubjectKindName } from './rules.js';

/** Keeps the latest verdict of every subject that ever rose above NONE, plus every alert. */
export class CollectingSink implements EngineSink {
  readonly latest = new Map<string, Verdict>();
  readonly alerts: AlertEvent[] = [];
  verdictCount = 0;
  tombstones = 0;

  verdict(v: Verdict): void {
    this.verdictCount++;
    this.latest.set(subjectKey(v.kind, v.id), v);
  }

  tombstone(kind: SubjectKindName, id: string, timeMs: number): void {
    this.tombstones++;
    const v = this.latest.get(subjectKey(kind, id));
    if (v !== undefined)
      this.latest.set(subjectKey(kind, id), { ...v, level: 'NONE', score: 0, updatedMs: timeMs });
  }

  alert(a: AlertEvent): void {
    this.alerts.push(a);
  }
}

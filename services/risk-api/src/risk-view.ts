import { riskv1 } from '@ringfence/proto';
import { Decision } from './answer.js';
import { NumberTable } from './number-table.js';
import type { Policy } from './policy.js';

type SourceKind = 'trunk' | 'carrier' | 'device';

/**
 * The in-memory risk view: numbers in a typed-array table (a carrier's view holds millions) that
 * keeps one of each equal answer, each source kind in a Map from id to its decision, every answer
 * precomputed (operator decisions already turned into their answers). Fed from the compacted verdict topics; a null value
 * (tombstone) deletes. Which answer wins a call is decided in decide.ts, not here.
 */
export class RiskView {
  readonly numbers: NumberTable;
  readonly trunks = new Map<string, Decision>();
  readonly carriers = new Map<string, Decision>();
  readonly devices = new Map<string, Decision>();
  private readonly bySource: Record<SourceKind, Map<string, Decision>> = {
    trunk: this.trunks,
    carrier: this.carriers,
    device: this.devices,
  };
  private pinned = 0;
  private skipped = 0;

  constructor(private readonly policy: Policy) {
    this.numbers = new NumberTable(policy.answerKey);
    // Allowlisted numbers live in the same table, pinned, so a lookup needs no second probe.
    for (const n of policy.allowlist) if (this.numbers.set(n, policy.allowlisted, 0)) this.pinned++;
  }

  /**
   * Applies one caller-risk.v1 record (key = E.164 number); allowlisted numbers stay allowed. A key
   * that is not an E.164 number is not held: no check can ask for it (`Check` reads the calling
   * number as E.164 or refuses it).
   */
  applyCaller(key: string, value: Uint8Array | null): void {
    if (this.policy.isAllowlisted(key)) return;
    if (value === null || value.length === 0) {
      this.numbers.delete(key);
      return;
    }
    const verdict = riskv1.RiskVerdict.decode(value);
    const answer = this.policy.verdictAnswer(verdict, 'number');
    if (!this.numbers.set(key, answer, Number(verdict.updatedMs ?? 0))) this.skipped++;
  }

  /** Applies one source-risk.v1 record (key = "<kind>:<id>"); unknown kinds are ignored. */
  applySource(key: string, value: Uint8Array | null): void {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as SourceKind;
    const map = colon > 0 ? this.bySource[kind] : undefined;
    if (map === undefined) return;
    const id = key.slice(colon + 1);
    if (value === null || value.length === 0) {
      map.delete(id);
      return;
    }
    const verdict = riskv1.RiskVerdict.decode(value);
    map.set(id, new Decision(this.policy.verdictAnswer(verdict, kind), Number(verdict.updatedMs ?? 0)));
  }

  /** Subjects held, by kind. */
  sizes(): Record<'number' | SourceKind, number> {
    return {
      number: this.numbers.size - this.pinned,
      trunk: this.trunks.size,
      carrier: this.carriers.size,
      device: this.devices.size,
    };
  }

  /** What its answers share (reason lists, reasons, strings): entries held, and restarts at the cap. */
  interned(): { entries: number; generations: number } {
    return { entries: this.policy.interned.size(), generations: this.policy.interned.generations() };
  }

  /** caller-risk.v1 records not held because their key is not an E.164 number. */
  skippedCallers(): number {
    return this.skipped;
  }
}

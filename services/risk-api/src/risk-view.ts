import { riskv1 } from '@ringfence/proto';
import type { Answer } from './answer.js';
import type { Policy } from './policy.js';

type SourceKind = 'trunk' | 'carrier' | 'device';

/**
 * The in-memory risk view: one Map per subject kind from id to a frozen, precomputed answer
 * (operator decisions already turned into their answers). Fed from the compacted verdict topics; a
 * null value (tombstone) deletes. Which answer wins a call is decided in decide.ts, not here.
 */
export class RiskView {
  readonly numbers = new Map<string, Answer>();
  readonly trunks = new Map<string, Answer>();
  readonly carriers = new Map<string, Answer>();
  readonly devices = new Map<string, Answer>();
  private readonly bySource: Record<SourceKind, Map<string, Answer>> = {
    trunk: this.trunks,
    carrier: this.carriers,
    device: this.devices,
  };

  constructor(private readonly policy: Policy) {
    // Allowlisted numbers live in the same map, pinned, so a lookup needs no second hash probe.
    for (const n of policy.allowlist) this.numbers.set(n, policy.allowlisted);
  }

  /** Applies one caller-risk.v1 record (key = E.164 number); allowlisted numbers stay allowed. */
  applyCaller(key: string, value: Uint8Array | null): void {
    if (this.policy.isAllowlisted(key)) return;
    if (value === null || value.length === 0) {
      this.numbers.delete(key);
      return;
    }
    this.numbers.set(key, this.policy.verdictAnswer(riskv1.RiskVerdict.decode(value), 'number'));
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
    map.set(id, this.policy.verdictAnswer(riskv1.RiskVerdict.decode(value), kind));
  }

  /** Subjects held, by kind. */
  sizes(): Record<'number' | SourceKind, number> {
    return {
      number: this.numbers.size - this.policy.allowlist.length,
      trunk: this.trunks.size,
      carrier: this.carriers.size,
      device: this.devices.size,
    };
  }
}

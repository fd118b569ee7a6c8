/** Below this share of calls carrying any attestation, a network is taken not to attest. */
const IN_USE_SHARE = 0.05;
// Counts halve at this many calls, so a network that starts attesting is noticed within at most
// about 55,000 calls (a twentieth of this), not after its whole history.
const HALVE_AT = 1 << 20;

/**
 * Whether the calls seen carry STIR/SHAKEN attestation. Most networks outside North America and
 * France attest no call; there a missing attestation says nothing about a caller, and whoever
 * reads it as evidence (the scorer's taint, risk-api's call setup) must know.
 */
export class AttestationTally {
  private attested = 0;
  private seen = 0;

  /** Counts one call; `attested` when it carried A, B or C. */
  add(attested: boolean): void {
    if (this.seen >= HALVE_AT) {
      this.seen /= 2;
      this.attested /= 2;
    }
    this.seen++;
    if (attested) this.attested++;
  }

  /** At least a twentieth of the calls counted carried an attestation. */
  get inUse(): boolean {
    return this.attested > 0 && this.attested >= this.seen * IN_USE_SHARE;
  }

  /** The counts, for a snapshot. */
  toJSON(): [number, number] {
    return [this.attested, this.seen];
  }

  /** Puts back counts from `toJSON`; none (a snapshot from before) counts as a network that attests. */
  restore(counts: readonly [number, number] | undefined): void {
    [this.attested, this.seen] = counts ?? [1, 1];
  }
}

/** Bits of a number's callee-block mask (see SubjectState.calleeBlocks): a V8 small integer. */
export const BLOCK_BITS = 30;

/** The count key of the numbers with campaign evidence on `trunk` that dialled mask bit `bit`. */
export function campaignBlockKey(trunk: string, bit: number): string {
  return `${trunk}\n${bit}`;
}

/**
 * Thin campaigns per entry trunk across every number stage: each stage counts its own numbers
 * with campaign evidence per trunk, and a trunk with at least `minMembers` of them in all stages
 * together carries a campaign. A sum does not depend on which stage reported first, so stages
 * owned by different scorer instances (each publishing its counts) agree on the result.
 *
 * The same counts per callee-block bit (keys from campaignBlockKey) give the number blocks the
 * campaign dials: a campaign works through a list, so a sizeable share of its numbers dial the
 * same blocks, while a subscriber who happens to look like a member calls their own contacts.
 */
export class CampaignTable {
  private readonly byPartition = new Map<number, ReadonlyMap<string, number>>();
  private readonly sums = new Map<string, number>();
  private readonly listeners: ((trunks: ReadonlySet<string>) => void)[] = [];

  /**
   * `minBlockShare`: the share of a campaign's numbers that must have dialled a block for it to
   * count as one the campaign dials (0: every block does).
   */
  constructor(
    private readonly minMembers: number,
    private readonly minBlockShare = 0,
  ) {}

  /** Called with the trunks whose campaign size changed (started, grew, shrank or ended). */
  onChange(listener: (trunks: ReadonlySet<string>) => void): void {
    this.listeners.push(listener);
  }

  /** Members of the campaign entering through `trunk` now, or 0 when it carries none. */
  members(trunk: string): number {
    const n = this.sums.get(trunk) ?? 0;
    return n >= this.minMembers ? n : 0;
  }

  /**
   * Whether every block in `mask` (a number's callee-block mask) is one the campaign entering
   * through `trunk` dials: dialled by at least `minBlockShare` of its numbers.
   */
  dialsBlocks(trunk: string, mask: number): boolean {
    const members = this.members(trunk);
    if (members === 0) return false;
    const need = members * this.minBlockShare;
    for (let bit = 0, m = mask; m !== 0; bit++, m >>>= 1)
      if ((m & 1) !== 0 && (this.sums.get(campaignBlockKey(trunk, bit)) ?? 0) < need) return false;
    return true;
  }

  /** Trunks carrying a campaign now, with their member counts. */
  *campaigns(): IterableIterator<[string, number]> {
    for (const [trunk, n] of this.sums) if (n >= this.minMembers && !trunk.includes('\n')) yield [trunk, n];
  }

  /** One partition's counts as last reported (for its snapshot). */
  countsOf(partition: number): ReadonlyMap<string, number> {
    return this.byPartition.get(partition) ?? new Map();
  }

  /** Replaces one partition's counts; listeners hear of the trunks whose campaign changed. */
  update(partition: number, counts: ReadonlyMap<string, number>): void {
    const changed = this.replace(partition, counts);
    if (changed.size > 0) for (const l of this.listeners) l(changed);
  }

  /** Replaces one partition's counts without telling listeners (a restore). */
  load(partition: number, counts: ReadonlyMap<string, number>): void {
    this.replace(partition, counts);
  }

  private replace(partition: number, counts: ReadonlyMap<string, number>): Set<string> {
    const before = this.byPartition.get(partition);
    const touched = new Set<string>([...(before?.keys() ?? []), ...counts.keys()]);
    const was = new Map<string, number>();
    for (const trunk of touched) if (!trunk.includes('\n')) was.set(trunk, this.members(trunk));
    for (const [trunk, n] of before ?? []) this.add(trunk, -n);
    for (const [trunk, n] of counts) this.add(trunk, n);
    if (counts.size === 0) this.byPartition.delete(partition);
    else this.byPartition.set(partition, new Map(counts));
    const changed = new Set<string>();
    for (const trunk of touched)
      if (!trunk.includes('\n') && this.members(trunk) !== was.get(trunk)) changed.add(trunk);
    return changed;
  }

  private add(trunk: string, n: number): void {
    const sum = (this.sums.get(trunk) ?? 0) + n;
    if (sum === 0) this.sums.delete(trunk);
    else this.sums.set(trunk, sum);
  }
}

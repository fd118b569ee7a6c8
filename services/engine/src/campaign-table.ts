/**
 * Thin campaigns per entry trunk across every number stage: each stage counts its own numbers
 * with campaign evidence per trunk, and a trunk with at least `minMembers` of them in all stages
 * together carries a campaign. A sum does not depend on which stage reported first, so stages
 * owned by different scorer instances (each publishing its counts) agree on the result.
 */
export class CampaignTable {
  private readonly byPartition = new Map<number, ReadonlyMap<string, number>>();
  private readonly sums = new Map<string, number>();
  private readonly listeners: ((trunks: ReadonlySet<string>) => void)[] = [];

  constructor(private readonly minMembers: number) {}

  /** Called with the trunks whose campaign size changed (started, grew, shrank or ended). */
  onChange(listener: (trunks: ReadonlySet<string>) => void): void {
    this.listeners.push(listener);
  }

  /** Members of the campaign entering through `trunk` now, or 0 when it carries none. */
  members(trunk: string): number {
    const n = this.sums.get(trunk) ?? 0;
    return n >= this.minMembers ? n : 0;
  }

  /** Trunks carrying a campaign now, with their member counts. */
  *campaigns(): IterableIterator<[string, number]> {
    for (const [trunk, n] of this.sums) if (n >= this.minMembers) yield [trunk, n];
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
    for (const trunk of touched) was.set(trunk, this.members(trunk));
    for (const [trunk, n] of before ?? []) this.add(trunk, -n);
    for (const [trunk, n] of counts) this.add(trunk, n);
    if (counts.size === 0) this.byPartition.delete(partition);
    else this.byPartition.set(partition, new Map(counts));
    const changed = new Set<string>();
    for (const trunk of touched) if (this.members(trunk) !== was.get(trunk)) changed.add(trunk);
    return changed;
  }

  private add(trunk: string, n: number): void {
    const sum = (this.sums.get(trunk) ?? 0) + n;
    if (sum === 0) this.sums.delete(trunk);
    else this.sums.set(trunk, sum);
  }
}

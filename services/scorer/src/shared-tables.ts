import { CampaignTable, TaintTable, sourcePartition, type SubjectKindName } from '@ringfence/engine';
import { verdictTaints } from './codec.js';

const KINDS = new Set<string>(['trunk', 'carrier', 'device']);

/**
 * What every number and source stage of one instance shares, kept in step with the other
 * instances through two compacted topics every instance reads in full: the taint table from
 * source-risk.v1 (a source's latest verdict says whether it taints its callers) and the campaign
 * table from scorer.campaign-counts.v1 (each number partition's counts). The stages this instance
 * owns update them first-hand; records about them are skipped.
 */
export class SharedTables {
  readonly taint = new TaintTable();
  readonly campaigns: CampaignTable;
  /** Every source's taint as committed on source-risk.v1 (owned ones too), for release(). */
  private readonly committedTaint = new Map<string, boolean>();
  /** Every number partition's counts as committed on scorer.campaign-counts.v1, for release(). */
  private readonly committedCounts = new Map<number, Map<string, number>>();

  constructor(
    campaign: { readonly minMembers: number; readonly minBlockShare: number },
    private readonly sourcePartitions: number,
    private readonly owns: { numbers: (p: number) => boolean; sources: (p: number) => boolean },
  ) {
    this.campaigns = new CampaignTable(campaign.minMembers, campaign.minBlockShare);
  }

  /** One source-risk.v1 record: a verdict, or a tombstone (null) when the source's risk expired. */
  applyVerdict(key: string, value: Buffer | null): void {
    const i = key.indexOf(':');
    const kind = key.slice(0, i);
    if (i <= 0 || !KINDS.has(kind)) return;
    const id = key.slice(i + 1);
    const tainted = value !== null && verdictTaints(kind as SubjectKindName, value);
    if (kind !== 'carrier') this.committedTaint.set(key, tainted);
    if (this.owns.sources(sourcePartition(kind, id, this.sourcePartitions))) return;
    this.taint.set(kind as SubjectKindName, id, tainted);
  }

  /** One scorer.campaign-counts.v1 record: a number partition's counts per entry trunk. */
  applyCounts(key: string, value: Buffer | null): void {
    const p = Number(key);
    if (!Number.isInteger(p) || p < 0) return;
    const counts = new Map(value === null ? [] : (JSON.parse(value.toString('utf8')) as [string, number][]));
    this.committedCounts.set(p, counts);
    if (!this.owns.numbers(p)) this.campaigns.update(p, counts);
  }

  /**
   * A number partition left this instance: its campaign counts are what was committed for it, not
   * what this instance's (possibly uncommitted) state said.
   */
  releaseNumbers(p: number): void {
    this.campaigns.update(p, this.committedCounts.get(p) ?? new Map());
  }

  /**
   * A source partition left this instance: its sources' taint is what was committed for them, not
   * what this instance's (possibly uncommitted) state said.
   */
  releaseSources(p: number): void {
    for (const kind of ['trunk', 'device'] as const) {
      const set = kind === 'trunk' ? this.taint.trunks : this.taint.devices;
      for (const id of [...set])
        if (
          sourcePartition(kind, id, this.sourcePartitions) === p &&
          this.committedTaint.get(`${kind}:${id}`) !== true
        )
          this.taint.set(kind, id, false);
    }
    for (const [key, tainted] of this.committedTaint) {
      if (!tainted) continue;
      const i = key.indexOf(':');
      const kind = key.slice(0, i) as SubjectKindName;
      const id = key.slice(i + 1);
      if (sourcePartition(kind, id, this.sourcePartitions) === p) this.taint.set(kind, id, true);
    }
  }

  /**
   * Source partition `p` was just taken over and restored: its sources' taint is now what its
   * stage says (`flagged`, keys `<kind>:<id>`), not what the topic said while another instance
   * owned it.
   */
  adopt(p: number, flagged: ReadonlySet<string>): void {
    for (const kind of ['trunk', 'device'] as const) {
      const set = kind === 'trunk' ? this.taint.trunks : this.taint.devices;
      for (const id of [...set])
        if (sourcePartition(kind, id, this.sourcePartitions) === p && !flagged.has(`${kind}:${id}`))
          this.taint.set(kind, id, false);
    }
    for (const key of flagged) {
      const i = key.indexOf(':');
      this.taint.set(key.slice(0, i) as SubjectKindName, key.slice(i + 1), true);
    }
  }
}

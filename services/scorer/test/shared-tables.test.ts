import { describe, expect, it } from 'vitest';
import { sourcePartition, type LevelName, type SubjectKindName } from '@ringfence/engine';
import { encodeVerdict } from '../src/codec.js';
import { SharedTables } from '../src/shared-tables.js';

const SP = 6;
const CAMPAIGN = { minMembers: 3, minBlockShare: 0.2 };

function verdict(kind: SubjectKindName, id: string, level: LevelName, category: string): Buffer {
  return encodeVerdict({
    kind,
    id,
    score: level === 'NONE' ? 0 : 70,
    level,
    category,
    reasons: [],
    updatedMs: 1,
    firstSeenMs: 1,
    calls: 10,
    first: {},
    override: '',
  });
}

/** A trunk id of source partition `p`. */
function trunkOf(p: number, n = 0): string {
  for (let i = 0; ; i++) {
    const id = `TG-${i}`;
    if (sourcePartition('trunk', id, SP) === p && n-- === 0) return id;
  }
}

describe('SharedTables', () => {
  it('derives taint from source verdicts: trunks flagged for spoofing, devices flagged at all', () => {
    const tables = new SharedTables(CAMPAIGN, SP, { numbers: () => false, sources: () => false });
    tables.applyVerdict('trunk:A', verdict('trunk', 'A', 'HIGH', 'spoofing'));
    tables.applyVerdict('trunk:B', verdict('trunk', 'B', 'HIGH', 'telemarketing'));
    tables.applyVerdict('device:D', verdict('device', 'D', 'MEDIUM', 'scam'));
    tables.applyVerdict('carrier:C', verdict('carrier', 'C', 'HIGH', 'spoofing'));
    expect([...tables.taint.trunks, ...tables.taint.devices]).toEqual(['A', 'D']);
    tables.applyVerdict('trunk:A', null);
    expect(tables.taint.trunks.size).toBe(0);
  });

  it('skips records about its own partitions, and goes back to the committed ones when a partition leaves', () => {
    const mine = new Set([2]);
    const tables = new SharedTables(CAMPAIGN, SP, { numbers: (p) => p === 1, sources: (p) => mine.has(p) });
    const own = trunkOf(2);
    const other = trunkOf(2, 1);
    // What the stage of partition 2 says first-hand, ahead of what was committed.
    tables.taint.set('trunk', other, true);
    tables.applyVerdict(`trunk:${own}`, verdict('trunk', own, 'HIGH', 'spoofing'));
    expect(tables.taint.trunks.has(own)).toBe(false);
    mine.delete(2);
    tables.releaseSources(2);
    expect([...tables.taint.trunks]).toEqual([own]);

    tables.applyCounts('1', Buffer.from(JSON.stringify([['T', 5]])));
    expect(tables.campaigns.members('T')).toBe(0);
    tables.campaigns.update(1, new Map([['T', 1]]));
    tables.releaseNumbers(1);
    expect(tables.campaigns.members('T')).toBe(5);
  });

  it('adopts the taint a restored source stage holds for its partition', () => {
    const tables = new SharedTables(CAMPAIGN, SP, { numbers: () => false, sources: () => false });
    const [a, b] = [trunkOf(4), trunkOf(4, 1)];
    tables.taint.set('trunk', a, true);
    tables.adopt(4, new Set([`trunk:${b}`]));
    expect([...tables.taint.trunks]).toEqual([b]);
  });

  it("applies the rules' block share to counts read from other instances", () => {
    const tables = new SharedTables(CAMPAIGN, SP, { numbers: () => false, sources: () => false });
    // 10 members on T, all of them dialled block bit 0, one dialled bit 1 (under the 0.2 share);
    // a block count's key is the trunk and the bit, as number stages publish it.
    const counts = [
      ['T', 10],
      ['T\n0', 10],
      ['T\n1', 1],
    ];
    tables.applyCounts('3', Buffer.from(JSON.stringify(counts)));
    expect(tables.campaigns.members('T')).toBe(10);
    expect(tables.campaigns.dialsBlocks('T', 0b01)).toBe(true);
    expect(tables.campaigns.dialsBlocks('T', 0b10)).toBe(false);
  });
});

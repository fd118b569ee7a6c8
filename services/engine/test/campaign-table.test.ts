import { describe, expect, it } from 'vitest';
import { CampaignTable } from '../src/index.js';

describe('CampaignTable', () => {
  it('sums the partitions, names a campaign from minMembers on, and tells only of trunks that changed', () => {
    const table = new CampaignTable(5);
    const heard: string[][] = [];
    table.onChange((trunks) => heard.push([...trunks].sort()));
    table.update(
      0,
      new Map([
        ['T1', 3],
        ['T2', 1],
      ]),
    );
    expect(table.members('T1')).toBe(0);
    expect(heard).toEqual([]);
    table.update(1, new Map([['T1', 2]]));
    expect(table.members('T1')).toBe(5);
    expect(heard).toEqual([['T1']]);
    // A partition reporting again replaces its counts rather than adding to them.
    table.update(1, new Map([['T1', 2]]));
    expect(heard).toHaveLength(1);
    table.update(0, new Map([['T2', 9]]));
    expect([table.members('T1'), table.members('T2')]).toEqual([0, 9]);
    expect(heard[1]).toEqual(['T1', 'T2']);
    expect([...table.campaigns()]).toEqual([['T2', 9]]);
    expect([...table.countsOf(1)]).toEqual([['T1', 2]]);
  });

  it('loads a partition without telling anyone (a restore)', () => {
    const table = new CampaignTable(2);
    let told = 0;
    table.onChange(() => told++);
    table.load(3, new Map([['T', 4]]));
    expect(table.members('T')).toBe(4);
    expect(told).toBe(0);
  });
});

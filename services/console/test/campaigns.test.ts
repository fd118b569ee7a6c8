import { describe, expect, it } from 'vitest';
import { groupCampaigns, type FlaggedNumber } from '../src/campaigns.js';

function n(number: string, over: Partial<FlaggedNumber> = {}): FlaggedNumber {
  return {
    number,
    score: 50,
    level: 'MEDIUM',
    category: 'robocall',
    calls: 10,
    complaints: 0,
    trunks: [],
    carriers: ['ON-NET'],
    devices: [],
    callees: [],
    hours: {},
    ...over,
  };
}

const opts = { onNetCarrier: 'ON-NET' };

describe('groupCampaigns', () => {
  it('links numbers through a shared off-net trunk or a shared device, not through on-net access trunks', () => {
    const c = groupCampaigns(
      [
        n('+1', { trunks: ['tr-x'], carriers: ['EVIL'] }),
        n('+2', { trunks: ['tr-x'], carriers: ['EVIL'] }),
        n('+3', { trunks: ['access-1'] }),
        n('+4', { trunks: ['access-1'] }),
        n('+5', { devices: ['imei-1'] }),
        n('+6', { devices: ['imei-1'], score: 90, calls: 100 }),
      ],
      opts,
    );
    expect(c.map((x) => x.numbers.map((m) => m.number).sort())).toEqual([
      ['+5', '+6'],
      ['+1', '+2'],
    ]);
    expect(c[0]?.links).toEqual(['device imei-1']);
    expect(c[1]?.links).toEqual(['carrier EVIL', 'trunk tr-x']);
  });

  it('links overlapping callee sets and synchronised timing, and ranks by harm', () => {
    const callees = ['a', 'b', 'c', 'd'];
    const hours = { '1': 5, '2': 9, '3': 4 };
    const c = groupCampaigns(
      [
        n('+1', { callees, complaints: 3 }),
        n('+2', { callees: [...callees, 'e'] }),
        n('+3', { hours }),
        n('+4', { hours: { '1': 10, '2': 18, '3': 8 } }),
        n('+5', { hours: { '7': 1, '8': 1, '9': 1 } }),
      ],
      opts,
    );
    expect(c).toHaveLength(2);
    expect(c[0]?.links).toEqual(['overlapping callees']);
    expect(c[0]?.harm).toBe(10 + 30);
    expect(c[1]?.links).toEqual(['synchronised timing']);
    expect(c[1]?.numbers.map((m) => m.number).sort()).toEqual(['+3', '+4']);
  });

  it('leaves unrelated numbers out', () => {
    expect(groupCampaigns([n('+1'), n('+2')], opts)).toEqual([]);
  });
});

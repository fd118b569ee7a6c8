import { describe, expect, it } from 'vitest';
import { TaintTable } from '../src/index.js';

describe('TaintTable', () => {
  it('keeps trunks and devices, never carriers, and tells listeners of changes only', () => {
    const taint = new TaintTable();
    const heard: string[] = [];
    taint.onChange((kind, id, tainted) => heard.push(`${kind}:${id}:${tainted}`));
    taint.set('trunk', 'TG-1', true);
    taint.set('trunk', 'TG-1', true);
    taint.set('carrier', 'CU', true);
    taint.set('device', 'D', true);
    taint.set('trunk', 'TG-1', false);
    expect(heard).toEqual(['trunk:TG-1:true', 'device:D:true', 'trunk:TG-1:false']);
    expect(taint.size).toBe(1);
    taint.load([
      ['trunk', 'A'],
      ['carrier', 'B'],
    ]);
    expect([...taint.trunks, ...taint.devices]).toEqual(['A']);
    expect(heard).toHaveLength(3);
  });
});

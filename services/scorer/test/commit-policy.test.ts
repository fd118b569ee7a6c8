import { describe, expect, it } from 'vitest';
import { CommitPolicy } from '../src/commit-policy.js';

describe('CommitPolicy', () => {
  it('has nothing to commit until outputs are written', () => {
    const p = new CommitPolicy(100, () => 0);
    expect(p.pending).toBe(false);
    expect(p.due(false)).toBe(false);
    expect(p.due(true)).toBe(false);
  });

  it('commits observations at once, even while the source stage is behind', () => {
    const p = new CommitPolicy(100, () => 0);
    p.wrote(false);
    p.wrote(true);
    expect(p.due(true)).toBe(true);
    p.committed();
    expect(p.pending).toBe(false);
    // The next transaction starts without observations.
    p.wrote(false);
    expect(p.due(true)).toBe(false);
  });

  it('holds other outputs while the source stage is behind, and commits them once it caught up', () => {
    const p = new CommitPolicy(100, () => 0);
    p.wrote(false);
    expect(p.pending).toBe(true);
    expect(p.due(true)).toBe(false);
    expect(p.due(false)).toBe(true);
  });

  it('never holds a transaction open longer than the limit, counted from its first output', () => {
    let now = 1_000;
    const p = new CommitPolicy(100, () => now);
    p.wrote(false);
    now = 1_060;
    p.wrote(false);
    now = 1_099;
    expect(p.due(true)).toBe(false);
    now = 1_100;
    expect(p.due(true)).toBe(true);
    p.committed();
    p.wrote(false);
    expect(p.due(true)).toBe(false);
  });
});

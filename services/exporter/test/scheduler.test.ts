import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryTarget } from '../src/directory-target.js';
import { periodsDue } from '../src/scheduler.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rf-sched-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const now = Date.UTC(2026, 10, 10, 1); // 2026-11-10 09:00 Shanghai
const due = (catchUpPeriods: number, recheckPeriods: number, sinceMs?: number) =>
  periodsDue({
    ...(sinceMs === undefined ? {} : { sinceMs }),
    type: 'daily',
    timeZone: 'Asia/Shanghai',
    nowMs: now,
    target: new DirectoryTarget(root),
    catchUpPeriods,
    recheckPeriods,
  }).then((ps) => ps.map((p) => p.label));

describe('periodsDue', () => {
  it('fills missed periods back to the last one exported, oldest first', async () => {
    await mkdir(join(root, 'daily', '2026-11-06', 'r1'), { recursive: true });
    expect(await due(14, 0)).toEqual(['2026-11-07', '2026-11-08', '2026-11-09']);
  });

  it('bounds the catch-up on a fresh output directory', async () => {
    expect(await due(3, 0)).toEqual(['2026-11-07', '2026-11-08', '2026-11-09']);
  });

  it('re-checks the latest periods for late data even when exported', async () => {
    for (const d of ['2026-11-08', '2026-11-09'])
      await mkdir(join(root, 'daily', d, 'r1'), { recursive: true });
    expect(await due(14, 0)).toEqual([]);
    expect(await due(14, 2)).toEqual(['2026-11-08', '2026-11-09']);
  });

  it('never goes back before the configured start', async () => {
    const since = Date.UTC(2026, 10, 7, 16); // 2026-11-08 00:00 Shanghai
    expect(await due(14, 0, since)).toEqual(['2026-11-08', '2026-11-09']);
    expect(await due(14, 5, since)).toEqual(['2026-11-08', '2026-11-09']);
  });
});

import { describe, expect, it } from 'vitest';
import { SerialLock } from '../src/serial-lock.js';

describe('SerialLock', () => {
  it('runs sections one at a time, in order, and survives a failed section', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    const section = (name: string, fail = false) =>
      lock.run(async () => {
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([section('a'), section('b', true), section('c')]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs an urgent section before the waiting ones, urgent ones in their order', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    const section = (name: string, urgent = false) =>
      lock.run(async () => {
        log.push(name);
        await new Promise((r) => setTimeout(r, 5));
      }, urgent);
    await Promise.all([section('a'), section('b'), section('c'), section('x', true), section('y', true)]);
    expect(log).toEqual(['a', 'x', 'y', 'b', 'c']);
  });

  it('fails a section that throws before its first await, and runs the next', async () => {
    const lock = new SerialLock();
    const thrown = lock.run(() => {
      throw new Error('at once');
    });
    await expect(thrown).rejects.toThrow('at once');
    await expect(lock.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { isRingfenceError, loadConfig } from '@ringfence/common';
import { scorerConfigSchema } from '../src/config.js';

describe('scorer configuration', () => {
  it('compresses snapshots with zstd unless told none', () => {
    expect(loadConfig(scorerConfigSchema, { env: {}, file: '' }).snapshotCompression).toBe('zstd');
    const c = loadConfig(scorerConfigSchema, { env: { SNAPSHOT_COMPRESSION: 'none' }, file: '' });
    expect(c.snapshotCompression).toBe('none');
  });

  it('refuses another compression, naming the key, the value and what it takes', () => {
    let caught: unknown;
    try {
      loadConfig(scorerConfigSchema, { env: { SNAPSHOT_COMPRESSION: 'lz4' }, file: '' });
    } catch (err) {
      caught = err;
    }
    expect(isRingfenceError(caught, 'CONFIG_INVALID')).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain('snapshotCompression (env SNAPSHOT_COMPRESSION)');
    expect(message).toContain('lz4');
    expect(message).toContain('expected one of "zstd"|"none"');
  });

  it('makes a fetch wait for 256 KiB or 250 ms unless told otherwise', () => {
    const c = loadConfig(scorerConfigSchema, { env: {}, file: '' });
    expect([c.fetchMinBytes, c.fetchMaxWaitMs]).toEqual([256 * 1024, 250]);
    const d = loadConfig(scorerConfigSchema, {
      env: { FETCH_MIN_BYTES: '1', FETCH_MAX_WAIT_MS: '1000' },
      file: '',
    });
    expect([d.fetchMinBytes, d.fetchMaxWaitMs]).toEqual([1, 1000]);
  });

  it('refuses a fetch wait of no time, naming the key and the value', () => {
    expect(() => loadConfig(scorerConfigSchema, { env: { FETCH_MAX_WAIT_MS: '0' }, file: '' })).toThrow(
      /fetchMaxWaitMs \(env FETCH_MAX_WAIT_MS\).*"?0"?/s,
    );
    expect(() => loadConfig(scorerConfigSchema, { env: { FETCH_MIN_BYTES: '0' }, file: '' })).toThrow(
      /fetchMinBytes \(env FETCH_MIN_BYTES\)/,
    );
  });
});

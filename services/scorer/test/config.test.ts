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
});

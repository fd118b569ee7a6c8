import { describe, expect, it } from 'vitest';
import { ident } from '@ringfence/common';
import { MIGRATIONS, checksum, clusterStatements, layoutStatements } from '../src/index.js';

const T = { cluster: 'ringfence', database: 'rf' };

describe('the cluster layout of the migrations', () => {
  it('gives every table a replicated local table and a Distributed table under its own name', () => {
    const all = MIGRATIONS.flatMap((m) => layoutStatements(m, 'rf', 'ringfence'));
    const creates = all.filter((s) => s.startsWith('CREATE TABLE'));
    const locals = creates.filter((s) => /^CREATE TABLE IF NOT EXISTS `rf`\.\w+_local /.test(s));
    const distributed = creates.filter((s) => s.includes('ENGINE = Distributed('));
    expect(locals.length).toBe(distributed.length);
    for (const s of locals) {
      expect(s).toMatch(/ ON CLUSTER `ringfence` \(/);
      expect(s).toMatch(
        /ENGINE = Replicated(Replacing|Aggregating)?MergeTree\('\/clickhouse\/tables\/\{shard\}\/rf\/\w+_local', '\{replica\}'/,
      );
    }
    expect(distributed).toContain(
      'CREATE TABLE IF NOT EXISTS `rf`.cdr ON CLUSTER `ringfence` AS `rf`.cdr_local ENGINE = Distributed(`ringfence`, `rf`, `cdr_local`, cityHash64(call_id))',
    );
    // Views read and write the local tables, so each shard aggregates what it holds.
    for (const v of all.filter((s) => s.startsWith('CREATE MATERIALIZED VIEW'))) {
      expect(v).toMatch(/ ON CLUSTER `ringfence` TO `rf`\.\w+_local AS\n/);
      expect(v).toContain('FROM `rf`.cdr_local ');
    }
    // Every statement but a backfill runs on every server.
    for (const s of all.filter((x) => !x.startsWith('INSERT'))) expect(s).toContain('ON CLUSTER');
  });

  it('keeps the single-server statements, and their checksums, as they were', () => {
    for (const m of MIGRATIONS) {
      expect(layoutStatements(m, 'rf')).toEqual(m.statements(ident('rf')));
      expect(checksum(m, 'ringfence')).not.toBe(checksum(m));
    }
  });

  it('refuses DDL it has no cluster form for, so a new table cannot skip the layout', () => {
    expect(() =>
      clusterStatements(
        'CREATE TABLE IF NOT EXISTS `rf`.unknown (a UInt8) ENGINE = MergeTree\nORDER BY a',
        T,
      ),
    ).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => clusterStatements('ALTER TABLE `rf`.cdr ADD COLUMN x UInt8', T)).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
    expect(clusterStatements('SELECT 1', T)).toEqual(['SELECT 1']);
  });
});

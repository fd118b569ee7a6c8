import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCdr, readRecords } from '@ringfence/cdr';
import { generateToFiles } from '@ringfence/generator';
import type { ICallDetailRecord } from '@ringfence/proto';
import { Engine, loadRules, type EngineSink } from '/work/main/services/engine/src/index.js';
const rules = loadRules();
const discard: EngineSink = { verdict() {}, tombstone() {}, alert() {} };
const dir = mkdtempSync(join(tmpdir(), 'rf-engine-prof-'));
const { paths } = await generateToFiles({ subscribers: 20_000, hours: 24, seed: 11 }, join(dir, 'b.jsonl'));
const cdrs: ICallDetailRecord[] = [];
for await (const rec of readRecords(paths.cdrs)) { const r = parseCdr(rec.value); if (r.ok) cdrs.push(r.value); }
rmSync(dir, { recursive: true, force: true });
for (let round = 0; round < 8; round++) {
  const engine = new Engine(rules, discard);
  const t0 = performance.now();
  for (const c of cdrs) engine.onCdr(c);
  console.log(Math.round(cdrs.length / ((performance.now() - t0) / 1000)));
}

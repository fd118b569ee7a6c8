import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { protoRoot } from '@ringfence/proto';

// The wire contract: every message field (number, type, label) and every enum value that was ever
// published. A change may add; it may never renumber, retype or remove. New entries are recorded with
// UPDATE_WIRE_SNAPSHOT=1, which refuses to write while anything is broken.
type Snapshot = Record<string, Record<string, string>>;
const snapshotFile = join(import.meta.dirname, 'wire-snapshot.json');

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return protoFiles(full);
    return name.endsWith('.proto') ? [full] : [];
  });
}

function describeTree(): Snapshot {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : join(protoRoot, target));
  root.loadSync(protoFiles(protoRoot), { keepCase: true });
  root.resolveAll();
  const out: Snapshot = {};
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Type) {
        const fields: Record<string, string> = {};
        for (const f of child.fieldsArray) {
          const type = f.resolvedType ? f.resolvedType.fullName.slice(1) : f.type;
          const label =
            f instanceof protobuf.MapField ? `map<${f.keyType}>` : f.repeated ? 'repeated' : 'single';
          fields[f.name] = `${f.id} ${label} ${type}`;
        }
        out[child.fullName.slice(1)] = fields;
      } else if (child instanceof protobuf.Enum) {
        out[child.fullName.slice(1)] = Object.fromEntries(
          Object.entries(child.values).map(([k, v]) => [k, String(v)]),
        );
      } else if (child instanceof protobuf.Service) {
        out[child.fullName.slice(1)] = Object.fromEntries(
          child.methodsArray.map((m) => [
            m.name,
            `${m.requestStream ? 'stream ' : ''}${m.resolvedRequestType?.fullName.slice(1) ?? m.requestType} -> ${m.responseStream ? 'stream ' : ''}${m.resolvedResponseType?.fullName.slice(1) ?? m.responseType}`,
          ]),
        );
      }
      if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) walk(child);
    }
  };
  walk(root);
  return out;
}

function breaks(snapshot: Snapshot, current: Snapshot): string[] {
  const problems: string[] = [];
  for (const [name, entries] of Object.entries(snapshot)) {
    const now = current[name];
    if (now === undefined) {
      problems.push(`${name} was removed`);
      continue;
    }
    for (const [field, was] of Object.entries(entries)) {
      const is = now[field];
      if (is === undefined) problems.push(`${name}.${field} (${was}) was removed`);
      else if (is !== was) problems.push(`${name}.${field} changed from "${was}" to "${is}"`);
    }
  }
  return problems;
}

describe('wire compatibility of protos/', () => {
  const current = describeTree();

  it('keeps every published field number, type and label, and every enum value', () => {
    expect(existsSync(snapshotFile)).toBe(true);
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    const problems = breaks(snapshot, current);
    expect(problems).toEqual([]);
    if (process.env['UPDATE_WIRE_SNAPSHOT'] === '1') {
      writeFileSync(snapshotFile, `${JSON.stringify(current, null, 2)}\n`);
    }
  });

  it('detects a renumbered, retyped or removed field', () => {
    const base: Snapshot = { 'a.M': { x: '1 single string', y: '2 single int64' } };
    expect(breaks(base, { 'a.M': { x: '3 single string', y: '2 single int64' } })).toEqual([
      'a.M.x changed from "1 single string" to "3 single string"',
    ]);
    expect(breaks(base, { 'a.M': { x: '1 single bytes', y: '2 single int64' } })).toHaveLength(1);
    expect(breaks(base, { 'a.M': { x: '1 single string' } })).toEqual(['a.M.y (2 single int64) was removed']);
    expect(breaks(base, {})).toEqual(['a.M was removed']);
    expect(
      breaks(base, { 'a.M': { x: '1 single string', y: '2 single int64', z: '3 single bool' } }),
    ).toEqual([]);
  });

  it('covers the CDR and risk contracts', () => {
    expect(current['ringfence.cdr.v1.CallDetailRecord']?.['call_id']).toBe('1 single string');
    expect(current['ringfence.risk.v1.RiskService']?.['CheckStream']).toBe(
      'stream ringfence.risk.v1.CheckBatchRequest -> stream ringfence.risk.v1.CheckBatchResponse',
    );
  });
});

#!/usr/bin/env node
// Summarises V8 CPU profiles (--cpu-prof, e.g. the scorer or risk-api bench's BENCH_PROFILE_DIR) by
// area: each sample goes to the first frame, from the leaf up, in a package or workspace (Node's
// internals count for the code that called them), then to an area by that frame's file. Samples
// before the first one in the work measured (the engine, risk-api or grpc-js; before it: start-up,
// connecting) are left out.
// Usage: node bench/profile-areas.mjs <file.cpuprofile>...
import { readFileSync } from 'node:fs';

const AREAS = [
  [/kafkajs\/src\/protocol\/recordBatch\/crc32C/, 'kafkajs: CRC-32C'],
  [
    /kafkajs\/src\/(producer\/eosManager|protocol\/requests\/(addPartitionsToTxn|addOffsetsToTxn|endTxn|txnOffsetCommit|initProducerId|findCoordinator))/,
    'kafkajs: transactions',
  ],
  [
    /kafkajs\/src\/(consumer\/|protocol\/decoder|protocol\/requests\/fetch|protocol\/recordBatch\/(v0\/decoder|record\/v0\/decoder|header\/v0\/decoder))/,
    'kafkajs: fetch and decode',
  ],
  [
    /kafkajs\/src\/(producer\/|protocol\/encoder|protocol\/requests\/produce|protocol\/recordBatch\/)/,
    'kafkajs: produce and encode',
  ],
  [/kafkajs\/src\/network\//, 'kafkajs: connection (request queue, socket writes)'],
  [/kafkajs\/src\//, 'kafkajs: other'],
  [/services\/engine\//, 'engine'],
  [/services\/risk-api\/(src|dist)\/(auth|token-file)\./, 'risk-api: auth'],
  [/services\/risk-api\/(src|dist)\/guard-interceptor\./, 'risk-api: guard (interceptor)'],
  [/services\/risk-api\/(src|dist)\/(handlers|status-map)\./, 'risk-api: handlers'],
  [/services\/risk-api\/(src|dist)\/service-definition\./, 'risk-api: codec glue'],
  [/services\/risk-api\/(src|dist)\//, 'risk-api: decision and view'],
  [/services\/risk-api\/bench\//, 'bench servers (echo)'],
  [/@grpc\/grpc-js\/build\/src\/(server-interceptors|server-call)/, 'grpc-js: server call'],
  [/@grpc\/grpc-js\/build\/src\/metadata/, 'grpc-js: metadata'],
  [/@grpc\/grpc-js\/build\/src\/server\./, 'grpc-js: server (sessions, streams)'],
  [/@grpc\/grpc-js\//, 'grpc-js: other'],
  [/services\/proto\/|protobufjs/, 'protobuf encode/decode'],
  [/services\/scorer\/dist\/cdr-decoder/, 'scorer: cdr.v1 decoder'],
  [/services\/scorer\/dist\/(codec|observation-packer|wire)/, 'scorer: observation codec'],
  [/services\/scorer\/dist\/(snapshot-store|engine-state)/, 'scorer: snapshot'],
  [/services\/scorer\//, 'scorer: other'],
  [/services\/common\//, '@ringfence/common'],
  [/prom-client/, 'metrics (prom-client)'],
  [/pino|sonic-boom/, 'logging'],
  [/node_modules\//, 'other packages'],
];
const PROFILER = 'the profiler stopping (left out)';
const SPECIAL = new Map([
  ['(garbage collector)', 'GC'],
  ['(idle)', 'idle'],
  ['(program)', 'V8/native (program)'],
]);

function summarise(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaOf = new Map();
  const area = (id) => {
    if (areaOf.has(id)) return areaOf.get(id);
    const leaf = byId.get(id);
    let found = SPECIAL.get(leaf.callFrame.functionName);
    for (let at = id; found === undefined && at !== undefined; at = parent.get(at)) {
      const url = byId.get(at).callFrame.url;
      // A profile taken through node:inspector ends inside its own Profiler.stop call.
      if (url === 'node:inspector') found = PROFILER;
      if (url === '' || url.startsWith('node:')) continue;
      found = AREAS.find(([re]) => re.test(url))?.[1] ?? `other: ${url}`;
    }
    found ??= 'Node internals';
    areaOf.set(id, found);
    return found;
  };
  const totals = new Map();
  let started = false;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const a = area(id);
    started ||= /^(engine|risk-api|grpc-js)/.test(a);
    if (!started || a === PROFILER) return;
    const us = profile.timeDeltas[i] ?? 0;
    totals.set(a, (totals.get(a) ?? 0) + us);
    total += us;
  });
  return { totals, total };
}

const all = new Map();
let sum = 0;
for (const file of process.argv.slice(2)) {
  const { totals, total } = summarise(file);
  for (const [a, us] of totals) all.set(a, (all.get(a) ?? 0) + us);
  sum += total;
}
const busy = sum - (all.get('idle') ?? 0);
process.stdout.write(
  '| area | share of samples | share of busy samples | s |\n| --- | ---: | ---: | ---: |\n',
);
for (const [a, us] of [...all].sort((x, y) => y[1] - x[1]))
  process.stdout.write(
    `| ${a} | ${((us / sum) * 100).toFixed(1)}% | ${a === 'idle' ? '' : `${((us / busy) * 100).toFixed(1)}%`} | ${(us / 1e6).toFixed(2)} |\n`,
  );

/**
 * Generator throughput: CDRs/s written to a discarding sink (pure generation + formatting) and to
 * a real file (plus the write path), medians over several rounds. Last stdout line is the bench JSON.
 */
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { generate, generateToFiles, type GenerateOptions } from '../src/index.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const options: GenerateOptions = {
  subscribers: Number(process.env['BENCH_SUBSCRIBERS'] ?? 30_000),
  hours: Number(process.env['BENCH_HOURS'] ?? 24),
  seed: 1,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

interface Rate {
  wall: number;
  /** Records per CPU-second of this process: steadier than wall time on a shared, loaded machine. */
  cpu: number;
}

async function round(kind: 'discard' | 'file', dir: string): Promise<Rate> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records: number;
  if (kind === 'discard') {
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    records = (await generate(options, { cdrs: sink, complaints: sink, labels: sink })).records;
  } else {
    records = (await generateToFiles(options, join(dir, 'bench.jsonl'))).summary.records;
  }
  const cpu = process.cpuUsage(c0);
  return {
    wall: records / ((performance.now() - t0) / 1000),
    cpu: records / ((cpu.user + cpu.system) / 1e6),
  };
}

const dir = await mkdtemp(join(tmpdir(), 'rf-gen-bench-'));
try {
  await round('discard', dir); // warm-up: JIT and page cache
  const discard: Rate[] = [];
  const file: Rate[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    discard.push(await round('discard', dir));
    file.push(await round('file', dir));
  }
  const wall = (rs: Rate[]): number => Math.round(median(rs.map((r) => r.wall)));
  const cpu = (rs: Rate[]): number => Math.round(median(rs.map((r) => r.cpu)));
  const setup = `${options.subscribers} subscribers x ${options.hours} h, ${ROUNDS} rounds, population build included`;
  const load = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
  const d = wall(discard);
  const show = (rs: Rate[]): string =>
    rs.map((r) => `${Math.round(r.wall)} (cpu ${Math.round(r.cpu)})`).join(', ');
  process.stdout.write(`discard rounds: ${show(discard)} CDR/s\n`);
  process.stdout.write(`file rounds:    ${show(file)} CDR/s\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'generator/generate',
      results: [
        {
          metric: 'generation to a discarding sink',
          value: d,
          unit: 'CDR/s',
          target: '>= 300000',
          notes: `${setup}; per CPU-second ${cpu(discard)}; ${load}`,
        },
        {
          metric: 'generation to JSONL files',
          value: wall(file),
          unit: 'CDR/s',
          target: '>= 200000',
          baseline: { metric: 'generation to a discarding sink', value: d, unit: 'CDR/s' },
          notes: `${setup}; per CPU-second ${cpu(file)}; ${load}`,
        },
      ],
    })}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

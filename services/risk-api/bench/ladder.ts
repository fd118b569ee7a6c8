// The unary rate ladder shared by the load generator (which climbs it) and the bench (which reads
// it): the rates, what counts as a step that held, and the figures taken from a climbed ladder.

/** One open-loop run at one rate. */
export interface Step {
  rate: number;
  done: number;
  /** Load-generator CPU per answered call in this step (µs). */
  clientCpuUs: number;
  achieved: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  shed: number;
  /** The step was run twice: its first run did not hold (the figures are the second run's). */
  retried?: boolean;
}

/** The latency a step must hold at p99 (ms). */
export const P99_LIMIT_MS = 10;

/**
 * Rates from `from` to `to` in steps of a sixth of an octave (×1.122, rounded to 10/s), through
 * 1000/s and 2000/s exactly: fine enough that one server's highest rate over another's means
 * something near 0.85 (adjacent steps differ by 11–12 %).
 */
export function ladderRates(from: number, to: number): number[] {
  const rates: number[] = [];
  for (let k = Math.floor(6 * Math.log2(from / 1000)); ; k++) {
    const rate = Math.round((1000 * 2 ** (k / 6)) / 10) * 10;
    if (rate > to) return rates;
    if (rate >= from) rates.push(rate);
  }
}

/** A step held: p99 within the limit, every call answered, none shed, the rate actually offered. */
export function stepHeld(s: Step): boolean {
  return s.p99 <= P99_LIMIT_MS && s.errors === 0 && s.shed === 0 && s.achieved >= s.rate * 0.8;
}

/**
 * The highest rate achieved before the first step that did not hold (the ladder may run past it).
 * The load generator runs a step that misses once more at once, so a step here misses only when
 * its rate missed twice in a row: one pause (a garbage collection, the process descheduled) decides
 * a 2-second step's p99 at any rate, saturation decides it every time.
 */
export function highestHeld(steps: readonly Step[]): number {
  const firstMiss = steps.findIndex((s) => !stepHeld(s));
  return Math.max(0, ...(firstMiss < 0 ? steps : steps.slice(0, firstMiss)).map((s) => s.achieved));
}

function medianOf(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Figure by figure medians of runs at one rate; counts are summed. */
export function medianStep(runs: readonly Step[]): Step {
  const m = (k: 'clientCpuUs' | 'achieved' | 'p50' | 'p99' | 'p999'): number =>
    medianOf(runs.map((r) => r[k]));
  const sum = (k: 'done' | 'errors' | 'shed'): number => runs.reduce((n, r) => n + r[k], 0);
  const retried = runs.some((r) => r.retried === true);
  return {
    rate: runs[0]?.rate ?? 0,
    done: sum('done'),
    clientCpuUs: m('clientCpuUs'),
    achieved: m('achieved'),
    p50: m('p50'),
    p99: m('p99'),
    p999: m('p999'),
    errors: sum('errors'),
    shed: sum('shed'),
    ...(retried ? { retried } : {}),
  };
}

/** Per rate, the medians of the rounds that reached it. `rounds[r]` is round r's ladder. */
export function medianLadder(rounds: readonly (readonly Step[])[]): Step[] {
  const out: Step[] = [];
  for (let i = 0; ; i++) {
    const runs = rounds.flatMap((steps) => steps.slice(i, i + 1));
    if (runs.length === 0) return out;
    out.push(medianStep(runs));
  }
}

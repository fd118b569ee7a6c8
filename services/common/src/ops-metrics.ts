/**
 * The Prometheus text a service serves on its ops port (`/metrics`), or undefined while it does not
 * answer (not started yet, stopped, hung past `timeoutMs`).
 */
export async function scrapeMetrics(port: number, timeoutMs = 5_000): Promise<string | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
    return await res.text();
  } catch {
    return undefined;
  }
}

/**
 * The sum of the samples of series `name` in Prometheus text whose label text contains every one of
 * `labels` (e.g. `topic="cdr.v1"`); 0 when none does.
 */
export function sumMetric(text: string, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!labels.every((l) => line.includes(l))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** How many series of `name` in Prometheus text have label text containing every one of `labels`. */
export function countSeries(text: string, name: string, ...labels: string[]): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels.every((l) => line.includes(l))) n++;
  }
  return n;
}

/** The metric names Prometheus text declares (its `# TYPE` lines), whether or not they have samples yet. */
export function declaredMetrics(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (m !== null) out.set(m[1]!, m[2]!);
  }
  return out;
}

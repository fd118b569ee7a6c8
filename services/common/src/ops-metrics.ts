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

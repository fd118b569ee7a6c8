/**
 * Node flags the risk-api process runs with, wherever it runs (`npm start`, Compose, Kubernetes,
 * the bench). A small young generation keeps every scavenge short: each call leaves dead objects
 * that older dead objects still point at, so a scavenge of Node's default young generation (grown to
 * 16 MB and more) copies megabytes and stops the server for 25–40 ms every second or two, which sets
 * the p99 of `Check`. At 4 MB a scavenge stays under about 8 ms; 2 MB was shorter still but cost
 * batch and stream throughput and brought more full GCs (bench/results/2026-12-04-quiet-run.md).
 */
export const RISK_API_NODE_FLAGS: readonly string[] = Object.freeze(['--max-semi-space-size=4']);

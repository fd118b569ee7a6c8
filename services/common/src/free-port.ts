import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { RingfenceError } from './errors.js';

/** The lowest port of the range tried first: above the well-known and registered ones most used. */
const LOW = 20_000;

/**
 * The kernel's ephemeral range, where every outgoing connection takes its local port. A port picked
 * there can be taken by some client's connection before the server it was picked for binds it (a
 * ClickHouse server of a private cluster then exits at start), so ports are picked below it.
 */
function ephemeralStart(): number {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const n = Number(start);
    return Number.isInteger(n) && n > LOW + 1_000 ? n : 0;
  } catch {
    return 0;
  }
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' && port !== 0) resolve(undefined);
      else reject(err);
    });
    s.listen(port, '127.0.0.1', () => {
      const { port: bound } = s.address() as { port: number };
      s.close(() => resolve(bound));
    });
  });
}

/**
 * Ports this process handed out: a server started later than the next pick (a JVM takes seconds to
 * bind) would otherwise leave its port free to be picked twice, and one of the two servers exits.
 */
const handedOut = new Set<number>();

/**
 * A TCP port on 127.0.0.1 that was free a moment ago and that this process has not handed out
 * before, outside the ephemeral range where the kernel knows it (else any the kernel gives).
 */
export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  for (let i = 0; i < 50; i++) {
    const pick = end > 0 ? LOW + Math.floor(Math.random() * (end - LOW)) : 0;
    if (handedOut.has(pick)) continue;
    const port = await listenOn(pick);
    if (port === undefined || handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new RingfenceError('UNAVAILABLE', 'no free port found on 127.0.0.1 in 50 attempts');
}

import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
 * A TCP port on 127.0.0.1 that was free a moment ago, outside the ephemeral range where the kernel
 * knows it (else any the kernel gives).
 */
export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  if (end > 0) {
    for (let i = 0; i < 50; i++) {
      const port = await listenOn(LOW + Math.floor(Math.random() * (end - LOW)));
      if (port !== undefined) return port;
    }
  }
  return (await listenOn(0))!;
}

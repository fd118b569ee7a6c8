import type { Logger } from 'pino';
import { RingfenceError } from './errors.js';

export type Stop = () => Promise<void>;
/**
 * Given to a service's start: the service found itself broken beyond what it can mend in place (a
 * consumer that stopped fetching, say). It stops as on SIGTERM and exits with status 1, so its
 * supervisor (`npm start`'s job, Kubernetes) starts it again.
 */
export type Fail = (err: unknown) => void;

/**
 * Set by a supervising job (`ringfence run`) in each process it starts: its process id. The service
 * stops, as on SIGTERM, once that process is no longer its parent: a job killed outright (SIGKILL,
 * the OOM killer) cannot stop its services, which run in process groups of their own, and they
 * must not linger holding ports and consumer-group memberships.
 */
export const SUPERVISOR_PID_ENV = 'RINGFENCE_SUPERVISOR_PID';
const SUPERVISOR_CHECK_MS = 1_000;

/** The supervising job's process id from the environment; undefined when the service runs alone. */
function supervisorPid(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const pid = Number(raw);
  if (!Number.isInteger(pid) || pid <= 1)
    throw new RingfenceError(
      'CONFIG_INVALID',
      `${SUPERVISOR_PID_ENV}=${raw}: expected the supervising job's process id (an integer above 1)`,
    );
  return pid;
}

/**
 * Runs a long-lived service: calls `start`, then on SIGTERM or SIGINT calls the returned stop
 * function (finish in-flight work, commit offsets, close) and exits. A second signal, or a stop that
 * takes longer than `graceMs`, exits at once with status 1. A service that calls the `fail` it is
 * given stops the same way and exits with status 1.
 */
export function runService(logger: Logger, start: (fail: Fail) => Promise<Stop>, graceMs = 15_000): void {
  let stopping = false;
  let failed = false;
  let stop: Stop | undefined;
  const finish = (s: Stop): void => {
    const timer = setTimeout(() => {
      logger.error({ graceMs }, 'stop took too long, exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    s().then(
      () => {
        logger.info('stopped');
        process.exit(failed ? 1 : 0);
      },
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'stopping');
    shutdown();
  };
  const shutdown = (): void => {
    stopping = true;
    if (stop !== undefined) {
      finish(stop);
      return;
    }
    // Still starting: stop as soon as start returns its stop function, but a start that waits for
    // a server that never comes must not keep the process past the grace period.
    setTimeout(() => {
      logger.error({ graceMs }, 'still starting after the grace period, exiting');
      process.exit(1);
    }, graceMs).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  let supervisor: number | undefined;
  try {
    supervisor = supervisorPid(process.env[SUPERVISOR_PID_ENV]);
  } catch (err) {
    logger.fatal({ err }, 'start failed');
    process.exit(1);
  }
  if (supervisor !== undefined) {
    const watch = setInterval(() => {
      if (process.ppid === supervisor) return;
      clearInterval(watch);
      logger.warn({ supervisor }, 'the job that started this service is gone');
      onSignal('SIGTERM');
    }, SUPERVISOR_CHECK_MS);
    watch.unref();
  }
  const fail: Fail = (err) => {
    if (failed) return;
    failed = true;
    logger.fatal({ err }, 'failed: stopping, to be started again');
    if (!stopping) shutdown();
  };
  start(fail).then(
    (s) => {
      stop = s;
      if (stopping) finish(s);
    },
    (err: unknown) => {
      logger.fatal({ err }, 'start failed');
      process.exit(1);
    },
  );
}

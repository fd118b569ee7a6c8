import type { Logger } from 'pino';

export type Stop = () => Promise<void>;

/**
 * Runs a long-lived service: calls `start`, then on SIGTERM or SIGINT calls the returned stop
 * function (finish in-flight work, commit offsets, close) and exits. A second signal, or a stop that
 * takes longer than `graceMs`, exits at once with status 1.
 */
export function runService(logger: Logger, start: () => Promise<Stop>, graceMs = 15_000): void {
  let signalled = false;
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
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'stopping');
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
  start().then(
    (s) => {
      stop = s;
      if (signalled) finish(s);
    },
    (err: unknown) => {
      logger.fatal({ err }, 'start failed');
      process.exit(1);
    },
  );
}

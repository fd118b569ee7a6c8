import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs to stdout (or `destination`), one logger per service, children per component. */
export function createLogger(
  service: string,
  level: LevelWithSilent = 'info',
  destination?: NodeJS.WritableStream,
): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

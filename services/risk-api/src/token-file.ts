import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { RingfenceError, type Logger } from '@ringfence/common';
import type { TokenSet } from './auth.js';
import { tokenMap } from './config.js';

/**
 * Parses a token file: a JSON object (token → switch id) or `token=switch` pairs, one a line or
 * comma-separated. Throws CONFIG_INVALID naming the file, never a token.
 */
export function parseTokenFile(path: string, text: string): Record<string, string> {
  const trimmed = text.trim();
  let raw: unknown = trimmed.replace(/\r?\n/g, ',');
  if (trimmed.startsWith('{')) {
    try {
      raw = JSON.parse(trimmed);
    } catch {
      throw new RingfenceError('CONFIG_INVALID', `token file ${path} is not valid JSON`, {
        detail: { file: path },
      });
    }
  }
  const parsed = tokenMap.safeParse(raw);
  if (!parsed.success) {
    // Issue paths would name the offending token: report only how many entries are wrong.
    throw new RingfenceError(
      'CONFIG_INVALID',
      `token file ${path}: ${parsed.error.issues.length} invalid entries (tokens ≥ 16 characters, each with a switch id)`,
      { detail: { file: path } },
    );
  }
  return parsed.data;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new RingfenceError('CONFIG_INVALID', `cannot read the token file ${path}`, {
      cause: err,
      detail: { file: path },
    });
  }
}

export interface TokenFileWatch {
  stop(): void;
}

/**
 * Loads the token file into `tokens` (with the `fixed` tokens from configuration; a missing or
 * invalid file stops start-up with CONFIG_INVALID) and re-reads it
 * every `intervalMs`, swapping the set when the content changed. Polling, as for the certificates:
 * it sees an atomic rename or a Kubernetes secret's symlink swap, which file events can miss. A file
 * that cannot be read or parsed keeps the tokens in force (switches stay served) and is logged.
 */
export function watchTokenFile(options: {
  path: string;
  intervalMs: number;
  tokens: TokenSet;
  fixed: Readonly<Record<string, string>>;
  logger: Logger;
}): TokenFileWatch {
  const { path, tokens, fixed, logger } = options;
  let last = readText(path);
  tokens.replace({ ...fixed, ...parseTokenFile(path, last) });
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    readFile(path, 'utf8')
      .then((text) => {
        if (text === last) return;
        last = text;
        try {
          tokens.replace({ ...fixed, ...parseTokenFile(path, text) });
          logger.info({ file: path, tokens: tokens.size }, 'token file reloaded');
        } catch (err) {
          logger.error({ err, file: path }, 'token file invalid: keeping the tokens in force');
        }
      })
      .catch((err: unknown) => {
        logger.error({ err, file: path }, 'token file unreadable: keeping the tokens in force');
      })
      .finally(() => {
        reading = false;
      });
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

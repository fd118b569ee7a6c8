import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { CONFIG_FILE_ENV, envName } from '@ringfence/common';
import { MAIN_JOB_SWITCH, mainJobFiles, mainJobWork, type MainJobFiles } from './run/main-job-files.js';
import { checkoutRoot, stackPaths } from './stack/paths.js';

/** Where a command runs: its environment and working directory. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const processContext = (): CommandContext => ({ env: process.env, cwd: process.cwd() });

/** Config keys a command may take from the main job, and how the main job's file gives the value. */
const CONFIG_FALLBACKS = {
  usersFile: { file: 'usersFile', value: (path: string) => path },
  signingKey: { file: 'signingKey', value: (path: string) => path },
  calleeHashKey: { file: 'calleeHashKey', value: (path: string) => readFileSync(path, 'utf8').trim() },
  authTokens: {
    file: 'riskApiToken',
    value: (path: string) => `${readFileSync(path, 'utf8').trim()}=${MAIN_JOB_SWITCH}`,
  },
} as const satisfies Record<string, { file: keyof MainJobFiles; value: (path: string) => string }>;

export type MainJobKey = keyof typeof CONFIG_FALLBACKS;

/** Tells the user on stderr which of the main job's settings a command took. */
export function note(line: string): void {
  process.stderr.write(`ringfence: ${line}\n`);
}

/**
 * The main job's file `name`, when the command runs inside the checkout (the local stack's
 * `.stack/run`, or $RINGFENCE_STACK_DIR/run) and the main job has written it; else undefined.
 */
export function mainJobFile(
  name: keyof MainJobFiles,
  ctx: CommandContext = processContext(),
): string | undefined {
  // An installed CLI (a container image) has no checkout and so no main job.
  const repo = checkoutRoot();
  if (repo === undefined) return undefined;
  const rel = relative(repo, ctx.cwd);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const file = mainJobFiles(mainJobWork(stackPaths(ctx.env).stack))[name];
  return existsSync(file) ? file : undefined;
}

/** A path as the user would type it from where they are. */
export function shown(path: string, ctx: CommandContext = processContext()): string {
  const rel = relative(ctx.cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** What $RINGFENCE_CONFIG sets; undefined when that file cannot be read (loadConfig then says why). */
function configFile(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  const file = env[CONFIG_FILE_ENV];
  if (file === undefined || file === '') return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The value the user set for a config key, in the environment (which wins) or in $RINGFENCE_CONFIG. */
export function userSetting(key: string, ctx: CommandContext = processContext()): string | undefined {
  const fromEnv = ctx.env[envName(key)];
  if (fromEnv !== undefined) return fromEnv;
  const fromFile = configFile(ctx.env)?.[key];
  return typeof fromFile === 'string' ? fromFile : undefined;
}

/**
 * The environment to load a command's configuration from: the user's own, plus, for each of `keys`
 * the user has set neither in the environment nor in $RINGFENCE_CONFIG, the main job's local value
 * (see {@link mainJobFile}). Says on stderr each one it took.
 */
export function withMainJobSettings(
  keys: readonly MainJobKey[],
  ctx: CommandContext = processContext(),
): NodeJS.ProcessEnv {
  const env = { ...ctx.env };
  const inFile = configFile(ctx.env);
  if (inFile === undefined) return env;
  for (const key of keys) {
    const variable = envName(key);
    if (ctx.env[variable] !== undefined || key in inFile) continue;
    const fallback = CONFIG_FALLBACKS[key];
    const file = mainJobFile(fallback.file, ctx);
    if (file === undefined) continue;
    env[variable] = fallback.value(file);
    note(`${variable} not set: using the main job's, from ${shown(file, ctx)}`);
  }
  return env;
}

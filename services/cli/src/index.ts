#!/usr/bin/env node
import { Command } from 'commander';
import { isRingfenceError } from '@ringfence/common';
import { registerStack } from './commands/stack.js';
import { registerDb } from './commands/db.js';
import { registerReplay } from './commands/replay.js';
import { registerGenerate } from './commands/generate.js';
import { registerConsole } from './commands/console.js';
import { registerRisk } from './commands/risk.js';
import { registerExport } from './commands/export.js';
import { registerScore } from './commands/score.js';
import { registerRun } from './commands/run.js';
import { registerDlq } from './commands/dlq.js';

const program = new Command('ringfence')
  .description('Ringfence: harassing-call detection for carriers. Operates the local stack and the pipeline.')
  .showHelpAfterError();

// One register function per command file in ./commands.
registerStack(program);
registerDb(program);
registerReplay(program);
registerDlq(program);
registerGenerate(program);
registerConsole(program);
registerRisk(program);
registerExport(program);
registerScore(program);
registerRun(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(
    `ringfence: ${isRingfenceError(err) ? `[${err.code}] ` : ''}${(err as Error).message}\n`,
  );
  process.exit(isRingfenceError(err, 'CONFIG_INVALID') || isRingfenceError(err, 'INVALID_ARGUMENT') ? 2 : 1);
});

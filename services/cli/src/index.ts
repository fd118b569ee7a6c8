#!/usr/bin/env node
import { Command } from 'commander';
import { isRingfenceError } from '@ringfence/common';
import { registerStack } from './commands/stack.js';

const program = new Command('ringfence')
  .description('Ringfence: harassing-call detection for carriers. Operates the local stack and the pipeline.')
  .showHelpAfterError();

// One register function per command file in ./commands.
registerStack(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`ringfence: ${isRingfenceError(err) ? `[${err.code}] ` : ''}${(err as Error).message}\n`);
  process.exit(isRingfenceError(err, 'CONFIG_INVALID') || isRingfenceError(err, 'INVALID_ARGUMENT') ? 2 : 1);
});

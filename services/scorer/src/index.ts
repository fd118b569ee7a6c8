#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './service.js';

export { scorerConfigSchema, scorerConfigShape, type ScorerConfig } from './config.js';
export { startScorer, type Scorer, type ScorerOptions } from './scorer.js';

// Run as a service when this file is the process entry (directly or through the bin symlink).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) main();

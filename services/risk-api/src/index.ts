import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './service.js';

export { createRiskClient, type RiskAnswer, type RiskClient, type RiskClientOptions } from './client.js';
export { riskApiConfigSchema, riskApiConfigShape, type RiskApiConfig } from './config.js';
export { startRiskApi, type RiskApi } from './service.js';
export { startRiskServer, type RiskServer, type ServerConfig } from './server.js';
export { startViewLoader, type ViewLoader } from './view-loader.js';
export { RiskView } from './risk-view.js';
export { createPolicy, type Policy } from './policy.js';
export { createDecider, type Decide } from './decide.js';
export { grpcStatusFor, toGrpcStatus } from './status-map.js';
export { RISK_SERVICE_NAME, riskServiceDefinition } from './service-definition.js';
export { NO_RISK, type Answer, type Block, type Decision } from './answer.js';
export { displayLabel, type DisplayText } from './labels.js';
export { RISK_API_NODE_FLAGS } from './node-flags.js';

// Run as a service when this file is the process entry (directly or through the bin symlink).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) main();

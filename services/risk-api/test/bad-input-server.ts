import { createLogger, Registry, startOpsServer } from '@ringfence/common';
import { SubjectKind } from '@ringfence/proto';
import { startRiskServer } from '../src/index.js';
import { highVerdict, testConfig, verdictBytes } from './support.js';

/*
 * The risk-api server in its own process for the bad-input test (run with `node --import tsx`), so a
 * crash shows as an exit rather than as a failed test worker. Prints its ports as one JSON line.
 * Argument: the in-flight limit.
 */
const KNOWN = '+8613911112222';
const KNOWN_TRUNK = 'TR-HOT';

const registry = new Registry();
const server = await startRiskServer(testConfig({ maxInFlight: Number(process.argv[2] ?? '2000') }), {
  logger: createLogger('risk-api-bad-input', 'silent'),
  registry,
});
server.view.applyCaller(KNOWN, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, KNOWN, 'scam')));
server.view.applySource(
  `trunk:${KNOWN_TRUNK}`,
  verdictBytes(
    highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, KNOWN_TRUNK, 'spoofing', 80, 'SRC_ONNET_FROM_OUTSIDE'),
  ),
);
const ops = await startOpsServer({ host: '127.0.0.1', port: 0, registry });
server.setReady(true);
ops.setReady(true);
process.stdout.write(`${JSON.stringify({ grpcPort: server.port, opsPort: ops.port })}\n`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => ops.close())
    .then(() => process.exit(0));
});

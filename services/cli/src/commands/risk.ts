import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { createLogger, runService, RingfenceError } from '@ringfence/common';
import { Action, Attestation, Level } from '@ringfence/proto';
import { createRiskClient, startRiskApi } from '@ringfence/risk-api';
import { mainJobFile, note, shown, withMainJobSettings } from '../local-settings.js';
import { print } from '../output.js';

/** The token `risk check` sends: --token, $RISK_API_TOKEN, or inside the checkout the main job's. */
function riskToken(flag: string | undefined): string | undefined {
  const given = flag ?? process.env['RISK_API_TOKEN'];
  if (given !== undefined) return given;
  const file = mainJobFile('riskApiToken');
  if (file === undefined) return undefined;
  note(`no --token or RISK_API_TOKEN: using the main job's risk-api token, from ${shown(file)}`);
  return readFileSync(file, 'utf8').trim();
}

const ATTESTATION = {
  A: Attestation.ATTESTATION_A,
  B: Attestation.ATTESTATION_B,
  C: Attestation.ATTESTATION_C,
};

export function registerRisk(program: Command): void {
  const risk = program.command('risk').description('the gRPC risk service switches query at call setup');
  risk
    .command('serve')
    .description(
      'run risk-api (config from RINGFENCE_CONFIG and env: GRPC_PORT, AUTH_TOKENS=token=switch,...; ' +
        "inside the checkout AUTH_TOKENS defaults to the main job's token)",
    )
    .action(() => {
      const env = withMainJobSettings(['authTokens']);
      runService(createLogger('risk-api'), async () => (await startRiskApi({ env })).stop);
    });
  risk
    .command('check')
    .description('ask risk-api about one call through the fail-open client; prints the answer as JSON')
    .argument('<calling>', 'calling number (E.164 or national)')
    .requiredOption('--called <number>', 'called number')
    .option('--trunk <id>', 'ingress trunk', '')
    .option('--carrier <id>', 'ingress carrier', '')
    .addOption(new Option('--attestation <letter>', 'STIR/SHAKEN attestation').choices(['A', 'B', 'C']))
    .option('--address <host:port>', 'risk-api address', '127.0.0.1:50051')
    .option('--token <token>', "bearer token (default $RISK_API_TOKEN, inside the checkout the main job's)")
    .option('--deadline <ms>', 'answer deadline in ms', '50')
    .action(
      async (
        calling: string,
        o: {
          called: string;
          trunk: string;
          carrier: string;
          attestation?: keyof typeof ATTESTATION;
          address: string;
          token?: string;
          deadline: string;
        },
      ) => {
        const deadlineMs = Number(o.deadline);
        if (!Number.isInteger(deadlineMs) || deadlineMs <= 0) {
          throw new RingfenceError(
            'INVALID_ARGUMENT',
            `--deadline must be a positive integer, got ${o.deadline}`,
          );
        }
        const token = riskToken(o.token);
        const client = createRiskClient({ address: o.address, deadlineMs, ...(token ? { token } : {}) });
        const a = await client.check({
          calling,
          called: o.called,
          ingressTrunk: o.trunk,
          ingressCarrier: o.carrier,
          attestation:
            o.attestation === undefined ? Attestation.ATTESTATION_UNSPECIFIED : ATTESTATION[o.attestation],
        });
        client.close();
        print(
          JSON.stringify({
            ...a,
            action: Action[a.action ?? Action.ACTION_ALLOW],
            level: Level[a.level ?? Level.LEVEL_NONE],
          }),
        );
      },
    );
}

import type { Command } from 'commander';
import { createLogger, loadConfig, runService } from '@ringfence/common';
import { ROLES, UserStore, consoleConfigSchema, isRole, startConsole } from '@ringfence/console';
import { z } from 'zod';
import { withMainJobSettings } from '../local-settings.js';
import { print } from '../output.js';

const usersSchema = z.object({ usersFile: consoleConfigSchema.shape.usersFile });

/** $USERS_FILE, or inside the checkout the main job's users when it has some. */
function usersFile(): string {
  return loadConfig(usersSchema, { env: withMainJobSettings(['usersFile']) }).usersFile;
}

export function registerConsole(program: Command): void {
  const cmd = program
    .command('console')
    .description('the operator console (web UI + JSON API); config from env, see docs/console-api.md');
  cmd
    .command('start')
    .description('serve the console; with --bootstrap-admin and no users yet, prints a working login')
    .option('--port <port>', 'HTTP port (default $HTTP_PORT or 8080)')
    .option('--bootstrap-admin <name>', 'create this supervisor when the users file is empty')
    .action((o: { port?: string; bootstrapAdmin?: string }) => {
      const config = loadConfig(consoleConfigSchema, {
        env: withMainJobSettings(['usersFile']),
        overrides: {
          ...(o.port === undefined ? {} : { httpPort: o.port }),
          ...(o.bootstrapAdmin === undefined ? {} : { bootstrapAdmin: o.bootstrapAdmin }),
        },
      });
      const logger = createLogger('console', config.logLevel);
      runService(logger, async () => {
        const server = await startConsole(config, logger);
        print(`console: ${server.url}/login`);
        if (server.bootstrap !== undefined) {
          print(
            `  user: ${server.bootstrap.user}\n  password: ${server.bootstrap.password}\n  role: supervisor`,
          );
        }
        return server.stop;
      });
    });
  const user = cmd
    .command('user')
    .description(
      `console users in $USERS_FILE, inside the checkout the main job's by default (roles: ${ROLES.join(', ')})`,
    );
  user
    .command('add <name> <role>')
    .description('create or reset a user; prints the password (generated unless --password)')
    .option('--password <password>', 'at least 10 characters')
    .action(async (name: string, role: string, o: { password?: string }) => {
      if (!isRole(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      const users = await UserStore.open(usersFile());
      const password = await users.upsert(name, role, o.password);
      print(`user: ${name}\npassword: ${password}\nrole: ${role}`);
    });
  user
    .command('token <name>')
    .description('issue an API bearer token for a user (shown once; only its hash is stored)')
    .action(async (name: string) => {
      const users = await UserStore.open(usersFile());
      print(await users.issueToken(name));
    });
  user
    .command('list')
    .description('list users and roles')
    .action(async () => {
      for (const u of (await UserStore.open(usersFile())).list()) print(`${u.name}\t${u.role}`);
    });
}

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_JOB_PORTS, mainJobPlan } from '../../src/run/main-job.js';
import { MAIN_JOB_SWITCH, mainJobFiles } from '../../src/run/main-job-files.js';
import { RISK_API_NODE_FLAGS } from '@ringfence/risk-api';

const OPTIONS = {
  repo: '/repo',
  work: join('/tmp', 'rf-stack', 'run'),
  replay: undefined,
  subscribers: 10,
  speed: 1,
  seed: 1,
  ingestToken: 'ingest-token-0123456789',
  switchToken: 'switch-token-0123456789',
  adminPassword: 'admin-password-1',
  calleeHashKey: 'callee-key-0123456789',
  ports: MAIN_JOB_PORTS,
  env: {},
};

describe('the main job plan', () => {
  it('migrates, then applies retention, once each before any service starts (services only wait)', () => {
    const plan = mainJobPlan(OPTIONS);
    const db = plan.setup.filter((s) => s.args.includes('db')).map((s) => s.args.slice(-2).join(' '));
    expect(db).toEqual(['db migrate', 'db retention']);
    expect(plan.setup.slice(0, 2).map((s) => s.name)).toEqual(['db-migrate', 'db-retention']);
    for (const s of plan.services) expect(s.args, s.name).not.toContain('migrate');
  });

  it('keeps its keys and users where commands run in the checkout look for them', () => {
    const plan = mainJobPlan(OPTIONS);
    const files = mainJobFiles(OPTIONS.work);
    const env = (name: string) => plan.services.find((s) => s.name === name)?.env ?? {};
    expect(env('console')['USERS_FILE']).toBe(files.usersFile);
    expect(env('exporter')['SIGNING_KEY']).toBe(files.signingKey);
    expect(env('risk-api')['AUTH_TOKENS']).toBe(`switch-token-0123456789=${MAIN_JOB_SWITCH}`);
    const setup = (name: string) => plan.setup.find((s) => s.name === name);
    expect(setup('console-admin')?.env['USERS_FILE']).toBe(files.usersFile);
    expect(setup('export-keygen')?.args).toContain(files.signingKey);
    expect(plan.banner.join('\n')).toContain(
      'RISK_API_TOKEN=switch-token-0123456789 npx ringfence risk check',
    );
  });

  it('starts the risk-api with its node flags, and no other service with them', () => {
    const plan = mainJobPlan(OPTIONS);
    const risk = plan.services.find((s) => s.name === 'risk-api');
    expect(risk?.args.slice(0, RISK_API_NODE_FLAGS.length)).toEqual([...RISK_API_NODE_FLAGS]);
    expect(risk?.args.at(-1)).toMatch(/services\/risk-api\/dist\/index\.js$/);
    for (const s of plan.services.filter((x) => x.name !== 'risk-api'))
      for (const flag of RISK_API_NODE_FLAGS) expect(s.args, s.name).not.toContain(flag);
  });
});

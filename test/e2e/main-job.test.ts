import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack, until } from '@ringfence/common/testing';
import { Level } from '@ringfence/proto';
import { createRiskClient } from '@ringfence/risk-api';

/*
 * `npm start` is `ringfence run`: migrations, every service under a supervisor, live synthetic
 * traffic, a banner with the console's address and login. This runs it as a user would (on the
 * shared local stack, its own topic prefix and database) and checks what the README promises: the
 * console shows flagged numbers and the sources they came through, the risk service answers for
 * them, and Ctrl-C stops everything the job started. It uses the main job's fixed ports (8080,
 * 8088, 50051, 9461-9466), so a developer's own `npm start` must not be running meanwhile.
 */
const CLI = fileURLToPath(new URL('../../services/cli/dist/index.js', import.meta.url));
const stack = testStack();
let job: ChildProcess | undefined;
let output = '';

afterAll(async () => {
  if (job !== undefined && job.exitCode === null) {
    job.kill('SIGKILL');
  }
  await stack.dropDatabase();
});

function banner(re: RegExp): string | undefined {
  return re.exec(output)?.[1];
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The console session of `admin`, through the login form as a browser does it. */
async function login(base: string, password: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const pre = /rf_pre=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `rf_pre=${pre}` },
    body: new URLSearchParams({ username: 'admin', password, _csrf: csrf }).toString(),
  });
  const sid = /rf_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || sid === undefined) throw new Error(`login answered ${res.status}`);
  return sid;
}

interface Campaigns {
  flaggedNumbers: number;
  campaigns: { numbers: { number: string; level: string }[]; trunks: string[]; carriers: string[] }[];
  leaderboard: { kind: string; id: string; flaggedCalls: number }[];
}

describe('npm start (ringfence run)', () => {
  it('brings up every service with live traffic, shows flagged numbers and their sources, answers, and stops on Ctrl-C', async () => {
    job = spawn(process.execPath, [CLI, 'run', '--subscribers', '3000', '--speed', '120', '--seed', '5'], {
      env: stack.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    job.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    job.stderr?.on('data', (d: Buffer) => (output += d.toString()));

    await until('the banner', () => Promise.resolve(/password "[^"]+"/.test(output)), 180_000);
    const consoleUrl = banner(/console\s+(http:\/\/\S+?)\/?\s/) ?? '';
    const password = banner(/password "([^"]+)"/) ?? '';
    const riskAddress = banner(/risk-api\s+(\S+)\s+\(gRPC\)/) ?? '';
    const switchToken = banner(/RISK_API_TOKEN=(\S+)/) ?? '';
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // The console lists flagged numbers grouped into campaigns with the trunks and carriers they
    // entered through, and ranks those sources.
    let report: Campaigns | undefined;
    await until(
      'flagged numbers and their sources in the console',
      async () => {
        const sid = await login(consoleUrl, password);
        const res = await fetch(`${consoleUrl}/api/v1/campaigns`, { headers: { cookie: `rf_sid=${sid}` } });
        if (res.status !== 200) return false;
        report = (await res.json()) as Campaigns;
        return report.flaggedNumbers > 0 && report.campaigns.length > 0 && report.leaderboard.length > 0;
      },
      240_000,
    );
    const campaign = report!.campaigns[0]!;
    expect(campaign.trunks.length + campaign.carriers.length).toBeGreaterThan(0);
    expect(report!.leaderboard[0]!.flaggedCalls).toBeGreaterThan(0);

    // The risk service answers a switch about a flagged number from its view.
    const flagged = campaign.numbers.find((n) => n.level === 'HIGH' || n.level === 'MEDIUM');
    expect(flagged).toBeDefined();
    const client = createRiskClient({ address: riskAddress, token: switchToken, deadlineMs: 2_000 });
    try {
      let level = Level.LEVEL_NONE;
      await until('risk-api answering for the flagged number', async () => {
        const answer = await client.check({ calling: flagged!.number, called: '+8613700000000' });
        level = answer.level ?? Level.LEVEL_NONE;
        return level >= Level.LEVEL_MEDIUM;
      });
      expect(level).toBeGreaterThanOrEqual(Level.LEVEL_MEDIUM);
    } finally {
      client.close();
    }

    // Ctrl-C: the job stops every service it started and exits cleanly; the shared stack stays up.
    const exited = new Promise<number | null>((resolve) => job!.once('exit', (code) => resolve(code)));
    job.kill('SIGINT');
    expect(await exited).toBe(0);
    const consolePort = Number(new URL(consoleUrl).port);
    const riskPort = Number(riskAddress.split(':')[1]);
    expect(await listening(consolePort)).toBe(false);
    expect(await listening(riskPort)).toBe(false);
    expect(await listening(Number(new URL(stack.clickhouseUrl).port))).toBe(true);
  }, 600_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, status } from '@grpc/grpc-js';
import { Action, SubjectKind } from '@ringfence/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRiskClient, type RiskServer } from '../src/index.js';
import { highVerdict, rawClient, startTestServer, statusOf, TOKEN, verdictBytes } from './support.js';

const N = '+8613911112222';
const dir = mkdtempSync(join(tmpdir(), 'risk-mtls-'));
const path = (name: string): string => join(dir, name);

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A new RSA key `${name}.key` for subject `cn`, with `rest` saying what `openssl req` makes of it. */
function newKey(name: string, cn: string, ...rest: string[]): void {
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path(`${name}.key`),
    '-subj',
    `/CN=${cn}`,
    ...rest,
  );
}

/** A self-signed CA certificate and key, `${name}.crt` and `${name}.key`. */
function authority(name: string, cn: string): void {
  newKey(name, cn, '-x509', '-days', '1', '-out', path(`${name}.crt`));
}

/** A key and a certificate for `cn`, signed by the CA `ca` (the test CA unless told). */
function issue(name: string, cn: string, ext: string, ca = 'ca'): void {
  newKey(name, cn, '-out', path(`${name}.csr`));
  writeFileSync(path(`${name}.ext`), ext);
  openssl(
    'x509',
    '-req',
    '-in',
    path(`${name}.csr`),
    '-CA',
    path(`${ca}.crt`),
    '-CAkey',
    path(`${ca}.key`),
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    path(`${name}.crt`),
    '-extfile',
    path(`${name}.ext`),
  );
}

describe('mTLS: the switch id is the client certificate CN', () => {
  let server: RiskServer;

  beforeAll(async () => {
    authority('ca', 'ringfence-test-ca');
    authority('other-ca', 'someone-else-ca');
    issue('server', 'localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    issue('good', 'sw-tls', 'extendedKeyUsage=clientAuth\n');
    issue('rogue', 'sw-rogue', 'extendedKeyUsage=clientAuth\n');
    // A configured switch's CN, but issued by a CA the server does not trust.
    issue('forged', 'sw-tls', 'extendedKeyUsage=clientAuth\n', 'other-ca');
    ({ server } = await startTestServer({
      tlsCertFile: path('server.crt'),
      tlsKeyFile: path('server.key'),
      tlsClientCaFile: path('ca.crt'),
      mtlsSwitches: ['sw-tls'],
    }));
    server.view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam')));
    server.setReady(true);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const creds = (name: string): ReturnType<typeof credentials.createSsl> =>
    credentials.createSsl(
      readFileSync(path('ca.crt')),
      readFileSync(path(`${name}.key`)),
      readFileSync(path(`${name}.crt`)),
    );

  it('answers a switch whose certificate CN is configured', async () => {
    const c = rawClient(server.port, creds('good'), 'localhost');
    const res = await c.check({ calling: N, called: '1' }, { token: null });
    expect(res.action).toBe(Action.ACTION_LABEL);
    c.close();
  });

  it('refuses a valid certificate whose CN is not a configured switch', async () => {
    const c = rawClient(server.port, creds('rogue'), 'localhost');
    expect(await statusOf(c.check({ calling: N, called: '1' }, { token: null }))).toBe(
      status.PERMISSION_DENIED,
    );
    // A bearer token still identifies the switch over the TLS connection.
    expect((await c.check({ calling: N, called: '1' }, { token: TOKEN })).action).toBe(Action.ACTION_LABEL);
    c.close();
  });

  it('answers UNAUTHENTICATED, not a failed handshake, when no client certificate is sent', async () => {
    const c = rawClient(server.port, credentials.createSsl(readFileSync(path('ca.crt'))), 'localhost');
    expect(await statusOf(c.check({ calling: N, called: '1' }, { token: null }))).toBe(
      status.UNAUTHENTICATED,
    );
    // The same connection with a switch's bearer token is answered.
    expect((await c.check({ calling: N, called: '1' }, { token: TOKEN })).action).toBe(Action.ACTION_LABEL);
    c.close();
  });

  it('answers UNAUTHENTICATED to a certificate from a CA it does not trust, whatever its CN', async () => {
    const c = rawClient(server.port, creds('forged'), 'localhost');
    expect(await statusOf(c.check({ calling: N, called: '1' }, { token: null }))).toBe(
      status.UNAUTHENTICATED,
    );
    c.close();
  });

  it('refuses to start when a TLS file cannot be read', async () => {
    await expect(
      startTestServer({
        tlsCertFile: path('server.crt'),
        tlsKeyFile: path('server.key'),
        tlsClientCaFile: path('no-such-ca.crt'),
        mtlsSwitches: ['sw-tls'],
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('lets the fail-open client speak mTLS', async () => {
    const client = createRiskClient({
      address: `localhost:${server.port}`,
      credentials: creds('good'),
      deadlineMs: 5_000,
    });
    expect((await client.check({ calling: N, called: '1' })).action).toBe(Action.ACTION_LABEL);
    client.close();
  });
});

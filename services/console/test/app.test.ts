import { describe, expect, it } from 'vitest';
import { appWithoutStore, login } from './unit-app.js';

const PROXY = '10.1.2.3';
const CLIENT = '203.0.113.7';
const OTHER_CLIENT = '198.51.100.9';

describe('client address behind a proxy (trustProxy)', () => {
  it("attributes a trusted proxy's request to the forwarded client: audit source_ip and login throttle", async () => {
    const { app, audits } = await appWithoutStore({ trustProxy: '10.0.0.0/8', loginMaxPerIp: 1 });
    const via = (client: string) => ({ remoteAddress: PROXY, headers: { 'x-forwarded-for': client } });
    expect((await login(app, 'wrong-password-1', via(CLIENT))).status).toBe(401);
    expect(audits.at(-1)?.source_ip).toBe(CLIENT);
    // Each client has its own budget though both came through the one proxy.
    expect((await login(app, 'wrong-password-1', via(OTHER_CLIENT))).status).toBe(401);
    expect(audits.at(-1)?.source_ip).toBe(OTHER_CLIENT);
    expect((await login(app, 'wrong-password-1', via(CLIENT))).status).toBe(429);
    await app.close();
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy, and by default', async () => {
    for (const config of [{ trustProxy: '10.0.0.0/8' }, {}]) {
      const { app, audits } = await appWithoutStore({ ...config, loginMaxPerIp: 1 });
      const forged = (client: string) => ({
        remoteAddress: '192.0.2.50',
        headers: { 'x-forwarded-for': client },
      });
      expect((await login(app, 'wrong-password-1', forged(CLIENT))).status).toBe(401);
      expect(audits.at(-1)?.source_ip).toBe('192.0.2.50');
      // A forged header does not buy a fresh throttle budget.
      expect((await login(app, 'wrong-password-1', forged(OTHER_CLIENT))).status).toBe(429);
      await app.close();
    }
  });
});

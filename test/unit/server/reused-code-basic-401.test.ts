import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, basicAuthorization } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { reusedCodeBasic401 } from '../../../dev/server/quirks';

async function introspect(server: BundledServer, token: string): Promise<unknown> {
  const response = await fetch(`${server.issuer}/token/introspection`, {
    method: 'POST',
    headers: { authorization: basicAuthorization(DEMO_CLIENTS.basic.clientId, DEMO_CLIENTS.basic.clientSecret) },
    body: new URLSearchParams({ token }),
  });
  return response.json();
}

describe('the bundled server without quirks', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  it('answers a reused code as oidc-provider does: 400 invalid_grant, and revokes the grant', async () => {
    const obtained = await obtainCode(server.issuer);
    const first = await redeemCode(obtained);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as { access_token: string };
    expect(await introspect(server, tokens.access_token)).toMatchObject({ active: true });

    const second = await redeemCode(obtained);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ error: 'invalid_grant', error_description: 'grant request is invalid' });
    expect(await introspect(server, tokens.access_token)).toEqual({ active: false });
  });

  it('accepts HTTP Basic from demo-post-only (oidc-provider 9 allows both methods to any client)', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.postOnly.clientId });
    const response = await redeemCode(obtained, { ...DEMO_CLIENTS.postOnly, clientAuth: 'client_secret_basic' });
    expect(response.status).toBe(200);
  });
});

describe('reusedCodeBasic401', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [reusedCodeBasic401()] });
  });
  afterAll(() => server?.close());

  it('answers a reused code 401 with FreeAgent’s HTTP Basic refusal, and the grant is still revoked', async () => {
    const obtained = await obtainCode(server.issuer);
    const first = await redeemCode(obtained);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as { access_token: string };

    for (const attempt of [1, 2]) {
      const again = await redeemCode(obtained);
      expect(again.status, `reuse #${attempt}`).toBe(401);
      expect(again.headers.get('www-authenticate')).toBe('Basic realm="Application"');
      expect(again.headers.get('content-type')).toMatch(/^text\/plain\b/);
      expect(await again.text()).toBe('HTTP Basic: Access denied.\n');
    }
    // The request still reached the provider, which revoked what the code had yielded.
    expect(await introspect(server, tokens.access_token)).toEqual({ active: false });
  });

  it('leaves other token errors alone, and a refused attempt does not count as a redemption', async () => {
    const obtained = await obtainCode(server.issuer);
    const wrongVerifier = await redeemCode({ ...obtained, codeVerifier: 'x'.repeat(43) });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });
    // oidc-provider checks PKCE before it uses the code up: the right verifier still redeems it.
    expect((await redeemCode(obtained)).status).toBe(200);
    expect((await redeemCode(obtained)).status).toBe(401);
  });

  it('keeps the provider’s CORS headers on the replaced answer, so the extension can read it', async () => {
    const obtained = await obtainCode(server.issuer);
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect((await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin } })).status).toBe(200);
    const again = await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin } });
    expect(again.status).toBe(401);
    expect(again.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await again.text()).toBe('HTTP Basic: Access denied.\n');
  });
});

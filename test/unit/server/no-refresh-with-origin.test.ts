import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, tokenRequest, type ClientCredentials } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { noRefreshWithOrigin } from '../../../dev/server/quirks';
import { TOKEN_ENDPOINT_PATH } from '../../../dev/server/quirks/token-endpoint';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function refresh(server: BundledServer, refreshToken: string, client: ClientCredentials, headers: Record<string, string> = {}) {
  const request = tokenRequest(`${server.issuer}${TOKEN_ENDPOINT_PATH}`, { grant_type: 'refresh_token', refresh_token: refreshToken }, client);
  return fetch(request.url, { method: 'POST', headers: { ...request.headers, ...headers }, body: request.body! });
}

/** The JSON of a 200 token response, after checking that Content-Length counts exactly its bytes. */
async function tokensOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the bundled server without no-refresh-with-origin', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  // What the quirk takes away: oidc-provider itself does not look at Origin.
  it('issues a refresh token to a request with Origin', async () => {
    const tokens = await tokensOf(await redeemCode(await obtainCode(server.issuer), DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } }));
    expect(tokens).toHaveProperty('refresh_token');
  });
});

describe('noRefreshWithOrigin', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [noRefreshWithOrigin()] });
  });
  afterAll(() => server?.close());

  it('removes refresh_token from a code redemption with Origin and keeps the rest', async () => {
    const tokens = await tokensOf(await redeemCode(await obtainCode(server.issuer), DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } }));
    expect(tokens).not.toHaveProperty('refresh_token');
    expect(Object.keys(tokens).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'scope', 'token_type']);
  });

  it('leaves refresh_token in a redemption without Origin', async () => {
    const tokens = await tokensOf(await redeemCode(await obtainCode(server.issuer)));
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it('removes it from a refresh with Origin too, and not from one without', async () => {
    const { refresh_token: refreshToken } = (await tokensOf(await redeemCode(await obtainCode(server.issuer)))) as { refresh_token: string };

    const browser = await tokensOf(await refresh(server, refreshToken, DEMO_CLIENTS.basic, { origin: ORIGIN }));
    expect(browser).toHaveProperty('access_token');
    expect(browser).not.toHaveProperty('refresh_token');

    // A confidential client's refresh token is not rotated (oidc-provider's default), so it still works.
    const backend = await tokensOf(await refresh(server, refreshToken, DEMO_CLIENTS.basic));
    expect(backend.refresh_token).toBe(refreshToken);
  });

  it('leaves errors alone', async () => {
    const obtained = await obtainCode(server.issuer);
    expect((await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } })).status).toBe(200);
    const again = await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'grant request is invalid' });
  });
});

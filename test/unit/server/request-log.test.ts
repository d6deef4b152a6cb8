import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, tokenRequest } from '../../../src/core';
import { AUTHORIZATION_ENDPOINT_PATH, startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { errorWith200, postOnlyClient } from '../../../dev/server/quirks';
import { TOKEN_ENDPOINT_PATH } from '../../../dev/server/quirks/token-endpoint';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('the request log (BundledServer.requests)', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  it('records each request: method, path, Origin, the token request’s grant type, whether tokens were issued, the status', async () => {
    server.requests.length = 0;
    const obtained = await obtainCode(server.issuer);
    const authorizations = server.requests.filter((r) => r.method === 'GET' && r.path === AUTHORIZATION_ENDPOINT_PATH);
    expect(authorizations).toEqual([{ method: 'GET', path: '/auth', origin: undefined, status: 303 }]);
    expect(server.requests.some((r) => r.token)).toBe(false);

    server.requests.length = 0;
    const first = await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } });
    const { refresh_token: refreshToken } = (await first.json()) as { refresh_token: string };
    expect((await redeemCode(obtained)).status).toBe(400);
    const request = tokenRequest(`${server.issuer}${TOKEN_ENDPOINT_PATH}`, { grant_type: 'refresh_token', refresh_token: refreshToken }, DEMO_CLIENTS.basic);
    // The reused code revoked the grant, so the refresh fails too.
    expect((await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body! })).status).toBe(400);

    expect(server.requests).toEqual([
      { method: 'POST', path: TOKEN_ENDPOINT_PATH, origin: ORIGIN, token: { grantType: 'authorization_code', issued: true }, status: 200 },
      { method: 'POST', path: TOKEN_ENDPOINT_PATH, origin: undefined, token: { grantType: 'authorization_code', issued: false }, status: 400 },
      { method: 'POST', path: TOKEN_ENDPOINT_PATH, origin: undefined, token: { grantType: 'refresh_token', issued: false }, status: 400 },
    ]);
  });
});

describe('the request log behind quirks', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [errorWith200(), postOnlyClient(DEMO_CLIENTS.postOnly.clientId)] });
  });
  afterAll(() => server?.close());

  it('records the status the client got, and whether the provider issued tokens, which that status may hide', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.postOnly.clientId });
    server.requests.length = 0;
    // Refused by post-only (401) before the provider, then sent as 200 by error-200.
    const basic = await redeemCode(obtained, { ...DEMO_CLIENTS.postOnly, clientAuth: 'client_secret_basic' }, { headers: { origin: ORIGIN } });
    expect(basic.status).toBe(200);
    expect(await basic.json()).toMatchObject({ error: 'invalid_client' });
    expect((await redeemCode(obtained, DEMO_CLIENTS.postOnly)).status).toBe(200);
    expect(server.requests.map((r) => [r.origin, r.token, r.status])).toEqual([
      [ORIGIN, { grantType: 'authorization_code', issued: false }, 200],
      [undefined, { grantType: 'authorization_code', issued: true }, 200],
    ]);
  });
});

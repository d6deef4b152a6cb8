import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { noCors, quirksFromNames } from '../../../dev/server/quirks';
import { TOKEN_ENDPOINT_PATH } from '../../../dev/server/quirks/token-endpoint';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));
}

/** What a browser sends before a cross-origin POST with an Authorization header (HTTP Basic). */
function preflight(server: BundledServer): Promise<Response> {
  return fetch(`${server.issuer}${TOKEN_ENDPOINT_PATH}`, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('the bundled server without no-cors', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  // What no-cors takes away: without it the same requests get CORS headers.
  it('answers the preflight, the token request and discovery with CORS headers', async () => {
    const answer = await preflight(server);
    expect(answer.status).toBe(204);
    expect(corsHeaders(answer)).toMatchObject({ 'access-control-allow-origin': ORIGIN, 'access-control-allow-methods': 'POST' });

    const obtained = await obtainCode(server.issuer);
    const tokens = await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const discovery = await fetch(`${server.issuer}/.well-known/openid-configuration`, { headers: { origin: ORIGIN } });
    expect(discovery.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});

describe('noCors', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [noCors()] });
  });
  afterAll(() => server?.close());

  it('redeems a code sent cross-origin (a simple POST) and answers 200 with the tokens, without a CORS header', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.post.clientId });
    server.requests.length = 0;
    const response = await redeemCode(obtained, DEMO_CLIENTS.post, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({});
    expect(await response.json()).toHaveProperty('access_token');
    expect(server.requests).toEqual([
      { method: 'POST', path: TOKEN_ENDPOINT_PATH, origin: ORIGIN, token: { grantType: 'authorization_code', issued: true }, status: 200 },
    ]);
    // The code is used up: a browser that could not read the answer cannot try again.
    expect((await redeemCode(obtained, DEMO_CLIENTS.post)).status).toBe(400);
  });

  it('answers a preflight 404 without CORS headers, before the provider', async () => {
    const answer = await preflight(server);
    expect(answer.status).toBe(404);
    expect(corsHeaders(answer)).toEqual({});
    expect(await answer.text()).toBe('Not Found');
  });

  it('sends discovery and errors without CORS headers too', async () => {
    const discovery = await fetch(`${server.issuer}/.well-known/openid-configuration`, { headers: { origin: ORIGIN } });
    expect(discovery.status).toBe(200);
    expect(corsHeaders(discovery)).toEqual({});
    expect(await discovery.json()).toHaveProperty('token_endpoint');

    const obtained = await obtainCode(server.issuer);
    const wrongSecret = await redeemCode(obtained, { ...DEMO_CLIENTS.basic, clientSecret: 'wrong' }, { headers: { origin: ORIGIN } });
    expect(wrongSecret.status).toBe(401);
    expect(corsHeaders(wrongSecret)).toEqual({});
  });
});

describe('no-cors among other quirks', () => {
  let server: BundledServer;
  beforeAll(async () => {
    // Named last: QUIRKS still stands it in front of the others.
    server = await startBundledServer({ quirks: quirksFromNames(['post-only', 'rate-limit=3', 'reused-code-401', 'origin-check', 'no-cors']) });
  });
  afterAll(() => server?.close());

  it('strips the CORS headers from the other quirks’ own answers and replacements', async () => {
    const postOnly = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.postOnly.clientId });
    const basic = await redeemCode(postOnly, { ...DEMO_CLIENTS.postOnly, clientAuth: 'client_secret_basic' });
    expect(basic.status).toBe(401);
    expect(await basic.json()).toMatchObject({ error: 'invalid_client' });
    expect(corsHeaders(basic)).toEqual({});

    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.public.clientId });
    const entra = await redeemCode(obtained, DEMO_CLIENTS.public);
    expect(entra.status).toBe(400);
    expect(await entra.json()).toMatchObject({ error_codes: [9002327] });
    expect(corsHeaders(entra)).toEqual({});

    expect((await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin: ORIGIN } })).status).toBe(200);
    const reused = await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin: ORIGIN } });
    expect(reused.status).toBe(401);
    expect(await reused.text()).toBe('HTTP Basic: Access denied.\n');
    expect(corsHeaders(reused)).toEqual({});

    const limited = await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin: ORIGIN } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(corsHeaders(limited)).toEqual({});
  });
});

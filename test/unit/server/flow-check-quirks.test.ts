import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtPayload } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { wrongIss, wrongNonce, wrongRedirect, WRONG_ISSUER, WRONG_NONCE, WRONG_REDIRECT_PATH } from '../../../dev/server/quirks';

describe('the bundled server without the flow-check quirks', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer();
  });
  afterAll(() => server?.close());

  // What the quirks change: oidc-provider names itself in iss (RFC 9207) and says so in discovery.
  it('sends its own issuer in the authorization response, and advertises it', async () => {
    const discovery = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.authorization_response_iss_parameter_supported).toBe(true);
    const { redirect } = await signIn(server);
    expect(redirect.searchParams.get('iss')).toBe(server.issuer);
  });
});

describe('wrongIss', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [wrongIss()] });
  });
  afterAll(() => server?.close());

  it('names another issuer in the redirect, and leaves the code as the provider made it', async () => {
    const { redirect, obtained } = await signIn(server);
    expect(redirect.searchParams.get('iss')).toBe(WRONG_ISSUER);
    expect((await redeemCode(obtained)).status).toBe(200);
  });
});

describe('wrongRedirect', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [wrongRedirect()] });
  });
  afterAll(() => server?.close());

  it('sends the code to another path of the redirect origin, the code as the provider made it', async () => {
    const { redirect, obtained } = await signIn(server);
    const sent = new URL(obtained.redirectUri);
    expect(redirect.origin).toBe(sent.origin);
    expect(redirect.pathname).toBe(WRONG_REDIRECT_PATH);
    expect(redirect.pathname).not.toBe(sent.pathname);
    expect((await redeemCode(obtained)).status).toBe(200);
  });
});

describe('wrongNonce', () => {
  let server: BundledServer;
  let missing: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [wrongNonce()] });
    missing = await startBundledServer({ quirks: [wrongNonce('missing')] });
  });
  afterAll(async () => {
    await server?.close();
    await missing?.close();
  });

  it('answers with an ID token carrying another nonce, the rest of the answer as it was', async () => {
    const response = await redeemCode(await obtainCode(server.issuer));
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const tokens = JSON.parse(text) as Record<string, string>;
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(jwtPayload(tokens.id_token!)).toMatchObject({ nonce: WRONG_NONCE, iss: server.issuer });
  });

  it('or with none at all', async () => {
    const tokens = (await (await redeemCode(await obtainCode(missing.issuer))).json()) as Record<string, string>;
    expect(jwtPayload(tokens.id_token!)).not.toHaveProperty('nonce');
  });
});

/** A code obtained over HTTP, with the redirect that brought it. */
async function signIn(server: BundledServer) {
  const obtained = await obtainCode(server.issuer);
  return { obtained, redirect: new URL(obtained.redirect) };
}

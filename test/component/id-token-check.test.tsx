import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redactExchange, type FlowRun, type HttpRequest } from '../../src/core';
import { FlowResult } from '../../src/popup/FlowResult';
import { background } from './fake-background';
import { renderWith } from './render-with';
import { halfHash, ISSUER, JWKS_URI, signer, tampered } from './signed-tokens';

afterEach(cleanup);

const CLIENT = 'client-1';
const NONCE = 'n-0S6_WzA2Mj';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
const REDIRECT = 'https://fbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org/';
const AT = new Date().toISOString();
const NOW = Math.floor(Date.parse(AT) / 1000);

let provider: Awaited<ReturnType<typeof signer>>;
let accessToken: string;

beforeAll(async () => {
  provider = await signer('key-1');
  // RFC 9068: a JWT access token from the same issuer, so the provider's JWK Set applies to it too.
  accessToken = await provider.sign({ iss: ISSUER, sub: 'alice', aud: 'https://api.example.com', client_id: CLIENT, iat: NOW, exp: NOW + 3600 }, { typ: 'at+jwt' });
  // The chunks a shown run loads, compiled once here as the built popup has them ready.
  await Promise.all([import('../../src/popup/IdTokenCheck'), import('../../src/popup/RunTokens'), import('../../src/popup/RunTimeline'), import('../../src/popup/verify-token')]);
});

/** An ID token as the provider issues it for this run: with the nonce sent, at_hash and c_hash. */
const idToken = (claims: Record<string, unknown> = {}) =>
  provider.sign({ iss: ISSUER, sub: 'alice', aud: CLIENT, iat: NOW, exp: NOW + 3600, nonce: NONCE, at_hash: halfHash(accessToken), c_hash: halfHash(CODE), ...claims });

/** A run as the background stores it: the authorization URL and the exchange redacted, the request as sent beside it. */
function runWith(id: string): FlowRun {
  const sent: HttpRequest = { method: 'POST', url: `${ISSUER}/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&code=${CODE}&redirect_uri=${encodeURIComponent(REDIRECT)}` };
  const answer = { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600, id_token: id }) };
  return {
    id: 'r1',
    profileName: 'Demo',
    startedAt: AT,
    finishedAt: AT,
    status: 'succeeded',
    redirectUri: REDIRECT,
    clientAuth: 'client_secret_basic',
    issuer: { identifier: ISSUER },
    authorization: { url: `${ISSUER}/auth?response_type=code&client_id=${CLIENT}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=openid&state=s1&nonce=${NONCE}`, at: AT },
    exchanges: [{ ...redactExchange({ request: sent, response: answer }), at: AT, context: { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_basic' }, sent }],
    tokens: { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, id_token: id },
    nonceCheck: 'match',
  };
}

async function show(run: FlowRun) {
  const { ask, sent } = background({ fetchJwks: async () => ({ jwks: provider.jwks, jwksUri: JWKS_URI }) });
  renderWith(<FlowResult run={run} onRun={() => {}} />, { ask });
  await waitFor(() => expect(screen.getByTestId('id-token-check').dataset.state).not.toBe('checking'), { timeout: 5000 });
  return { check: screen.getByTestId('id-token-check'), sent };
}

describe("a run's ID token, checked when the run is shown", () => {
  it('verified with the issuer’s keys and valid for the run: nonce, client, at_hash, c_hash; the JWT access token verified too', async () => {
    const { check, sent } = await show(runWith(await idToken()));
    expect(check.dataset.valid).toBe('true');
    expect(check.textContent).toContain(`Signature verified with key key-1 from ${JWKS_URI}.`);
    expect(check.textContent).toContain('(iss, sub, aud, exp, iat, nonce, at_hash, c_hash)');
    expect(sent.filter((m) => m.type === 'fetchJwks').map((m) => m.payload)).toContainEqual({ issuer: ISSUER });
    await waitFor(() => expect([...document.querySelectorAll<HTMLElement>('[data-testid=jws-verdict]')].map((v) => v.dataset.state)).toEqual(['verified', 'verified']));
    expect(document.querySelector('[data-token=id_token] [data-testid=jws-verdict]')).not.toBeNull();
    expect(document.querySelector('[data-token=access_token] [data-testid=jws-verdict]')).not.toBeNull();
  });

  it('an ID token whose nonce is not the one the run sent fails the run on screen, naming nonce', async () => {
    const { check } = await show(runWith(await idToken({ nonce: 'another-nonce' })));
    expect(check.dataset.valid).toBe('false');
    expect(check.getAttribute('role')).toBe('alert');
    expect(check.querySelector('strong')?.textContent).toBe('ID token check failed: nonce.');
    expect(check.querySelector('[data-claim=nonce]')?.textContent).toContain(`sent "${NONCE}", the token has "another-nonce"`);
  });

  it('an at_hash that is not the access token’s and an altered payload: both named', async () => {
    const { check } = await show(runWith(tampered(await idToken({ at_hash: halfHash('another access token') }))));
    expect(check.dataset.valid).toBe('false');
    expect(check.querySelector('strong')?.textContent).toBe('ID token check failed: signature, at_hash.');
    expect(check.querySelector('[data-claim=signature]')?.textContent).toContain('Bad signature');
  });
});

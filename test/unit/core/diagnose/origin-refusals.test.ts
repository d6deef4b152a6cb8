import { describe, expect, it } from 'vitest';
import { explainExchange, findOriginRefusal, ORIGIN_REFUSALS, type FlowHistory, type HttpExchange } from '../../../../src/core';
import { PROVIDER_ERROR_FIXTURES } from '../provider-error-fixtures';

const AS_SERVER = '"as a server (no Origin header)"';
const AS_BROWSER = '"as a browser app (with Origin)"';
// An Origin refusal is not about how the client authenticates: no fix may send the developer to switch methods.
const AUTH_METHOD_ADVICE = /client_secret_basic|client_secret_post|\bbasic\b/i;
const EXTENSION_ORIGIN = 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp';
const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenRequest = (url: string, origin?: string) => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
  body: 'grant_type=authorization_code&code=CODE&redirect_uri=https%3A%2F%2Ffbbjkefjbkdnfcpjagbdjleagpgcfdjp.chromiumapp.org%2F&client_id=demo-basic&client_secret=demo-basic-secret&code_verifier=VERIFIER',
});
const codeHistory: FlowHistory = { step: 'token', grantType: 'authorization_code', clientAuth: 'client_secret_post', codeHash: 'h', tokenRequestsAs: 'browser' };

// The Entra messages as sent, from public reports quoting them in full:
// AADSTS9002326: https://github.com/Azure-Samples/ms-identity-javascript-angular-tutorial/issues/37
// AADSTS9002327: https://learn.microsoft.com/en-us/answers/questions/1601797/aadsts9002327-tokens-issued-for-the-single-page-ap
const AADSTS9002326 = {
  error: 'invalid_request',
  error_description:
    "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.\r\nTrace ID: 40e5a04a-6016-42c3-b32f-0b9f20b61500\r\nCorrelation ID: b5a1a372-ed08-48a7-95e6-f7ab55489f03\r\nTimestamp: 2021-09-03 14:20:13Z",
  error_codes: [9002326],
};
const AADSTS9002327 = {
  error: 'invalid_request',
  error_description:
    "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests. Trace ID: 46359ff6-d4ca-4e6f-8291-f352afa72300 Correlation ID: 450d31b1-bf1b-4686-91a5-0c0df20d9084 Timestamp: 2024-02-28 10:00:28Z",
  error_codes: [9002327],
  timestamp: '2024-02-28 10:00:28Z',
  trace_id: '46359ff6-d4ca-4e6f-8291-f352afa72300',
  correlation_id: '450d31b1-bf1b-4686-91a5-0c0df20d9084',
};

function expectOriginRefusal(exchange: HttpExchange, setting: string, history: FlowHistory = codeHistory) {
  const d = explainExchange(exchange, history)!;
  expect(d.category).toBe('origin_not_allowed');
  expect(d.certain).toBe(true);
  expect(d.fixes[0]).toContain(`Token requests: ${setting}`);
  for (const fix of d.fixes) expect(fix).not.toMatch(AUTH_METHOD_ADVICE);
  expect(d.candidates).not.toContain('client_auth_method');
  return d;
}

describe('ORIGIN_REFUSALS', () => {
  it.each(ORIGIN_REFUSALS.map((r) => [r.server, r] as const))('%s is well formed and sourced', (_, refusal) => {
    expect(new URL(refusal.source).protocol).toBe('https:');
    expect(() => new RegExp(refusal.pattern, 'i')).not.toThrow();
    expect(new RegExp(refusal.pattern, 'i').test('')).toBe(false);
    expect(refusal.pattern).not.toMatch(/\([^)]*[*+][^)]*\)[*+{?]/);
    expect(refusal.fix).not.toMatch(AUTH_METHOD_ADVICE);
  });

  it('matches neither an ordinary refusal nor a word that merely starts like one', () => {
    expect(findOriginRefusal(['invalid_client'], 'Client authentication failed')).toBeUndefined();
    expect(findOriginRefusal(['invalid_grant'], 'Invalid origin of the grant')).toBeUndefined();
    expect(findOriginRefusal(['AADSTS90023'], 'AADSTS90023: Cross-origin token redemption')).toBeUndefined();
  });
});

describe('Entra AADSTS9002326 / 9002327, whatever the host', () => {
  it('9002326 at login.microsoftonline.com with the extension\'s Origin: as a server', () => {
    const d = expectOriginRefusal({ request: tokenRequest('https://login.microsoftonline.com/common/oauth2/v2.0/token', EXTENSION_ORIGIN), response: json(400, AADSTS9002326) }, AS_SERVER);
    expect(d.provider).toBe('Microsoft Entra ID');
    expect(d.explanation).toContain(`because of its Origin header (${EXTENSION_ORIGIN})`);
    expect(d.evidence.some((e) => e.includes(`The request carried Origin: ${EXTENSION_ORIGIN}`))).toBe(true);
  });

  it('9002326 behind a custom domain (host unknown), from the message alone', () => {
    const d = expectOriginRefusal({ request: tokenRequest('https://login.contoso.com/contoso.onmicrosoft.com/oauth2/v2.0/token', EXTENSION_ORIGIN), response: json(400, AADSTS9002326) }, AS_SERVER);
    expect(d.references).toContain('https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas');
  });

  it('9002326 wrapped by an API gateway in a field of its own', () => {
    const wrapped = { message: 'Upstream identity provider error', upstream: { status: 400, body: JSON.stringify(AADSTS9002326) } };
    expectOriginRefusal({ request: tokenRequest('https://api.example.com/auth/token', EXTENSION_ORIGIN), response: json(502, wrapped) }, AS_SERVER);
  });

  it('9002327 (a single-page-app client redeemed without Origin): as a browser app', () => {
    const d = expectOriginRefusal(
      { request: tokenRequest('https://login.microsoftonline.com/organizations/oauth2/v2.0/token'), response: json(400, AADSTS9002327) },
      AS_BROWSER,
      { ...codeHistory, tokenRequestsAs: 'server' },
    );
    expect(d.explanation).toContain('carried no Origin header');
  });

  it('the provider fixture for 9002326 is an Origin refusal too', () => {
    const fixture = PROVIDER_ERROR_FIXTURES.find((f) => JSON.stringify(f.exchange.response.body).includes('9002326'))!;
    expect(fixture.category).toBe('origin_not_allowed');
    expectOriginRefusal(fixture.exchange, AS_SERVER, {});
  });
});

describe('other servers\' words for an Origin refusal', () => {
  it('oidc-provider: "origin … not allowed for client: …" (lib/shared/cors.js)', () => {
    const d = expectOriginRefusal(
      {
        request: tokenRequest('http://127.0.0.1:4455/token', EXTENSION_ORIGIN),
        response: json(400, { error: 'invalid_request', error_description: `origin ${EXTENSION_ORIGIN} not allowed for client: demo-basic` }),
      },
      AS_SERVER,
    );
    expect(d.references).toContain('https://github.com/panva/node-oidc-provider/blob/main/lib/shared/cors.js');
    expect(d.serverMessage).toBe(`origin ${EXTENSION_ORIGIN} not allowed for client: demo-basic`);
  });

  it('oidc-provider with Firefox\'s moz-extension origin', () => {
    const origin = 'moz-extension://2f1a8c54-9b7e-4c1d-8a3f-5e6b7c8d9e0f';
    expectOriginRefusal(
      { request: tokenRequest('http://127.0.0.1:4455/token', origin), response: json(400, { error: 'invalid_request', error_description: `origin ${origin} not allowed for client: demo-post` }) },
      AS_SERVER,
    );
  });

  it('Keycloak: 403 "Invalid origin" (DefaultCors, rendered by KeycloakErrorHandler)', () => {
    expectOriginRefusal(
      { request: tokenRequest('https://sso.example.com/realms/demo/protocol/openid-connect/token', EXTENSION_ORIGIN), response: json(403, { error: 'invalid_request', error_description: 'Invalid origin' }) },
      AS_SERVER,
    );
  });

  it('Spring: 403 text/plain "Invalid CORS request" (DefaultCorsProcessor)', () => {
    expectOriginRefusal(
      { request: tokenRequest('https://auth.example.com/oauth2/token', EXTENSION_ORIGIN), response: { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Invalid CORS request' } },
      AS_SERVER,
    );
  });

  it('Okta: 401 invalid_client "Browser requests to the token endpoint must use Proof Key for Code Exchange."', () => {
    expectOriginRefusal(
      {
        request: tokenRequest('https://dev-133337.okta.com/oauth2/default/v1/token', 'http://localhost:3000'),
        response: json(401, { error: 'invalid_client', error_description: 'Browser requests to the token endpoint must use Proof Key for Code Exchange.' }),
      },
      AS_SERVER,
    );
  });

  it('when the profile already sends as a server, says so instead of asking for it again', () => {
    const d = explainExchange(
      { request: tokenRequest('https://login.microsoftonline.com/common/oauth2/v2.0/token'), response: json(400, AADSTS9002326) },
      { ...codeHistory, tokenRequestsAs: 'server' },
    )!;
    expect(d.category).toBe('origin_not_allowed');
    expect(d.fixes[0]).toMatch(/already set to Token requests: "as a server \(no Origin header\)"/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, basicAuthorization, tokenRequest, type ClientCredentials } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { originCheck } from '../../../dev/server/quirks';
import { TOKEN_ENDPOINT_PATH } from '../../../dev/server/quirks/token-endpoint';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TIMESTAMP = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ';

type EntraError = {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
};

function refresh(server: BundledServer, refreshToken: string, client: ClientCredentials, headers: Record<string, string> = {}) {
  const request = tokenRequest(`${server.issuer}${TOKEN_ENDPOINT_PATH}`, { grant_type: 'refresh_token', refresh_token: refreshToken }, client);
  return fetch(request.url, { method: 'POST', headers: { ...request.headers, ...headers }, body: request.body! });
}

/** Asserts Entra's error body for `code`, its description starting with `message`, the trace lines agreeing with the fields. */
async function expectEntraError(response: Response, code: number, message: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
  const body = (await response.json()) as EntraError;
  expect(Object.keys(body)).toEqual(['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri']);
  expect(body.error).toBe('invalid_request');
  expect(body.error_codes).toEqual([code]);
  expect(body.error_uri).toBe(`https://login.windows.net/error?code=${code}`);
  expect(body.trace_id).toMatch(new RegExp(`^${UUID}$`));
  expect(body.correlation_id).toMatch(new RegExp(`^${UUID}$`));
  expect(body.timestamp).toMatch(new RegExp(`^${TIMESTAMP}$`));
  expect(body.error_description).toBe(
    `AADSTS${code}: ${message}\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${body.correlation_id}\r\nTimestamp: ${body.timestamp}`,
  );
}

const CROSS_ORIGIN_REFUSED = `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${ORIGIN}'.`;
const SPA_NEEDS_ORIGIN = "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.";

describe('originCheck', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [originCheck()] });
  });
  afterAll(() => server?.close());

  it('refuses a confidential client’s code redemption with Origin (AADSTS9002326) before the provider; without Origin the same code redeems', async () => {
    const obtained = await obtainCode(server.issuer);
    server.requests.length = 0;
    const refused = await redeemCode(obtained, DEMO_CLIENTS.basic, { headers: { origin: ORIGIN } });
    await expectEntraError(refused, 9002326, CROSS_ORIGIN_REFUSED);
    // Readable cross-origin, as Entra's refusal is (MSAL.js in the page shows its text).
    expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const redeemed = await redeemCode(obtained, DEMO_CLIENTS.basic);
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toHaveProperty('access_token');
    expect(server.requests.map((r) => [r.origin, r.token?.issued, r.status])).toEqual([
      [ORIGIN, false, 400],
      [undefined, true, 200],
    ]);
  });

  it('counts a secret in the body as confidential too (client_secret_post)', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.post.clientId });
    await expectEntraError(await redeemCode(obtained, DEMO_CLIENTS.post, { headers: { origin: ORIGIN } }), 9002326, CROSS_ORIGIN_REFUSED);
    expect((await redeemCode(obtained, DEMO_CLIENTS.post)).status).toBe(200);
  });

  it('refuses a public client’s redemption without Origin (AADSTS9002327); with Origin the same code redeems', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.public.clientId });
    await expectEntraError(await redeemCode(obtained, DEMO_CLIENTS.public), 9002327, SPA_NEEDS_ORIGIN);
    const redeemed = await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin: ORIGIN } });
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toHaveProperty('access_token');
  });

  it('checks refresh requests the same way', async () => {
    const confidential = (await (await redeemCode(await obtainCode(server.issuer))).json()) as { refresh_token: string };
    await expectEntraError(await refresh(server, confidential.refresh_token, DEMO_CLIENTS.basic, { origin: ORIGIN }), 9002326, CROSS_ORIGIN_REFUSED);
    expect((await refresh(server, confidential.refresh_token, DEMO_CLIENTS.basic)).status).toBe(200);

    const obtained = await obtainCode(server.issuer, { clientId: DEMO_CLIENTS.public.clientId });
    const spa = (await (await redeemCode(obtained, DEMO_CLIENTS.public, { headers: { origin: ORIGIN } })).json()) as { refresh_token: string };
    await expectEntraError(await refresh(server, spa.refresh_token, DEMO_CLIENTS.public), 9002327, SPA_NEEDS_ORIGIN);
    const refreshed = await refresh(server, spa.refresh_token, DEMO_CLIENTS.public, { origin: ORIGIN });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toHaveProperty('access_token');
  });

  it('leaves the other endpoints alone, introspection by a confidential client with Origin included', async () => {
    const response = await fetch(`${server.issuer}${TOKEN_ENDPOINT_PATH}/introspection`, {
      method: 'POST',
      headers: { authorization: basicAuthorization(DEMO_CLIENTS.basic.clientId, DEMO_CLIENTS.basic.clientSecret), origin: ORIGIN },
      body: new URLSearchParams({ token: 'unknown' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ active: false });
  });
});

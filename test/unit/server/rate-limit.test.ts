import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, tokenRequest, type ClientCredentials } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { rateLimit } from '../../../dev/server/quirks';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0, 250);

/** A token request with a made-up code: the provider answers 400, and it counts all the same. */
function bogusTokenRequest(server: BundledServer, client: ClientCredentials = DEMO_CLIENTS.basic, headers: Record<string, string> = {}) {
  const request = tokenRequest(`${server.issuer}/token`, { grant_type: 'authorization_code', code: 'bogus', redirect_uri: 'https://x.example/' }, client);
  return fetch(request.url, { method: 'POST', headers: { ...request.headers, ...headers }, body: request.body! });
}

describe('rateLimit on the token endpoint', () => {
  let server: BundledServer;
  let clock = T0;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [rateLimit({ perMinute: 3, now: () => clock })] });
  });
  afterAll(() => server?.close());

  it('answers the (N+1)th request in a minute 429 with Retry-After, and lets requests through once the window has passed', async () => {
    const reset = String(Math.ceil((T0 + 60_000) / 1000));
    for (const remaining of [2, 1, 0]) {
      const response = await bogusTokenRequest(server);
      expect(response.status).toBe(400);
      expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('x-ratelimit-')))).toEqual({
        'x-ratelimit-limit': '3',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': reset,
      });
    }

    clock += 20_000;
    const limited = await bogusTokenRequest(server);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBe(40);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(reset);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(await limited.json()).toEqual({ error: 'rate_limited', error_description: expect.stringMatching(/3 requests per minute/) });

    // Another client has its own count (client_id from the body here).
    expect((await bogusTokenRequest(server, DEMO_CLIENTS.post)).status).toBe(400);

    // Other endpoints are not counted: a code can still be obtained.
    const obtained = await obtainCode(server.issuer);
    expect((await redeemCode(obtained)).status).toBe(429);

    clock += 40_000;
    const passed = await redeemCode(obtained);
    expect(passed.status).toBe(200);
    expect(passed.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(passed.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock + 60_000) / 1000)));
    expect(await passed.json()).toHaveProperty('access_token');
  });

  it('lets the extension read the limit headers by CORS', async () => {
    clock += 120_000;
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const ok = await bogusTokenRequest(server, DEMO_CLIENTS.public, { origin });
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/i);
    for (let i = 0; i < 2; i++) await bogusTokenRequest(server, DEMO_CLIENTS.public, { origin });
    const limited = await bogusTokenRequest(server, DEMO_CLIENTS.public, { origin });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
  });
});

describe('rateLimit on all endpoints', () => {
  let server: BundledServer;
  let clock = T0;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [rateLimit({ perMinute: 20, allEndpoints: true, now: () => clock })] });
  });
  afterAll(() => server?.close());

  it('counts the sign-in pages too (their form bodies still reach them), and refuses once the limit is spent', async () => {
    const obtained = await obtainCode(server.issuer);
    expect((await redeemCode(obtained)).status).toBe(200);
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) {
      last = await fetch(`${server.issuer}/.well-known/openid-configuration`);
      if (last.status === 429) break;
      await last.body?.cancel();
    }
    expect(last?.status).toBe(429);
    clock += 60_000;
    expect((await fetch(`${server.issuer}/.well-known/openid-configuration`)).status).toBe(200);
  });
});

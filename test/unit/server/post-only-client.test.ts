import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { postOnlyClient } from '../../../dev/server/quirks';

const POST_ONLY = DEMO_CLIENTS.postOnly;

describe('postOnlyClient', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [postOnlyClient(POST_ONLY.clientId)] });
  });
  afterAll(() => server?.close());

  it('refuses HTTP Basic for the post-only client with 401 invalid_client; client_secret_post then redeems the same code', async () => {
    const obtained = await obtainCode(server.issuer, { clientId: POST_ONLY.clientId });
    const basic = await redeemCode(obtained, { ...POST_ONLY, clientAuth: 'client_secret_basic' });
    expect(basic.status).toBe(401);
    const challenge = basic.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Basic realm="http:\/\/127\.0\.0\.1:\d+", error="invalid_client", error_description="/);
    expect(await basic.json()).toEqual({
      error: 'invalid_client',
      error_description: 'client authentication method client_secret_basic is not allowed for this client; use client_secret_post',
    });

    // The refused request never reached the provider, so the code is still unused.
    const post = await redeemCode(obtained, POST_ONLY);
    expect(post.status).toBe(200);
    expect(await post.json()).toHaveProperty('access_token');
  });

  it('leaves other clients’ Basic authentication alone', async () => {
    const obtained = await obtainCode(server.issuer);
    expect((await redeemCode(obtained, DEMO_CLIENTS.basic)).status).toBe(200);
  });

  it('answers with CORS headers, so the extension can read the refusal', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const obtained = await obtainCode(server.issuer, { clientId: POST_ONLY.clientId });
    const basic = await redeemCode(obtained, { ...POST_ONLY, clientAuth: 'client_secret_basic' }, { headers: { origin } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('access-control-allow-origin')).toBe(origin);
    expect(basic.headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/i);
  });
});

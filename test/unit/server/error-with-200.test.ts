import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, basicAuthorization } from '../../../src/core';
import { startBundledServer, type BundledServer } from '../../../dev/server/bundled-server';
import { obtainCode, redeemCode } from '../../../dev/server/obtain-code';
import { errorWith200 } from '../../../dev/server/quirks';

describe('errorWith200', () => {
  let server: BundledServer;
  beforeAll(async () => {
    server = await startBundledServer({ quirks: [errorWith200()] });
  });
  afterAll(() => server?.close());

  it('answers a reused code with status 200 and the invalid_grant JSON, as GitHub does', async () => {
    const obtained = await obtainCode(server.issuer);
    const first = await redeemCode(obtained);
    expect(first.status).toBe(200);
    expect(await first.json()).toHaveProperty('access_token');

    const again = await redeemCode(obtained);
    expect(again.status).toBe(200);
    expect(again.statusText).toBe('OK');
    expect(again.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'grant request is invalid' });
  });

  it('turns a 401 invalid_client into a 200 too, without the WWW-Authenticate challenge', async () => {
    const obtained = await obtainCode(server.issuer);
    const response = await redeemCode(obtained, { ...DEMO_CLIENTS.basic, clientSecret: 'wrong' });
    expect(response.status).toBe(200);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('leaves the other endpoints alone', async () => {
    const response = await fetch(`${server.issuer}/token/introspection`, {
      method: 'POST',
      headers: { authorization: basicAuthorization(DEMO_CLIENTS.basic.clientId, 'wrong') },
      body: new URLSearchParams({ token: 'x' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

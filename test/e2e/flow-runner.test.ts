import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, type FlowRun } from '../../src/core';
import { extensionRedirectUris } from '../../scripts/extension-identity';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { badgeText, openError, openErrors } from './harness/errors-view';
import { act, fillProfile, LOOPBACK_RUN_GRANT, openFlowTab, run, storageOf } from '../../dev/browsers/popup-flow';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const last = (r: FlowRun) => r.exchanges[r.exchanges.length - 1]!;

/** Nothing secret may reach storage.local: no token, no client secret, no code. */
async function expectNothingSecretInLocal(popup: PageDriver, secrets: string[]) {
  const local = JSON.stringify(await storageOf(popup, 'local'));
  for (const secret of secrets) expect(local).not.toContain(secret);
}

describe.each(Object.entries(browsers))('%s: the flow runner against the bundled server', (name, launch) => {
  let server: BundledServer;
  let browser: ExtensionBrowser;
  let popup: PageDriver;
  const redirect = () => extensionRedirectUris()[name === 'chromium' ? 'chrome' : 'firefox'];

  beforeAll(async () => {
    server = await startBundledServer();
    browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    popup = await openFlowTab(browser);
    await fillProfile(popup, { issuer: server.issuer });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('closing the sign-in window is recorded as such', async () => {
    // First, while there is no session: later runs are signed in already and get no window.
    await popup.click('form.profile button[type=submit]');
    const window = await browser.waitForWindow('/interaction/');
    await window.close();
    await popup.waitFor('[data-testid=flow-result][data-status=failed] [data-reason=user_closed]');
  });

  it('client_secret_basic: tokens, then a refresh with the same authentication, then revoke and introspect', async () => {
    const flow = await run(browser, popup);
    expect(flow.failure).toBeUndefined();
    expect(flow.status).toBe('succeeded');
    const exchange = flow.exchanges.find((e) => e.context.grantType === 'authorization_code')!;
    expect(exchange.context).toMatchObject({ clientAuth: 'client_secret_basic', redirectUriAtAuthorization: redirect(), redirectUriAtExchange: redirect() });
    expect(exchange.context.codeHash).toMatch(/^[\w-]{43}$/);
    expect(exchange.request?.body).not.toContain('client_secret');

    const refreshed = await act(popup, 'refresh');
    expect(last(refreshed)).toMatchObject({ context: { step: 'refresh', grantType: 'refresh_token' }, response: { status: 200 } });
    expect(last(refreshed).sent?.headers?.authorization).toBe(exchange.sent?.headers?.authorization);
    expect(refreshed.tokens?.access_token).not.toBe(flow.tokens?.access_token);

    const userinfo = await act(popup, 'userinfo');
    expect(last(userinfo)).toMatchObject({ context: { step: 'userinfo' }, response: { status: 200 } });
    expect(JSON.parse(last(userinfo).response.body)).toMatchObject({ sub: 'demo' });

    const revoked = await act(popup, 'revoke');
    expect(last(revoked)).toMatchObject({ context: { step: 'revoke' }, response: { status: 200 } });
    const introspected = await act(popup, 'introspect');
    expect(JSON.parse(last(introspected).response.body)).toEqual({ active: false });

    await expectNothingSecretInLocal(popup, [flow.tokens!.access_token, flow.tokens!.refresh_token!, DEMO_CLIENTS.basic.clientSecret]);
  });

  it('a reused code: "Exchange again" gets invalid_grant, and the record says when the code was first sent', async () => {
    const flow = await run(browser, popup);
    const again = await act(popup, 'exchange-again');
    const first = flow.exchanges.find((e) => e.context.grantType === 'authorization_code')!;
    expect(last(again).response.status).toBe(400);
    expect(JSON.parse(last(again).response.body).error).toBe('invalid_grant');
    expect(last(again).context.codeHash).toBe(first.context.codeHash);
    expect(last(again).context.codeFirstRedeemedAt).toBe(first.at);
  });

  it('client_secret_post sends the credentials in the body only', async () => {
    await fillProfile(popup, { clientId: DEMO_CLIENTS.post.clientId, clientSecret: DEMO_CLIENTS.post.clientSecret, clientAuth: 'client_secret_post' });
    const flow = await run(browser, popup);
    expect(flow.status).toBe('succeeded');
    const exchange = flow.exchanges.find((e) => e.context.grantType === 'authorization_code')!;
    expect(exchange.request?.headers).not.toHaveProperty('authorization');
    expect(new URLSearchParams(exchange.sent?.body).get('client_secret')).toBe(DEMO_CLIENTS.post.clientSecret);
    expect(exchange.request?.body).not.toContain(DEMO_CLIENTS.post.clientSecret);
    await expectNothingSecretInLocal(popup, [flow.tokens!.access_token, DEMO_CLIENTS.post.clientSecret]);
  });

  it('a wrong client secret is recorded as a 401 invalid_client', async () => {
    await fillProfile(popup, { clientId: DEMO_CLIENTS.basic.clientId, clientSecret: 'not-the-secret', clientAuth: 'client_secret_basic' });
    const flow = await run(browser, popup);
    expect(flow.failure).toMatchObject({ stage: 'token', reason: 'token_error' });
    expect(last(flow).response.status).toBe(401);
    expect(JSON.parse(last(flow).response.body).error).toBe('invalid_client');
    await fillProfile(popup, { clientSecret: DEMO_CLIENTS.basic.clientSecret });
  });

  it('a redirect_uri that differs at the token request is recorded with both values', async () => {
    await fillProfile(popup, { redirectUriAtExchange: 'https://client.example.com/other' });
    const flow = await run(browser, popup);
    await fillProfile(popup, { redirectUriAtExchange: '' });
    expect(last(flow).response.status).toBe(400);
    expect(JSON.parse(last(flow).response.body).error).toBe('invalid_grant');
    expect(last(flow).context).toMatchObject({ redirectUriAtAuthorization: redirect(), redirectUriAtExchange: 'https://client.example.com/other' });
  });

  it('the Errors view explains each failure above, newest first, and opening it clears the badge', async () => {
    expect(await badgeText(popup)).toBe('3');
    const listed = await openErrors(popup);
    expect(listed.map((e) => [e.category, e.status])).toEqual([
      ['redirect_uri_mismatch', '400'],
      ['invalid_client_credentials', '401'],
      ['code_reused', '400'],
    ]);
    expect(listed[0]!.text).toContain(`127.0.0.1:${server.port}`);

    const mismatch = await openError(popup, 0);
    expect(mismatch.explanation).toContain(`The authorization request sent redirect_uri ${redirect()}, the token request https://client.example.com/other`);
    expect(mismatch.detail).toContain('How to fix');
    const wrongSecret = await openError(popup, 1);
    expect(wrongSecret.explanation).toContain('did not accept the client_id and client_secret');
    expect(wrongSecret.detail).not.toContain('not-the-secret');
    const reused = await openError(popup, 2);
    expect(reused.explanation).toMatch(/This code was already exchanged at \d{1,2}:\d\d:\d\d/);
    expect(await badgeText(popup)).toBe('');
    await popup.click('[role=tab][data-tab=flow]');
  });

  it('saves a profile without its secret in storage.local unless asked to remember it', async () => {
    await fillProfile(popup, { name: 'Kept profile', clientSecret: DEMO_CLIENTS.basic.clientSecret });
    await popup.click('button[data-action=save-profile]');
    await popup.waitFor('[role=status]');
    let local = await storageOf(popup, 'local');
    expect(JSON.stringify(local)).toContain('Kept profile');
    expect(JSON.stringify(local)).not.toContain(DEMO_CLIENTS.basic.clientSecret);
    expect(JSON.stringify(await storageOf(popup, 'session'))).toContain(DEMO_CLIENTS.basic.clientSecret);

    await popup.click('form.profile input[name=rememberSecret]');
    await popup.click('button[data-action=save-profile]');
    await popup.waitFor('[role=status]:not(:empty)');
    for (let i = 0; i < 50 && !JSON.stringify(local).includes(DEMO_CLIENTS.basic.clientSecret); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      local = await storageOf(popup, 'local');
    }
    expect(JSON.stringify(local)).toContain(DEMO_CLIENTS.basic.clientSecret);
  });

  it('an authorization server that is down is recorded as unreachable, without waiting', async () => {
    await fillProfile(popup, { issuer: '', authorizationEndpoint: 'http://127.0.0.1:9/auth', tokenEndpoint: `${server.issuer}/token` });
    const flow = await run(browser, popup);
    expect(flow.failure).toMatchObject({ stage: 'authorize', reason: 'server_unreachable' });
    expect(flow.failure?.message).toContain('http://127.0.0.1:9 does not answer');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, basicAuthorization, type FlowRun } from '../../src/core';
import { chromeExtensionId, extensionRedirectUris } from '../../scripts/extension-identity';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { LOOPBACK_RUN_GRANT } from '../../dev/browsers/popup-flow';
import { signInAndConsent } from '../../dev/browsers/sign-in';

const browsers = { chromium: launchChromium, firefox: launchFirefox };

describe.each(Object.entries(browsers))('%s: the built extension against the bundled server', (name, launch) => {
  let server: BundledServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startBundledServer();
    browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has the stable identity whose redirect URI the README promises', async () => {
    const popup = await browser.openPopup();
    const redirect = extensionRedirectUris()[name === 'chromium' ? 'chrome' : 'firefox'];
    expect(await popup.text('[data-testid=redirect-uri]')).toBe(redirect);
    if (name === 'chromium') expect(browser.origin).toBe(`chrome-extension://${chromeExtensionId()}/`);
    expect(await popup.text('[data-testid=connection]')).toMatch(/^background v\d+\.\d+\.\d+$/);
  });

  it("Check discovery reads the issuer's document and shows the client authentication methods it accepts", async () => {
    const popup = await browser.openPopup();
    await popup.click('[role=tab][data-tab=flow]');
    await popup.fill('input[name=issuer]', server.issuer);
    await popup.click('button[data-action=discover]');
    await popup.waitFor('[data-testid=auth-methods]');
    const document = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint_auth_methods_supported: string[] };
    const shown = await popup.text('[data-testid=auth-methods]');
    for (const method of document.token_endpoint_auth_methods_supported) expect(shown).toContain(method);
    expect(await popup.text('[role=status]')).toContain(`Discovery read from ${server.issuer}.`);
    await popup.close();
  });

  it('runs an authorization-code + PKCE flow through sign-in and consent, and gets a live token', async () => {
    const popup = await browser.openPopup();
    await popup.click('[role=tab][data-tab=flow]');
    await popup.fill('input[name=issuer]', server.issuer);
    await popup.click('form.profile button[type=submit]');
    await signInAndConsent(browser);
    await popup.waitFor('[data-testid=flow-result][data-status=succeeded]');

    const stored = await popup.evaluate(async () => {
      type Storage = { get(keys: null): Promise<Record<string, unknown>> };
      type Api = { storage: { session: Storage; local: Storage } };
      const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome);
      return { session: await api.storage.session.get(null), local: await api.storage.local.get(null) };
    }, undefined);
    const run = (stored.session.flowRuns as FlowRun[])[0]!;
    expect(run.status).toBe('succeeded');
    expect(run.nonceCheck).toBe('match');
    expect(run.exchanges.map((e) => [e.request?.method, new URL(e.request!.url).pathname, e.response.status])).toEqual([
      ['GET', '/.well-known/openid-configuration', 200],
      ['POST', '/token', 200],
    ]);
    // Stored redacted; the request as sent is kept beside it, for "Copy with secrets".
    const tokenRequest = new URLSearchParams(run.exchanges[1]!.sent!.body);
    expect(tokenRequest.get('code_verifier')).toMatch(/^[\w-]{43}$/);
    expect(run.exchanges[1]!.request!.body).not.toContain(tokenRequest.get('code_verifier'));
    expect(tokenRequest.get('redirect_uri')).toBe(extensionRedirectUris()[name === 'chromium' ? 'chrome' : 'firefox']);
    // Tokens live in storage.session only.
    expect(stored.local).toEqual({});

    // The token is real: the server itself says it is active and was issued to the demo client.
    const introspection = await fetch(`${server.issuer}/token/introspection`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(DEMO_CLIENTS.basic.clientId, DEMO_CLIENTS.basic.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: run.tokens!.access_token }),
    }).then((r) => r.json());
    expect(introspection).toMatchObject({ active: true, client_id: DEMO_CLIENTS.basic.clientId, sub: 'demo' });
    expect(run.tokens!.refresh_token).toBeTruthy();
    // The popup shows it masked, never whole.
    const shown = await popup.text('[data-testid=access-token]');
    expect(shown).not.toContain(run.tokens!.access_token);
    expect(shown).toContain(`${run.tokens!.access_token.length} chars`);
  });
});

import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { LOOPBACK_RUN_GRANT, fillProfile, lastRun, openFlowTab, run, storageOf } from '../../dev/browsers/popup-flow';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** Pastes a token in Inspect and waits for its verdict to be drawn. */
async function inspect(popup: PageDriver, token: string): Promise<void> {
  await popup.click('[role=tab][data-tab=inspect]');
  await popup.fill('textarea[name=paste]', token);
  await popup.waitFor('[data-testid=jws-verdict][data-state=unverified]');
}

// Every JWT the extension shows says whether its signature was verified, and with which key.
describe.each(Object.entries(browsers))('%s: signatures verified where tokens are shown', (name, launch) => {
  let server: BundledServer;
  let browser: ExtensionBrowser;
  let idToken: string;

  beforeAll(async () => {
    server = await startBundledServer();
    browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a run's ID token is verified with the server's jwks_uri and checked against the run", async () => {
    const popup = await openFlowTab(browser);
    await fillProfile(popup, { issuer: server.issuer });
    expect((await run(browser, popup)).status).toBe('succeeded');
    await popup.waitFor('[data-testid=id-token-check][data-state=valid]');
    const jwks = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
    const { keys } = (await (await fetch(jwks.jwks_uri)).json()) as { keys: { kid: string }[] };
    const check = await popup.text('[data-testid=id-token-check]');
    expect(check).toContain('Signature verified');
    expect(check).toContain(jwks.jwks_uri);
    expect(keys.some(({ kid }) => check.includes(kid))).toBe(true);
    for (const claim of ['nonce', 'aud']) expect(check).toContain(claim);

    idToken = (await lastRun(popup))!.tokens!.id_token!;
    expect(idToken.split('.')).toHaveLength(3);
    await popup.close();
  });

  it('the same ID token with one claim changed: "Bad signature" against the issuer\'s keys', async () => {
    expect(idToken, 'the run above gave an ID token').toBeTruthy();
    const [header, payload, signature] = idToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string };
    const tampered = `${header}.${base64url(JSON.stringify({ ...claims, sub: `${claims.sub}x` }))}.${signature}`;
    const popup = await browser.openPopup();
    await inspect(popup, tampered);
    await popup.click('[data-testid=jws-verdict] button[data-action=verify-issuer]');
    await popup.waitFor('[data-testid=jws-verdict][data-state=failed]');
    expect(await popup.evaluate(() => document.querySelector<HTMLElement>('[data-testid=jws-verdict]')!.dataset.reason, undefined)).toBe('bad_signature');
    expect(await popup.text('[data-testid=jws-verdict]')).toContain('Bad signature');

    // The token as the server signed it verifies, with the same click.
    await inspect(popup, idToken);
    await popup.click('[data-testid=jws-verdict] button[data-action=verify-issuer]');
    await popup.waitFor('[data-testid=jws-verdict][data-state=verified]');
    await popup.close();
  });

  it('a pasted HS256 token verifies with its secret, and not with another', async () => {
    const secret = `${name}-shared-secret-of-32-bytes-or-more`;
    const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }))}`;
    const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
    const popup = await browser.openPopup();
    await inspect(popup, token);
    await popup.click('[data-testid=jws-verdict] button[data-action=secret]');
    await popup.fill('[data-testid=jws-verdict] input[name=secret]', `${secret}!`);
    await popup.click('[data-testid=jws-verdict] form button[type=submit]');
    await popup.waitFor('[data-testid=jws-verdict][data-state=failed]');
    expect(await popup.text('[data-testid=jws-verdict]')).toContain('Bad signature');

    // The field stays open for another try, emptied.
    if (!(await popup.evaluate(() => document.querySelector('[data-testid=jws-verdict] input[name=secret]') !== null, undefined))) await popup.click('[data-testid=jws-verdict] button[data-action=secret]');
    await popup.fill('[data-testid=jws-verdict] input[name=secret]', secret);
    await popup.click('[data-testid=jws-verdict] form button[type=submit]');
    await popup.waitFor('[data-testid=jws-verdict][data-state=verified]');
    expect(await popup.text('[data-testid=jws-verdict]')).toMatch(/verified/i);
    // The secret was used in the page and left it: nothing stored holds it.
    expect(JSON.stringify([await storageOf(popup, 'session'), await storageOf(popup, 'local')])).not.toContain(secret);
    await popup.close();
  });
});

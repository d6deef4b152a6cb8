import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { quirksFromNames, WRONG_ISSUER, WRONG_NONCE, WRONG_REDIRECT_PATH } from '../../dev/server/quirks';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { fillProfile, LOOPBACK_RUN_GRANT, openFlowTab, run } from '../../dev/browsers/popup-flow';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const ALERT = '[data-testid=flow-result] [role=alert]';
const redemptions = (server: BundledServer) => server.requests.filter((r) => r.token?.grantType === 'authorization_code');

// The checks a run makes before it trusts an answer, and the warning before Run, in the built
// extension against the bundled server answering as an attacker's would.
describe.each(Object.entries(browsers))('%s: flow checks', (_, launch) => {
  let mixUp: BundledServer;
  let replayed: BundledServer;
  let misdirected: BundledServer;
  let browser: ExtensionBrowser;
  let popup: PageDriver;

  beforeAll(async () => {
    mixUp = await startBundledServer({ quirks: quirksFromNames(['wrong-iss']) });
    replayed = await startBundledServer({ quirks: quirksFromNames(['wrong-nonce']) });
    misdirected = await startBundledServer({ quirks: quirksFromNames(['wrong-redirect']) });
    browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    popup = await openFlowTab(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await mixUp?.close();
    await replayed?.close();
    await misdirected?.close();
  });

  it('warns before Run of a token endpoint on another origin than the issuer, naming its host', async () => {
    const elsewhere = `http://localhost:${mixUp.port}/token`;
    await fillProfile(popup, { issuer: mixUp.issuer, tokenEndpoint: elsewhere });
    const item = `[data-testid=endpoint-warnings] li[data-endpoint=token][data-code=other_origin][data-host="localhost:${mixUp.port}"]`;
    await popup.waitFor(item);
    const text = await popup.text(item);
    expect(text).toContain(`The token endpoint is on localhost:${mixUp.port} (${elsewhere}), not on the issuer's origin, ${mixUp.issuer}`);
    expect(text).toContain('the authorization code, the PKCE verifier and the client secret would go to');
    expect(await popup.text('[data-testid=endpoint-warnings] p.warning')).toContain(`localhost:${mixUp.port}`);
    // Back to the issuer's own token endpoint: the warning goes.
    await fillProfile(popup, { tokenEndpoint: '' });
    await popup.evaluate(
      () => new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => (document.querySelector('[data-testid=endpoint-warnings]') === null ? resolve() : Date.now() - started > 5000 ? reject(new Error('the warning stayed')) : setTimeout(check, 50));
        check();
      }),
      undefined,
    );
  });

  it('fails a run whose authorization response names another issuer (RFC 9207), before redeeming the code', async () => {
    await fillProfile(popup, { issuer: mixUp.issuer });
    const flow = await run(browser, popup);
    expect(flow.status).toBe('failed');
    expect(flow.failure).toMatchObject({ stage: 'callback', reason: 'issuer_mismatch' });
    expect(redemptions(mixUp)).toEqual([]);
    expect(flow.tokens).toBeUndefined();
    const shown = await popup.text(ALERT);
    expect(shown).toContain(`names issuer ${WRONG_ISSUER}, not ${mixUp.issuer}`);
    expect(shown).toContain('mix-up attack');
  });

  it('fails a run whose ID token carries another nonce, keeping the exchange and showing no token', async () => {
    // A browser of its own: both servers are on 127.0.0.1, and cookies ignore the port, so the
    // other server's session cookie would meet this one.
    const own = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    try {
      const page = await openFlowTab(own);
      await fillProfile(page, { issuer: replayed.issuer });
      const flow = await run(own, page);
      expect(flow.failure).toMatchObject({ stage: 'token', reason: 'nonce_mismatch' });
      expect(flow.nonceCheck).toBe('mismatch');
      expect(flow.tokens).toBeUndefined();
      expect(flow.exchanges.at(-1)).toMatchObject({ context: { grantType: 'authorization_code' }, response: { status: 200 } });
      expect(await page.text(ALERT)).toContain(`The ID token's nonce (${WRONG_NONCE}) is not the one this run sent`);
      expect(await page.text('[data-testid=nonce-check]')).toBe('ID token nonce: not the one sent: the tokens were not used');
      expect(await page.evaluate(() => document.querySelector('[data-testid=access-token]') === null, undefined)).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('fails a run whose sign-in ends at another path than the redirect URI sent, before redeeming the code', async () => {
    // A browser of its own, for the same reason as above.
    const own = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
    try {
      const page = await openFlowTab(own);
      await fillProfile(page, { issuer: misdirected.issuer });
      const flow = await run(own, page);
      expect(flow.status).toBe('failed');
      expect(flow.failure).toMatchObject({ stage: 'callback', reason: 'redirect_mismatch' });
      expect(redemptions(misdirected)).toEqual([]);
      expect(flow.tokens).toBeUndefined();
      const shown = await page.text(ALERT);
      expect(shown).toContain(`${WRONG_REDIRECT_PATH}, not at the redirect URI this run sent`);
      expect(shown).toContain('the path differs');
    } finally {
      await own.close();
    }
  });
});

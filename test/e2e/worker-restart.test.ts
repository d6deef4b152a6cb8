import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import type { Layer } from '../../dev/server/layer';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser } from '../../dev/browsers/extension-browser';
import { fillProfile, lastRun, LOOPBACK_RUN_GRANT, openFlowTab } from '../../dev/browsers/popup-flow';
import { signInAndConsent } from '../../dev/browsers/sign-in';

/** Holds the first token request until its connection closes, then drops it: the code stays unused. */
function holdFirstTokenRequest() {
  let arrived!: () => void;
  const tokenRequestArrived = new Promise<void>((resolve) => (arrived = resolve));
  let held = false;
  const layer: Layer = async (req, res, next) => {
    if (held || req.method !== 'POST' || !req.url?.startsWith('/token')) return next();
    held = true;
    arrived();
    await new Promise((resolve) => (res as ServerResponse).once('close', resolve));
  };
  return { layer, tokenRequestArrived };
}

// Chrome stops extension service workers when it likes. A flow whose worker is stopped after
// the provider redirected back must still end with tokens: the code was kept in storage.session.
describe('chromium: a service worker stopped mid-flow', () => {
  let server: BundledServer;
  let browser: ExtensionBrowser;
  const hold = holdFirstTokenRequest();

  beforeAll(async () => {
    server = await startBundledServer({ quirks: [hold.layer] });
    browser = await launchChromium({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finishes the flow when the worker comes back', async () => {
    const popup = await openFlowTab(browser);
    await fillProfile(popup, { issuer: server.issuer });
    await popup.click('form.profile button[type=submit]');
    await signInAndConsent(browser);
    await hold.tokenRequestArrived;
    await browser.stopWorker!();

    // Any message wakes the worker; it finishes the flow before answering.
    const reopened = await openFlowTab(browser);
    await reopened.waitFor('[data-testid=flow-result][data-status=succeeded]');
    const run = (await lastRun(reopened))!;
    expect(run.tokens?.access_token).toBeTruthy();
    expect(run.pending).toBeUndefined();
    const exchanges = run.exchanges.filter((e) => e.context.grantType === 'authorization_code');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.context.codeFirstRedeemedAt).toBeUndefined();
  });
});

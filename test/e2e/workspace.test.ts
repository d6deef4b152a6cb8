import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, type FlowRun } from '../../src/core';
import { startBundledServer, type BundledServer } from '../../dev/server/bundled-server';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { catchCopies, copiedTexts, fillProfile, followRun, lastRun, run, storageOf } from '../../dev/browsers/popup-flow';
import { POPUP_PATH } from '../../dev/browsers/paths';

const browsers = { chromium: launchChromium, firefox: launchFirefox };
const SUCCEEDED = '[data-testid=flow-result][data-status=succeeded]';

// The workspace as a person uses it, from the toolbar button: the popup opens the panel (a side
// panel in Chrome, a sidebar in Firefox), the panel opens a tab, and a run started in the popup
// shows in both without a reload. Real clicks throughout, so the panel opens from a user gesture,
// and the host permission the first Run needs is asked by the browser's real prompt.
describe.each(Object.entries(browsers))('%s: a workspace that stays open', (name, launch) => {
  let server: BundledServer;
  let browser: ExtensionBrowser;
  let panel: PageDriver;
  let tab: PageDriver;
  let good: FlowRun;

  beforeAll(async () => {
    server = await startBundledServer();
    browser = await launch({ realPermissionPrompts: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the toolbar popup opens the panel, and the panel opens a tab', async () => {
    const toolbar = await browser.openToolbarPopup!();
    // A new user lands on Flow, the demo profile ready.
    expect(await toolbar.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-tab'), undefined)).toBe('flow');
    panel = await browser.openViewFrom!(toolbar, 'button[data-action=open-panel]', 'panel');
    expect(await panel.text('h1')).toBe('OAuth Lens');
    // The panel offers the tab, not itself.
    expect(await panel.evaluate(() => document.querySelector('button[data-action=open-panel]') === null, undefined)).toBe(true);
    tab = await browser.openViewFrom!(panel, 'button[data-action=open-tab]', 'tab');
    expect(tab.url()).toBe(`${browser.origin}${POPUP_PATH}`);
    expect(await tab.evaluate(() => document.querySelector('button[data-action=open-tab]') === null, undefined)).toBe(true);
  });

  it('a run started in the toolbar popup shows in the panel and the tab without a reload', async () => {
    const toolbar = await browser.openToolbarPopup!();
    await toolbar.click('[role=tab][data-tab=flow]');
    const { clientId, clientSecret, clientAuth } = DEMO_CLIENTS.basic;
    await fillProfile(toolbar, { issuer: server.issuer, clientId, clientSecret, clientAuth });
    await toolbar.waitFor('[data-testid=run-hosts]');
    await toolbar.click('form.profile button[type=submit]');
    // The first Run asks for 127.0.0.1, with the browser's own prompt.
    await browser.answerPermissionPrompt('allow');
    good = await followRun(browser, panel, undefined);
    expect(good.failure).toBeUndefined();
    expect(good.tokens?.id_token).toBeTruthy();
    for (const view of [panel, tab]) {
      await view.waitFor(`${SUCCEEDED} [data-testid=access-token]`);
      expect(await view.evaluate(() => document.querySelector('[data-testid=history-run]')?.getAttribute('data-run-id'), undefined)).toBe(good.id);
    }
    // The timeline has the front channel between discovery and the token request.
    const steps = await tab.evaluate(() => [...document.querySelectorAll('ol.timeline > li')].map((li) => li.getAttribute('data-step')), undefined);
    expect(steps.slice(0, 4)).toEqual(['discovery', 'authorize', 'redirect', 'token']);
  });

  it("the panel copies the access token, as itself and as an Authorization line, and opens the ID token in Inspect", async () => {
    await catchCopies(panel);
    await panel.click(`${SUCCEEDED} button[data-copy-token=access_token]`);
    await panel.click(`${SUCCEEDED} button[data-copy-token=authorization]`);
    const texts = await copiedTexts(panel, 2);
    expect(texts).toEqual([good.tokens!.access_token, `Authorization: Bearer ${good.tokens!.access_token}`]);

    await panel.click(`${SUCCEEDED} button[data-inspect-token=id_token]`);
    await panel.waitFor('#panel-inspect:not([hidden]) [data-testid=jwt-payload]');
    const payload = JSON.parse(await panel.text('#panel-inspect [data-testid=jwt-payload]')) as { iss: string; aud: string };
    expect(payload).toMatchObject({ iss: server.issuer, aud: DEMO_CLIENTS.basic.clientId });
  });

  it('a failing run, from the tab, leaves the good run listed and one click away, in every view', async () => {
    await tab.click('[role=tab][data-tab=flow]');
    await fillProfile(tab, { clientSecret: 'not-the-secret' });
    const failed = await run(browser, tab);
    expect(failed.status).toBe('failed');
    for (const view of [tab, panel]) {
      await view.waitFor('[data-testid=flow-result][data-status=failed]');
      await view.waitFor(`[data-testid=history-run][data-run-id="${good.id}"][data-status=succeeded]`);
      const listed = await view.evaluate(() => [...document.querySelectorAll('[data-testid=history-run]')].map((li) => li.getAttribute('data-status')), undefined);
      expect(listed).toEqual(['failed', 'succeeded']);
    }
    await tab.click('[data-testid=earlier-good-run] button[data-action=show-run]');
    await tab.waitFor(`${SUCCEEDED} [data-testid=access-token]`);
    // Its tokens are still the run's, in the session's storage.
    const runs = (await storageOf(tab, 'session')).flowRuns as FlowRun[];
    expect(runs.find((r) => r.id === good.id)?.tokens?.access_token).toBe(good.tokens!.access_token);
    expect((await lastRun(tab))?.id).toBe(failed.id);
  });

  it('with runs and errors: each view at both sizes, nothing overflowing sideways', async () => {
    const dir = `reports/screenshots/${name}/with-runs`;
    await mkdir(dir, { recursive: true });
    const page = await browser.openPopup();
    for (const size of SIZES) {
      await shootViews(page, dir, size, async (view) => {
        // The timeline's steps and the newest error, opened.
        if (view === 'flow') await page.evaluate(() => document.querySelectorAll('ol.timeline details').forEach((d) => ((d as HTMLDetailsElement).open = true)), undefined);
        if (view === 'errors') {
          await page.waitFor('[data-testid=error-entry]');
          await page.evaluate(() => (document.querySelector('button.error-row[aria-expanded=false]') as HTMLButtonElement | null)?.click(), undefined);
        }
      });
    }
  });
});

const SIZES = [
  { width: 400, height: 600 },
  { width: 1280, height: 800 },
];

/** Saves a screenshot of each main view of `page` at `size` under `dir`, checking that none overflows sideways. */
async function shootViews(page: PageDriver, dir: string, size: { width: number; height: number }, prepare: (view: string) => Promise<void> = async () => {}): Promise<string[]> {
  const tabs = await page.evaluate(() => [...document.querySelectorAll('[role=tab]')].map((t) => t.getAttribute('data-tab')!), undefined);
  for (const view of tabs) {
    await page.click(`[role=tab][data-tab=${view}]`);
    await page.waitFor(`#panel-${view}:not([hidden])`);
    await prepare(view);
    // Lazy views say "Loading…" for a moment: the picture is of the view itself.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)), undefined);
    await page.screenshot!(`${dir}/${view}-${size.width}x${size.height}.png`, size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth, undefined);
    expect({ view, overflow }).toEqual({ view, overflow: 0 });
  }
  return tabs;
}

// Screenshots of each main view at popup size and at a laptop's, saved as test artefacts; nothing
// overflows sideways, and on first open Run is in sight without scrolling.
describe.each(Object.entries(browsers))('%s: the views at 400×600 and 1280×800', (name, launch) => {
  // A fresh browser for each size: "first open" is a new user's, with no tab remembered.
  let browser: ExtensionBrowser | undefined;
  const dir = `reports/screenshots/${name}`;

  beforeAll(() => mkdir(`${dir}/new-user`, { recursive: true }));
  beforeEach(async () => void (browser = await launch()));
  afterEach(() => browser?.close());

  for (const size of SIZES) {
    it(`${size.width}×${size.height}: Run in sight on first open; no view overflows sideways`, async () => {
      const page = await browser!.openPopup();
      await page.screenshot!(`${dir}/first-open-${size.width}x${size.height}.png`, size);
      const first = await page.evaluate(() => {
        const button = document.querySelector('form.profile button[type=submit]')!.getBoundingClientRect();
        return { tab: document.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-tab'), runBottom: button.bottom, height: innerHeight, scrolled: scrollY };
      }, undefined);
      expect(first).toMatchObject({ tab: 'flow', scrolled: 0 });
      expect(first.runBottom).toBeLessThanOrEqual(first.height);
      expect(await shootViews(page, `${dir}/new-user`, size)).toEqual(expect.arrayContaining(['inspect', 'flow', 'errors', 'access']));
    });
  }
});

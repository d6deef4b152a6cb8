import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { grantedOrigins } from './harness/granted';
import { askToWatch } from '../../dev/browsers/watch-view';

// The browser's own permission prompt, shown headful on the harness's Xvfb display and answered
// with the keyboard as a person would: nothing is granted beforehand, no pref turns it off.
const browsers = { chromium: launchChromium, firefox: launchFirefox };
const options: LaunchOptions = { realPermissionPrompts: true };

describe.each(Object.entries(browsers))("%s: the browser's real permission prompt, answered as a person would", (name, launch) => {
  let browser: ExtensionBrowser;
  let popup: PageDriver;

  beforeAll(async () => {
    browser = await launch(options);
    popup = await browser.openPopup();
  });
  afterAll(() => browser?.close());

  it('Allow grants the origin the Watch tab asked for, and the host is watched', async () => {
    expect(await grantedOrigins(popup)).toEqual([]);
    await askToWatch(popup, '127.0.0.1:8123');
    await browser.answerPermissionPrompt('allow');
    await popup.waitFor('[data-testid=watch-list] li[data-pattern="127.0.0.1:8123"]');
    expect(await grantedOrigins(popup)).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'https://127.0.0.1/*']));
  });

  it('Deny grants nothing, and the popup says so', async () => {
    await askToWatch(popup, 'localhost:3000');
    await browser.answerPermissionPrompt('deny');
    await popup.waitFor('[role=alert]');
    expect(await popup.text('[role=alert]')).toBe('Access to localhost:3000 was not granted, so it is not watched.');
    const origins = await grantedOrigins(popup);
    expect(origins.filter((origin) => origin.includes('localhost'))).toEqual([]);
    expect(origins).toContain('http://127.0.0.1/*');
  });

  // Chromium closes the toolbar popup as the prompt takes focus: the popup never hears the answer,
  // but it told the background what the click meant before asking, and the background adds the host.
  it.runIf(name === 'chromium')('from the real toolbar popup: the popup closes under the prompt, Allow grants, and the host is watched', async () => {
    const toolbarPopup = await browser.openToolbarPopup!();
    await askToWatch(toolbarPopup, 'api.example.com');
    await browser.answerPermissionPrompt('allow');
    await expect(toolbarPopup.text('[role=status]')).rejects.toThrow(/toolbar popup is closed/);
    expect(await grantedOrigins(popup)).toEqual(expect.arrayContaining(['https://api.example.com/*']));
    await popup.click('[role=tab][data-tab=inspect]');
    await popup.click('[role=tab][data-tab=watch]');
    await popup.waitFor('[data-testid=watch-list] li[data-pattern="api.example.com"]');
  });

  // Firefox keeps its toolbar popup open under the prompt, and the request resolves there.
  it.runIf(name === 'firefox')('from the real toolbar popup: the popup stays open under the prompt, and Allow grants', async () => {
    const toolbarPopup = await browser.openToolbarPopup!();
    await askToWatch(toolbarPopup, 'api.example.com');
    await browser.answerPermissionPrompt('allow');
    await toolbarPopup.waitFor('[data-testid=watch-list] li[data-pattern="api.example.com"]');
    expect(await toolbarPopup.text('[role=status]')).toBe('Watching api.example.com. Its failed requests will appear in the Errors tab.');
    expect(await grantedOrigins(popup)).toEqual(expect.arrayContaining(['https://api.example.com/*']));
    await toolbarPopup.close();
  });
});

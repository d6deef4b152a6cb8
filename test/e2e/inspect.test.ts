import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dev/browsers/chromium';
import type { ExtensionBrowser } from '../../dev/browsers/extension-browser';
import { launchFirefox } from '../../dev/browsers/firefox';
import { FREEAGENT_STYLE_PADDED, RFC7519_JWT } from '../unit/core/fixtures';

const browsers = { chromium: () => launchChromium({ clipboard: true }), firefox: () => launchFirefox() };

describe.each(Object.entries(browsers))('%s: the Inspect view of the built extension', (name, launch) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('inspects a pasted Set-Cookie line: the token, its "=" inside, where it is safe; and copies it', async () => {
    const popup = await browser.openPopup();
    await popup.click('[role=tab][data-tab=inspect]');
    await popup.fill('textarea[name=paste]', `Set-Cookie: FAAccessToken=${FREEAGENT_STYLE_PADDED}; Path=/`);
    await popup.waitFor('[data-testid=inspection]');

    const shown = await popup.evaluate(() => ({
      warnings: [...document.querySelectorAll('[data-testid=warnings] li')].map((li) => (li as HTMLElement).dataset.code),
      marks: [...document.querySelectorAll('[data-testid=token-text] mark')].map((m) => m.textContent),
      safety: [...document.querySelectorAll('[data-testid=safety] tr')].map((tr) => `${(tr as HTMLElement).dataset.place}:${(tr as HTMLElement).dataset.safe}`),
    }), undefined);
    expect(shown).toEqual({
      warnings: ['container_extracted', 'padding_inside'],
      marks: ['=', '='],
      safety: ['url:false', 'header:false', 'cookie:true'],
    });

    await popup.click('button[data-copy=url]');
    await popup.waitFor('.copy [role=status]:not(:empty)');
    expect(await popup.text('.copy [role=status]')).toBe('URL-encoded copied.');
    if (name === 'chromium') {
      expect(await popup.evaluate(() => navigator.clipboard.readText(), undefined)).toBe(FREEAGENT_STYLE_PADDED.replace(/=/g, '%3D'));
    }
  });

  it('decodes a JWT into header and claims', async () => {
    const popup = await browser.openPopup();
    await popup.click('[role=tab][data-tab=inspect]');
    await popup.fill('textarea[name=paste]', `Authorization: Bearer ${RFC7519_JWT}`);
    await popup.waitFor('[data-testid=jwt-payload]');
    expect(JSON.parse(await popup.text('[data-testid=jwt-payload]'))).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    expect(await popup.text('[data-testid=warnings]')).toContain('expired');
  });
});

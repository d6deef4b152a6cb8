import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/background/is-trusted-sender';

const OWN = { id: 'fbbjkefjbkdnfcpjagbdjleagpgcfdjp', origin: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp/' };

describe('isTrustedSender', () => {
  it('trusts the extension’s own pages', () => {
    expect(isTrustedSender({ id: OWN.id, url: `${OWN.origin}src/popup/index.html` }, OWN)).toBe(true);
  });

  it('refuses a content script of the same extension running in a web page', () => {
    expect(isTrustedSender({ id: OWN.id, url: 'https://attacker.example/', tab: { index: 0 } as never }, OWN)).toBe(false);
  });

  it('refuses another extension and a sender without a URL', () => {
    expect(isTrustedSender({ id: 'other', url: 'chrome-extension://other/page.html' }, OWN)).toBe(false);
    expect(isTrustedSender({ id: OWN.id }, OWN)).toBe(false);
  });
});

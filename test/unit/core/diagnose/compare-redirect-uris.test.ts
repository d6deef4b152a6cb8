import { describe, expect, it } from 'vitest';
import { compareRedirectUris, type RedirectUriPart } from '../../../../src/core/diagnose/compare-redirect-uris';

const parts = (expected: string, actual: string): RedirectUriPart[] => compareRedirectUris(expected, actual).differences.map((d) => d.part);
const only = (expected: string, actual: string) => {
  const { differences } = compareRedirectUris(expected, actual);
  expect(differences).toHaveLength(1);
  return differences[0]!;
};

// Real identity.getRedirectURL() shapes: a Chrome extension id is 32 letters a-p; Firefox's host is 40 hex digits.
const CHROME = 'https://mbjdbmbcflbdlbamkjpfaoaaonlmiege.chromiumapp.org/';
const CHROME_UNPACKED = 'https://kpcfibiabmlmfhmjphnlmjgonmoidanh.chromiumapp.org/';
const FIREFOX = 'https://7a1bd3a2c8e94a5c1b3f8de1d0c4a9e7f2b6c5d4.extensions.allizom.org/';

describe('compareRedirectUris', () => {
  it('calls identical strings equal, and nothing else', () => {
    expect(compareRedirectUris('https://client.example.com/cb', 'https://client.example.com/cb')).toEqual({ equal: true, differences: [] });
    expect(compareRedirectUris('', '')).toEqual({ equal: true, differences: [] });
    // The same URL to a browser, but not the same string (RFC 6749 §3.1.2 compares strings).
    expect(compareRedirectUris('https://client.example.com/cb', 'HTTPS://client.example.com/cb').equal).toBe(false);
  });

  it('names http against https, and why apps behind a proxy send http', () => {
    const difference = only('https://app.example.com/auth/callback', 'http://app.example.com/auth/callback');
    expect(difference).toMatchObject({ part: 'scheme', expected: 'https', actual: 'http' });
    expect(difference.note).toContain('X-Forwarded-Proto');
  });

  it('names a scheme written in capitals', () => {
    expect(only('HTTPS://app.example.com/cb', 'https://app.example.com/cb')).toMatchObject({ part: 'scheme', expected: 'HTTPS', actual: 'https' });
  });

  it('names host case, with the note that providers compare exact strings', () => {
    const difference = only('https://MyApp.example.com/callback', 'https://myapp.example.com/callback');
    expect(difference).toMatchObject({ part: 'host', expected: 'MyApp.example.com', actual: 'myapp.example.com' });
    expect(difference.note).toContain('Hosts compare case-insensitively in URLs, but many providers compare redirect URIs as exact strings');
  });

  it('names different hosts, and www', () => {
    expect(only('https://app.example.com/cb', 'https://staging.example.com/cb')).toMatchObject({ part: 'host', note: 'Different hosts: app.example.com and staging.example.com.' });
    expect(only('https://www.example.com/cb', 'https://example.com/cb').note).toContain('"www."');
  });

  it('explains localhost, 127.0.0.1 and [::1] with RFC 8252', () => {
    for (const [expected, actual] of [
      ['http://localhost:8080/callback', 'http://127.0.0.1:8080/callback'],
      ['http://127.0.0.1:8080/callback', 'http://[::1]:8080/callback'],
      ['http://[::1]:8080/callback', 'http://localhost:8080/callback'],
    ] as const) {
      const difference = only(expected, actual);
      expect(difference.part).toBe('host');
      expect(difference.note).toContain('RFC 8252 §7.3');
      expect(difference.note).toContain('both reach this machine');
    }
  });

  it('names a different loopback port, noting RFC 8252 lets native apps vary it', () => {
    const difference = only('http://127.0.0.1:51004/oauth2redirect', 'http://127.0.0.1:49152/oauth2redirect');
    expect(difference).toMatchObject({ part: 'port', expected: '51004', actual: '49152' });
    expect(difference.note).toContain('any port on a loopback IP redirect URI');
    expect(only('https://app.example.com:8443/cb', 'https://app.example.com:9443/cb').note).toBe('Different ports: 8443 and 9443.');
  });

  it('names a default port written out, which browsers drop', () => {
    for (const [expected, actual, port] of [
      ['https://app.example.com:443/cb', 'https://app.example.com/cb', '443'],
      ['http://app.example.com/cb', 'http://app.example.com:80/cb', '80'],
    ] as const) {
      const difference = only(expected, actual);
      expect(difference.part).toBe('port');
      expect([difference.expected, difference.actual]).toContain(port);
      expect(difference.note).toContain('browsers drop a default port');
    }
    // Not a default for http: a different port.
    expect(only('http://app.example.com:443/cb', 'http://app.example.com/cb').note).toBe('The expected value names port 443, the other none (so the default, 80).');
  });

  it('names different paths and path case', () => {
    expect(only('https://app.example.com/auth/callback', 'https://app.example.com/oauth/callback')).toMatchObject({
      part: 'path',
      expected: '/auth/callback',
      actual: '/oauth/callback',
    });
    const difference = only('https://app.example.com/auth/Callback', 'https://app.example.com/auth/callback');
    expect(difference.part).toBe('path');
    expect(difference.note).toContain('letter case');
  });

  it('names a trailing slash, also at the root, and alongside host case', () => {
    const difference = only('https://app.example.com/callback/', 'https://app.example.com/callback');
    expect(difference).toMatchObject({ part: 'trailing_slash', expected: '/callback/', actual: '/callback' });
    expect(difference.note).toContain('ends with "/"');
    expect(only('https://app.example.com', 'https://app.example.com/')).toMatchObject({ part: 'trailing_slash', expected: '', actual: '/' });
    expect(only(CHROME, CHROME.slice(0, -1)).part).toBe('trailing_slash');
    expect(parts('https://App.example.com/cb/', 'https://app.example.com/cb')).toEqual(['host', 'trailing_slash']);
  });

  it('reports a trailing slash on a different path as one path difference', () => {
    expect(parts('https://app.example.com/a/', 'https://app.example.com/b')).toEqual(['path']);
  });

  it('names percent-encoding: %2F against /, hex case, space as + or %20, é', () => {
    const slash = only('https://app.example.com/cb%2Fgoogle', 'https://app.example.com/cb/google');
    expect(slash).toMatchObject({ part: 'encoding', expected: '/cb%2Fgoogle', actual: '/cb/google' });
    expect(slash.note).toContain('encoded slash (%2F)');

    const hexCase = only('https://app.example.com/cb?next=https%3a%2f%2fapp', 'https://app.example.com/cb?next=https%3A%2F%2Fapp');
    expect(hexCase.part).toBe('encoding');
    expect(hexCase.note).toContain('%3a and %3A are the same character');

    const space = only('https://app.example.com/cb?team=a+b', 'https://app.example.com/cb?team=a%20b');
    expect(space).toMatchObject({ part: 'encoding', expected: 'team=a+b', actual: 'team=a%20b' });
    expect(space.note).toContain('"+" on one side and "%20" on the other');

    expect(only('https://app.example.com/café', 'https://app.example.com/caf%C3%A9').note).toContain('"é" and "%C3%A9" are the same after decoding');
  });

  it('names which query parameters differ, are missing or were added', () => {
    const difference = only('https://app.example.com/cb?tenant=acme&env=prod', 'https://app.example.com/cb?tenant=globex&debug=1');
    expect(difference).toMatchObject({ part: 'query', expected: 'tenant=acme&env=prod', actual: 'tenant=globex&debug=1' });
    expect(difference.note).toContain('"tenant" is "acme" in the expected value and "globex" in the actual one');
    expect(difference.note).toContain('"env" is missing from the actual value');
    expect(difference.note).toContain('"debug" was added in the actual value');
    expect(only('https://app.example.com/cb', 'https://app.example.com/cb?state=xyz').note).toContain('"state" was added');
    expect(only('https://app.example.com/cb?a=1&b=2', 'https://app.example.com/cb?b=2&a=1').note).toContain('different order');
    expect(only('https://app.example.com/cb?', 'https://app.example.com/cb').note).toContain('a lone "?"');
  });

  it('says a redirect URI must not contain a fragment', () => {
    const difference = only('https://app.example.com/cb#/login', 'https://app.example.com/cb');
    expect(difference).toMatchObject({ part: 'fragment', expected: '/login', actual: '' });
    expect(difference.note).toContain('must not contain a fragment (RFC 6749 §3.1.2)');
  });

  it('names user info', () => {
    expect(only('https://user:pass@app.example.com/cb', 'https://app.example.com/cb')).toMatchObject({ part: 'userinfo', expected: 'user:pass', actual: '' });
  });

  it('finds whitespace and invisible characters, and shows where they are', () => {
    const newline = only('https://app.example.com/cb\n', 'https://app.example.com/cb');
    expect(newline).toMatchObject({ part: 'whitespace', expected: 'https://app.example.com/cb\\n', actual: 'https://app.example.com/cb' });
    expect(newline.note).toContain('The expected value ends with U+000A LINE FEED');

    const zeroWidth = only('https://app.example.com/cb', '\uFEFFhttps://app.exa\u200Bmple.com/cb ');
    expect(zeroWidth.actual).toBe('\\uFEFFhttps://app.exa\\u200Bmple.com/cb\\u0020');
    expect(zeroWidth.note).toContain('starts with U+FEFF');
    expect(zeroWidth.note).toContain('ends with U+0020 SPACE');
    expect(zeroWidth.note).toContain('U+200B ZERO WIDTH SPACE (invisible) inside it');

    // Whitespace is reported, then the rest is still compared.
    expect(parts(' https://app.example.com/cb', 'https://app.example.com/cb/')).toEqual(['whitespace', 'trailing_slash']);
  });

  it('tells a Chrome redirect URL used in Firefox, and the reverse', () => {
    const toFirefox = only(CHROME, FIREFOX);
    expect(toFirefox.part).toBe('browser');
    expect(toFirefox.note).toContain('registered for Chrome but used in Firefox');
    expect(toFirefox.note).toContain('identity.getRedirectURL()');
    expect(only(`${FIREFOX}cb`, `${CHROME}cb`).note).toContain('registered for Firefox but used in Chrome');
    // The path is still compared.
    expect(parts(`${CHROME}callback`, `${FIREFOX}cb`)).toEqual(['browser', 'path']);
  });

  it('tells two Chrome extension ids apart (unpacked against store build)', () => {
    const difference = only(CHROME, CHROME_UNPACKED);
    expect(difference.part).toBe('host');
    expect(difference.note).toContain('"key"');
  });

  it('gives one "whole" difference for what is not an absolute URI', () => {
    const noScheme = only('localhost:3000/callback', 'http://localhost:3000/callback');
    expect(noScheme).toMatchObject({ part: 'whole', expected: 'localhost:3000/callback', actual: 'http://localhost:3000/callback' });
    expect(noScheme.note).toContain('has no scheme');
    expect(only('/callback', 'https://app.example.com/callback').note).toContain('relative reference');
    expect(only('https://app.example.com/cb', '').note).toBe(
      'The actual value is empty. A redirect URI must be an absolute URI (RFC 6749 §3.1.2), so its parts cannot be compared.',
    );
  });

  it('compares private-use scheme redirect URIs of native apps (RFC 8252 §7.1)', () => {
    expect(only('com.example.app:/oauth2redirect', 'com.example.app:/oauth2redirect/').part).toBe('trailing_slash');
    const [host, path] = compareRedirectUris('com.example.app:/oauth2redirect', 'com.example.app://oauth2redirect').differences;
    expect(host).toMatchObject({ part: 'host', expected: '', actual: 'oauth2redirect' });
    expect(host!.note).toContain('"callback" is a host, not a path');
    expect(path).toMatchObject({ part: 'path', expected: '/oauth2redirect', actual: '' });
  });

  it('names several differences at once', () => {
    expect(parts('https://app.example.com:443/Callback?x=1#top', 'http://APP.example.com/callback?x=2')).toEqual(['scheme', 'host', 'port', 'path', 'query', 'fragment']);
  });
});

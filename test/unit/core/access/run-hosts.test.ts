import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, fillPreset, hostOfPermission, hostPermissionOf, hostsForRun, PROVIDER_PRESETS, tokenRequestsAs, type FlowProfile } from '../../../../src/core';

const preset = (id: string, values: Record<string, string> = {}) => {
  const filled = fillPreset(PROVIDER_PRESETS.find((p) => p.id === id)!, values);
  if (!filled.ok) throw new Error(`preset ${id}`);
  return filled.profile;
};

describe('tokenRequestsAs', () => {
  it('defaults to a server for confidential clients and a browser app for public ones', () => {
    expect(tokenRequestsAs({ clientAuth: 'client_secret_basic' })).toBe('server');
    expect(tokenRequestsAs({ clientAuth: 'client_secret_post' })).toBe('server');
    expect(tokenRequestsAs({ clientAuth: 'none' })).toBe('browser');
  });

  it('the profile’s choice wins', () => {
    expect(tokenRequestsAs({ clientAuth: 'client_secret_post', tokenRequestsAs: 'browser' })).toBe('browser');
    expect(tokenRequestsAs({ clientAuth: 'none', tokenRequestsAs: 'server' })).toBe('server');
  });
});

describe('hostsForRun', () => {
  it('GitHub, a confidential client: its token endpoint’s host, and the API host of userinfo', () => {
    const hosts = hostsForRun({ ...preset('github'), clientId: 'x', clientSecret: 'y' });
    expect(hosts.map((h) => [h.permission, h.endpoints])).toEqual([
      ['https://github.com/*', ['token']],
      ['https://api.github.com/*', ['userinfo']],
    ]);
    expect(hosts[0]!.why).toMatch(/without an Origin header/);
  });

  it('with only an issuer, discovery’s host is asked for until the endpoints are known', () => {
    const google = preset('google');
    expect(hostsForRun(google).map((h) => h.permission)).toEqual(['https://accounts.google.com/*']);
    const discovered = { token: 'https://oauth2.googleapis.com/token', revocation: 'https://oauth2.googleapis.com/revoke', userinfo: 'https://openidconnect.googleapis.com/v1/userinfo' };
    expect(hostsForRun(google, discovered).map((h) => [h.permission, h.endpoints])).toEqual([
      ['https://accounts.google.com/*', ['discovery']],
      ['https://oauth2.googleapis.com/*', ['token', 'revocation']],
      ['https://openidconnect.googleapis.com/*', ['userinfo']],
    ]);
  });

  it('one permission per host, whatever the port: match patterns carry none', () => {
    const profile: FlowProfile = { ...bundledDemoProfile('http://127.0.0.1:4455'), tokenEndpoint: 'http://127.0.0.1:4455/token', authorizationEndpoint: 'http://127.0.0.1:4455/auth', introspectionEndpoint: 'http://127.0.0.1:9999/i' };
    expect(hostsForRun(profile).map((h) => h.permission)).toEqual(['http://127.0.0.1/*']);
  });

  it('a public client of a provider that answers extension origins by CORS needs nothing', () => {
    const profile: FlowProfile = { ...bundledDemoProfile(), clientAuth: 'none', corsAllowsExtensions: true };
    expect(hostsForRun(profile)).toEqual([]);
  });

  it('a public client of any other provider needs its hosts: its answers would be hidden', () => {
    const hosts = hostsForRun({ ...bundledDemoProfile(), clientAuth: 'none', corsAllowsExtensions: false });
    expect(hosts.map((h) => h.permission)).toEqual(['http://127.0.0.1/*']);
    expect(hosts[0]!.why).toMatch(/CORS/);
  });

  it('as a server, even a CORS-friendly provider’s host is needed: only then does the browser drop Origin', () => {
    expect(hostsForRun({ ...bundledDemoProfile(), corsAllowsExtensions: true })).toHaveLength(1);
  });

  it('endpoints that are not http(s) URLs are skipped, not thrown on', () => {
    expect(hostsForRun({ ...bundledDemoProfile(), issuer: 'not a url', tokenEndpoint: 'javascript:alert(1)', authorizationEndpoint: 'x' })).toEqual([]);
  });
});

describe('hostPermissionOf and hostOfPermission', () => {
  it('go from a URL to its match pattern (no port) and from a pattern to the host people read', () => {
    expect(hostPermissionOf('https://login.microsoftonline.com:443/common/oauth2/v2.0/token')).toBe('https://login.microsoftonline.com/*');
    expect(hostPermissionOf('ftp://example.com/')).toBeUndefined();
    expect(hostOfPermission('http://127.0.0.1/*')).toBe('127.0.0.1');
  });
});

describe('a stored profile of another shape', () => {
  // Found by npm run fuzz: tokenRequestsAs(null) and hostsForRun(null) threw.
  it('gets the confidential default and names no host it cannot read', () => {
    for (const stored of [null, undefined, 'profile', 42]) {
      expect(tokenRequestsAs(stored as never)).toBe('server');
      expect(hostsForRun(stored as never)).toEqual([]);
    }
    expect(hostsForRun({ ...bundledDemoProfile(), corsAllowsExtensions: false, tokenEndpoint: 42 as never, issuer: undefined }, 'endpoints' as never)).toEqual([]);
    expect(hostsForRun({ ...bundledDemoProfile(), corsAllowsExtensions: false, issuer: undefined }, { token: ['https://a.example/t'] as never, userinfo: 'https://b.example/me' }).map((h) => h.permission)).toEqual(['https://b.example/*']);
  });
});

import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, exportProfiles, importProfiles, readProfiles } from '../../../../src/core';

describe('profile import and export', () => {
  it('keeps how token requests are sent and what a preset knew of CORS, never the secret', () => {
    const profile = { ...bundledDemoProfile(), id: 'p1', tokenRequestsAs: 'browser' as const, rememberSecret: true };
    const json = exportProfiles([profile]);
    expect(json).not.toContain(profile.clientSecret);
    const { profiles, problems } = importProfiles(json);
    expect(problems).toEqual([]);
    expect(profiles[0]).toMatchObject({ tokenRequestsAs: 'browser', corsAllowsExtensions: true, clientAuth: 'client_secret_basic' });
    expect(profiles[0]).not.toHaveProperty('clientSecret');
  });

  it('refuses a value the extension does not know, naming the field', () => {
    const file = (extra: object) => JSON.stringify({ profiles: [{ name: 'x', clientId: 'c', clientAuth: 'none', pkce: 'S256', ...extra }] });
    expect(importProfiles(file({ tokenRequestsAs: 'proxy' })).problems).toEqual(['Profile 1: tokenRequestsAs must be server or browser.']);
    expect(importProfiles(file({ corsAllowsExtensions: 'yes' })).problems).toEqual(['Profile 1: corsAllowsExtensions must be true or false.']);
  });

  it('warns of an imported profile that would send its code and secret to another host, naming it', () => {
    const file = JSON.stringify({
      profiles: [
        { name: 'Looks like Okta', issuer: 'https://dev-1.okta.com/oauth2/default', tokenEndpoint: 'https://collect.attacker.example/token', clientId: 'c', clientAuth: 'client_secret_post', pkce: 'S256' },
        { name: 'Plain', issuer: 'http://auth.intranet.example', clientId: 'c', clientAuth: 'none', pkce: 'S256' },
        { name: 'Fine', issuer: 'https://as.example', tokenEndpoint: 'https://as.example/token', clientId: 'c', clientAuth: 'none', pkce: 'S256' },
      ],
    });
    const { profiles, problems, warnings } = importProfiles(file);
    // A warning, not a refusal: the profiles are imported, and the warnings say what to look at.
    expect(profiles).toHaveLength(3);
    expect(problems).toEqual([]);
    expect(warnings.map((w) => [w.profile, w.warnings.map((x) => [x.code, x.endpoint, x.host])])).toEqual([
      ['Looks like Okta', [['other_origin', 'token', 'collect.attacker.example']]],
      ['Plain', [['insecure_http', 'issuer', 'auth.intranet.example']]],
    ]);
    expect(warnings[0]!.warnings[0]!.message).toContain('the authorization code, the PKCE verifier and the client secret would go to collect.attacker.example');
  });

  it('readProfiles, what the background stores, checks the same profiles without judging where they point', () => {
    const file = JSON.stringify({ profiles: [{ name: 'Elsewhere', issuer: 'http://as.example', tokenEndpoint: 'https://other.example/t', clientId: 'c', clientAuth: 'none', pkce: 'S256', clientSecret: 's' }, { name: 'x' }] });
    const { warnings, ...read } = importProfiles(file);
    expect(warnings).toHaveLength(1);
    expect(readProfiles(file)).toEqual(read);
    expect(read.profiles).toHaveLength(1);
    expect(read.problems).toHaveLength(2);
  });

  it('has no warnings for a file it cannot read', () => {
    expect(importProfiles('nope')).toEqual({ profiles: [], problems: ['The file is not JSON.'], warnings: [] });
  });
});

describe('exportProfiles never throws', () => {
  // Found by npm run fuzz: stored profiles of another shape, or one nested too deep for JSON, threw.
  it('leaves out what is not a profile or cannot be written as JSON', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    const kept = { ...bundledDemoProfile(), name: 'kept' };
    expect(JSON.parse(exportProfiles(null as never))).toEqual({ oauthLensProfiles: 1, profiles: [] });
    const { profiles } = importProfiles(exportProfiles([null, 'profile', { ...bundledDemoProfile(), extraParams: { deep } }, kept] as never));
    expect(profiles.map((p) => p.name)).toEqual(['kept']);
  });
});

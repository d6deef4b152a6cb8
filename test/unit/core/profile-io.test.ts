import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, exportProfiles, importProfiles } from '../../../src/core';

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
});

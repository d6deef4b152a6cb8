import { describe, expect, it } from 'vitest';
import { BUNDLED_DEMO_ISSUER, bundledDemoProfile, fillPreset, PROVIDER_PRESETS, type FlowProfile, type ProviderPreset } from '../../../../src/core';

const URL_FIELDS = ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'revocationEndpoint', 'introspectionEndpoint', 'userinfoEndpoint'] as const;

function preset(id: string): ProviderPreset {
  const found = PROVIDER_PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

function placeholdersOf(p: ProviderPreset): Set<string> {
  const strings = Object.values(p.template).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v) : []));
  return new Set(strings.flatMap((s) => [...String(s).matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!)));
}

/** A value for each parameter, as a user would type it. */
function sampleValues(p: ProviderPreset): Record<string, string> {
  return Object.fromEntries(p.parameters.map((parameter) => [parameter.name, parameter.example]));
}

function filled(p: ProviderPreset, values: Record<string, string>): FlowProfile {
  const result = fillPreset(p, values);
  if (!result.ok) throw new Error(`${p.id}: ${JSON.stringify(result)}`);
  return result.profile;
}

describe('PROVIDER_PRESETS', () => {
  it('has exactly the presets the picker offers, the bundled demo first, ids unique', () => {
    expect(PROVIDER_PRESETS.map((p) => p.id)).toEqual([
      'bundled-demo',
      'freeagent',
      'freeagent-sandbox',
      'github',
      'google',
      'entra',
      'gitlab',
      'auth0',
      'okta',
    ]);
    expect(new Set(PROVIDER_PRESETS.map((p) => p.id)).size).toBe(PROVIDER_PRESETS.length);
  });

  it.each(PROVIDER_PRESETS.map((p) => [p.id, p] as const))('%s cites an https documentation URL and says what to know', (_id, p) => {
    expect(new URL(p.source).protocol).toBe('https:');
    expect(p.name.trim()).not.toBe('');
    expect(p.notes.length).toBeGreaterThan(0);
    for (const note of p.notes) expect(note.trim()).toMatch(/[.)]$/);
  });

  it.each(PROVIDER_PRESETS.map((p) => [p.id, p] as const))('%s declares exactly the placeholders its template uses', (_id, p) => {
    expect([...placeholdersOf(p)].sort()).toEqual(p.parameters.map((parameter) => parameter.name).sort());
    expect(new Set(p.parameters.map((parameter) => parameter.name)).size).toBe(p.parameters.length);
  });

  it.each(PROVIDER_PRESETS.map((p) => [p.id, p] as const))('%s leaves no credentials in the template', (_id, p) => {
    expect(p.template).not.toHaveProperty('clientId');
    expect(p.template).not.toHaveProperty('clientSecret');
    expect(p.template).not.toHaveProperty('id');
    expect(p.template).not.toHaveProperty('rememberSecret');
  });

  it.each(PROVIDER_PRESETS.map((p) => [p.id, p] as const))('%s fills into absolute URLs with no placeholder left', (_id, p) => {
    const profile = filled(p, sampleValues(p));
    expect(profile.issuer || (profile.authorizationEndpoint && profile.tokenEndpoint)).toBeTruthy();
    for (const field of URL_FIELDS) {
      const value = profile[field];
      if (value === undefined) continue;
      expect(value, `${p.id}.${field}`).not.toContain('{');
      expect(() => new URL(value), `${p.id}.${field}: ${value}`).not.toThrow();
      expect(['https:', 'http:']).toContain(new URL(value).protocol);
    }
    const strings = Object.values(profile).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v) : []));
    for (const s of strings) expect(String(s), p.id).not.toMatch(/[{}]/);
  });

  it('uses https for every real provider; only the bundled demo is on http://127.0.0.1', () => {
    for (const p of PROVIDER_PRESETS) {
      const profile = filled(p, sampleValues(p));
      for (const field of URL_FIELDS) {
        const value = profile[field];
        if (value === undefined) continue;
        expect(new URL(value).protocol, `${p.id}.${field}`).toBe(p.id === 'bundled-demo' ? 'http:' : 'https:');
      }
    }
  });

  it('is frozen, so a caller cannot change a preset for everyone', () => {
    expect(Object.isFrozen(PROVIDER_PRESETS)).toBe(true);
    expect(Object.isFrozen(preset('google').template.extraParams)).toBe(true);
  });
});

describe('the bundled demo preset', () => {
  it('is the bundled demo profile, credentials included: the one preset that works out of the box', () => {
    expect(fillPreset(preset('bundled-demo'), {})).toEqual({ ok: true, profile: bundledDemoProfile() });
    expect(bundledDemoProfile().issuer).toBe(BUNDLED_DEMO_ISSUER);
  });

  it('is the only preset with a client id', () => {
    for (const p of PROVIDER_PRESETS.filter((q) => q.id !== 'bundled-demo')) {
      const profile = filled(p, sampleValues(p));
      expect(profile.clientId, p.id).toBe('');
      expect(profile, p.id).not.toHaveProperty('clientSecret');
    }
  });
});

describe('fillPreset', () => {
  it('reports the parameters left empty instead of a profile', () => {
    expect(fillPreset(preset('okta'), {})).toEqual({ ok: false, missing: ['domain'] });
    expect(fillPreset(preset('auth0'), { domain: '   ' })).toEqual({ ok: false, missing: ['domain'] });
    expect(fillPreset(preset('entra'), { domain: 'contoso.com' })).toEqual({ ok: false, missing: ['tenant'] });
  });

  it('normalises a domain pasted as a URL', () => {
    const profile = filled(preset('okta'), { domain: ' https://dev-123.okta.com/ ' });
    expect(profile.issuer).toBe('https://dev-123.okta.com/oauth2/default');
    expect(profile.authorizationEndpoint).toBe('https://dev-123.okta.com/oauth2/default/v1/authorize');
    expect(profile.tokenEndpoint).toBe('https://dev-123.okta.com/oauth2/default/v1/token');
    expect(profile.name).toBe('Okta (dev-123.okta.com)');
    expect(filled(preset('okta'), { domain: 'https://dev-123.okta.com/oauth2/default' }).issuer).toBe('https://dev-123.okta.com/oauth2/default');
  });

  it('keeps the trailing slash Auth0 puts in its issuer', () => {
    const profile = filled(preset('auth0'), { domain: 'https://dev-abc.us.auth0.com' });
    expect(profile.issuer).toBe('https://dev-abc.us.auth0.com/');
    expect(profile.tokenEndpoint).toBe('https://dev-abc.us.auth0.com/oauth/token');
  });

  it('takes GitLab.com when no instance is given, and normalises a self-managed one', () => {
    const dotCom = filled(preset('gitlab'), {});
    expect(dotCom.issuer).toBe('https://gitlab.com');
    expect(dotCom.authorizationEndpoint).toBe('https://gitlab.com/oauth/authorize');
    expect(dotCom.userinfoEndpoint).toBe('https://gitlab.com/oauth/userinfo');
    const selfManaged = filled(preset('gitlab'), { instance: 'gitlab.example.com/' });
    expect(selfManaged.issuer).toBe('https://gitlab.example.com');
    expect(selfManaged.revocationEndpoint).toBe('https://gitlab.example.com/oauth/revoke');
    expect(filled(preset('gitlab'), { instance: 'https://example.com/gitlab//' }).tokenEndpoint).toBe('https://example.com/gitlab/oauth/token');
  });

  // Trailing slashes were dropped by /\/+$/, quadratic on a long run that stops short of the end (found by npm run fuzz).
  it('reads a megabyte of slashes in linear time', () => {
    const slashes = '/'.repeat(1 << 20);
    expect(filled(preset('gitlab'), { instance: `https://example.com/${slashes}x` }).issuer).toBe(`https://example.com/${slashes}x`);
    expect(fillPreset(preset('entra'), { tenant: `a${slashes}x` })).toEqual({ ok: false, missing: [], invalid: ['tenant'] });
    expect(filled(preset('entra'), { tenant: `${slashes}common${slashes}` }).issuer).toBe('https://login.microsoftonline.com/common/v2.0');
  });

  it('fills an Entra tenant into every endpoint, common included', () => {
    const profile = filled(preset('entra'), { tenant: ' common ' });
    expect(profile.issuer).toBe('https://login.microsoftonline.com/common/v2.0');
    expect(profile.authorizationEndpoint).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
    expect(profile.tokenEndpoint).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    const guid = '8eaef023-2b34-4da1-9baa-8bc8c9d6a490';
    expect(filled(preset('entra'), { tenant: guid }).tokenEndpoint).toBe(`https://login.microsoftonline.com/${guid}/oauth2/v2.0/token`);
  });

  it('refuses values that cannot go into a URL, naming them, and never throws', () => {
    expect(fillPreset(preset('okta'), { domain: 'dev 123.okta.com' })).toEqual({ ok: false, missing: [], invalid: ['domain'] });
    expect(fillPreset(preset('entra'), { tenant: 'a/b' })).toEqual({ ok: false, missing: [], invalid: ['tenant'] });
    expect(fillPreset(preset('gitlab'), { instance: 'ftp://gitlab.example.com' })).toEqual({ ok: false, missing: [], invalid: ['instance'] });
    expect(fillPreset(preset('gitlab'), { instance: 'https://' })).toMatchObject({ ok: false });
    const nasty = [null, undefined, 42, { domain: 7 }, { domain: '{tenant}' }, { instance: 'http://[' }] as unknown as Record<string, string>[];
    for (const p of PROVIDER_PRESETS) for (const values of nasty) expect(() => fillPreset(p, values)).not.toThrow();
  });

  it('copies the template, so editing the profile leaves the preset alone', () => {
    const profile = filled(preset('google'), {});
    profile.extraParams!.prompt = 'none';
    expect(preset('google').template.extraParams).toEqual({ access_type: 'offline', prompt: 'consent' });
  });
});

describe('what each preset says about its provider', () => {
  it('FreeAgent: HTTP Basic client credentials, no PKCE, no scope, production and sandbox hosts', () => {
    for (const [id, host] of [['freeagent', 'api.freeagent.com'], ['freeagent-sandbox', 'api.sandbox.freeagent.com']] as const) {
      const profile = filled(preset(id), {});
      expect(profile.authorizationEndpoint).toBe(`https://${host}/v2/approve_app`);
      expect(profile.tokenEndpoint).toBe(`https://${host}/v2/token_endpoint`);
      expect(profile).toMatchObject({ clientAuth: 'client_secret_basic', pkce: 'off', scope: '' });
      expect(profile).not.toHaveProperty('issuer');
    }
  });

  it('GitHub: explicit endpoints, secret in the body, S256', () => {
    expect(filled(preset('github'), {})).toMatchObject({
      authorizationEndpoint: 'https://github.com/login/oauth/authorize',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      clientAuth: 'client_secret_post',
      pkce: 'S256',
    });
    expect(filled(preset('github'), {})).not.toHaveProperty('issuer');
  });

  it('Google: discovery from the issuer, offline access with a consent prompt', () => {
    const profile = filled(preset('google'), {});
    expect(profile).toMatchObject({ issuer: 'https://accounts.google.com', scope: 'openid email profile' });
    expect(profile.extraParams).toEqual({ access_type: 'offline', prompt: 'consent' });
    expect(profile).not.toHaveProperty('authorizationEndpoint');
  });
});

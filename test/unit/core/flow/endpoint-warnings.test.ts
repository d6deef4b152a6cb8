import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, endpointWarnings as judge, fillPreset, PROVIDER_IDENTITIES, PROVIDER_PRESETS, type FlowProfile, type ProviderMetadata } from '../../../../src/core';

// As the background judges: with the hosts each provider documents.
const endpointWarnings = (profile: FlowProfile, metadata?: ProviderMetadata) => judge(profile, metadata, PROVIDER_IDENTITIES);

const profile = (urls: Partial<FlowProfile>): FlowProfile => ({ name: 'p', clientId: 'c', scope: '', clientAuth: 'client_secret_basic', pkce: 'S256', ...urls });
const filled = (result: ReturnType<typeof fillPreset>) => (result.ok ? result.profile : profile({}));
const summary = (warnings: ReturnType<typeof endpointWarnings>) => warnings.map((w) => [w.code, w.endpoint, w.host, w.source]);

describe('endpointWarnings: where a run would send its secrets', () => {
  it('says nothing of https endpoints on the issuer’s origin', () => {
    const urls = { issuer: 'https://as.example', authorizationEndpoint: 'https://as.example/authorize', tokenEndpoint: 'https://as.example/token', userinfoEndpoint: 'https://as.example/me' };
    expect(endpointWarnings(profile(urls))).toEqual([]);
  });

  it('names a token endpoint on another origin than the issuer, with its host and what would go there', () => {
    const [warning, ...rest] = endpointWarnings(profile({ issuer: 'https://accounts.example.com', tokenEndpoint: 'https://collector.attacker.example/token' }));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'other_origin', endpoint: 'token', host: 'collector.attacker.example', url: 'https://collector.attacker.example/token', source: 'profile' });
    expect(warning!.message).toContain('The token endpoint is on collector.attacker.example');
    expect(warning!.message).toContain("not on the issuer's origin, https://accounts.example.com");
    expect(warning!.message).toContain('the authorization code, the PKCE verifier and the client secret would go to collector.attacker.example');
    expect(warning!.message).toContain('make sure collector.attacker.example is the provider');
    expect(warning).not.toHaveProperty('knownProvider');
  });

  it('another port or scheme is another origin', () => {
    expect(summary(endpointWarnings(profile({ issuer: 'https://as.example', tokenEndpoint: 'https://as.example:8443/token' })))).toEqual([['other_origin', 'token', 'as.example:8443', 'profile']]);
    expect(summary(endpointWarnings(profile({ issuer: 'http://127.0.0.1:4455', tokenEndpoint: 'http://localhost:4455/token' })))).toEqual([['other_origin', 'token', 'localhost:4455', 'profile']]);
  });

  it('checks every endpoint: authorization, userinfo, revocation, introspection, and discovery’s jwks_uri and PAR endpoint', () => {
    const metadata: ProviderMetadata = {
      issuer: 'https://as.example',
      authorization_endpoint: 'https://login.other.example/authorize',
      token_endpoint: 'https://as.example/token',
      userinfo_endpoint: 'https://api.other.example/userinfo',
      revocation_endpoint: 'https://revoke.other.example/r',
      introspection_endpoint: 'https://as.example/introspect',
      jwks_uri: 'https://keys.other.example/jwks',
      pushed_authorization_request_endpoint: 'https://par.other.example/par',
    };
    expect(summary(endpointWarnings(profile({ issuer: 'https://as.example', introspectionEndpoint: 'https://i.other.example/introspect' }), metadata))).toEqual([
      ['other_origin', 'authorization', 'login.other.example', 'discovery'],
      ['other_origin', 'userinfo', 'api.other.example', 'discovery'],
      ['other_origin', 'revocation', 'revoke.other.example', 'discovery'],
      ['other_origin', 'introspection', 'i.other.example', 'profile'],
      ['other_origin', 'jwks', 'keys.other.example', 'discovery'],
      ['other_origin', 'par', 'par.other.example', 'discovery'],
    ]);
  });

  it('an endpoint named by the issuer’s own discovery says so', () => {
    const metadata: ProviderMetadata = { issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 'https://tokens.example.net/t' };
    const [warning] = endpointWarnings(profile({ issuer: 'https://as.example' }), metadata);
    expect(warning?.message).toContain("The token endpoint, as the issuer's own discovery document names it, is on tokens.example.net");
  });

  it('without an issuer, the authorization endpoint’s origin is the reference', () => {
    const [warning, ...rest] = endpointWarnings(profile({ authorizationEndpoint: 'https://as.example/authorize', tokenEndpoint: 'https://elsewhere.example/token' }));
    expect(rest).toEqual([]);
    expect(warning?.message).toContain("not on the authorization endpoint's origin, https://as.example (the profile names no issuer)");
  });

  it('names the provider when both hosts are documented as its own (Google, Microsoft), and still warns', () => {
    const google: ProviderMetadata = {
      issuer: 'https://accounts.google.com',
      authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      token_endpoint: 'https://oauth2.googleapis.com/token',
      userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
      revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
      jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
    };
    const warnings = endpointWarnings(profile({ issuer: 'https://accounts.google.com' }), google);
    expect(summary(warnings)).toEqual([
      ['other_origin', 'token', 'oauth2.googleapis.com', 'discovery'],
      ['other_origin', 'userinfo', 'openidconnect.googleapis.com', 'discovery'],
      ['other_origin', 'revocation', 'oauth2.googleapis.com', 'discovery'],
      ['other_origin', 'jwks', 'www.googleapis.com', 'discovery'],
    ]);
    expect(warnings.every((w) => w.knownProvider?.provider === 'Google')).toBe(true);
    expect(warnings[0]!.message).toContain("Both hosts are Google's");

    const entra = PROVIDER_PRESETS.find((preset) => preset.id === 'entra')!;
    const [graph, ...others] = endpointWarnings(filled(fillPreset(entra, { tenant: 'contoso.onmicrosoft.com' })));
    expect(others).toEqual([]);
    expect(graph).toMatchObject({ endpoint: 'userinfo', host: 'graph.microsoft.com', knownProvider: { provider: 'Microsoft Entra ID' } });
  });

  it('names no provider when it is given none to know', () => {
    const [warning] = judge(profile({ issuer: 'https://accounts.google.com', tokenEndpoint: 'https://oauth2.googleapis.com/token' }));
    expect(warning).toMatchObject({ host: 'oauth2.googleapis.com' });
    expect(warning).not.toHaveProperty('knownProvider');
  });

  it('names a provider only when both hosts are its own', () => {
    const [warning] = endpointWarnings(profile({ issuer: 'https://accounts.google.com', tokenEndpoint: 'https://oauth2.attacker.example/token' }));
    expect(warning).not.toHaveProperty('knownProvider');
  });
});

describe('endpointWarnings: plain http', () => {
  it('warns of http: to a host that is not loopback, naming what would cross unencrypted', () => {
    const warnings = endpointWarnings(profile({ issuer: 'http://as.example', tokenEndpoint: 'http://as.example/token' }));
    expect(summary(warnings)).toEqual([
      ['insecure_http', 'issuer', 'as.example', 'profile'],
      ['insecure_http', 'token', 'as.example', 'profile'],
    ]);
    expect(warnings[1]!.message).toBe(
      'The token endpoint http://as.example/token is plain http: on as.example, which is not loopback: the authorization code, the PKCE verifier and the client secret would cross the network unencrypted, for anyone on the way to read or change.',
    );
  });

  it.each(['http://127.0.0.1:4455', 'http://127.8.9.10', 'http://127.1:8080', 'http://[::1]:8080', 'http://localhost:3000', 'http://auth.localhost'])('takes %s as loopback', (issuer) => {
    expect(endpointWarnings(profile({ issuer, tokenEndpoint: `${issuer}/token` }))).toEqual([]);
  });

  it.each(['http://128.0.0.1', 'http://localhost.example.com', 'http://10.0.0.1', 'http://[::2]', 'http://127.0.0.1.nip.io'])('does not take %s as loopback', (issuer) => {
    expect(endpointWarnings(profile({ issuer })).map((w) => w.code)).toEqual(['insecure_http']);
  });

  it('gives both warnings for an http: endpoint on another host', () => {
    expect(summary(endpointWarnings(profile({ issuer: 'https://as.example', userinfoEndpoint: 'http://api.example/me' })))).toEqual([
      ['insecure_http', 'userinfo', 'api.example', 'profile'],
      ['other_origin', 'userinfo', 'api.example', 'profile'],
    ]);
  });

  it('an http: endpoint that discovery names is warned of too', () => {
    const metadata: ProviderMetadata = { issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 'http://as.example/t' };
    expect(summary(endpointWarnings(profile({ issuer: 'https://as.example' }), metadata))).toEqual([
      ['insecure_http', 'token', 'as.example', 'discovery'],
      ['other_origin', 'token', 'as.example', 'discovery'],
    ]);
  });
});

describe('endpointWarnings: never in the way', () => {
  it('the bundled demo server gives none; GitHub’s API host is named as GitHub’s', () => {
    expect(endpointWarnings(bundledDemoProfile())).toEqual([]);
    const github = PROVIDER_PRESETS.find((preset) => preset.id === 'github')!;
    // GitHub names no issuer; its API host is documented as GitHub's.
    const githubWarnings = endpointWarnings(filled(fillPreset(github, {})));
    expect(summary(githubWarnings)).toEqual([['other_origin', 'userinfo', 'api.github.com', 'profile']]);
    expect(githubWarnings[0]!.knownProvider?.provider).toBe('GitHub');
  });

  it('no preset names an http: endpoint, or a host not documented as its provider’s', () => {
    for (const preset of PROVIDER_PRESETS) {
      const values = Object.fromEntries(preset.parameters.map((parameter) => [parameter.name, parameter.example]));
      const result = fillPreset(preset, values);
      expect(result.ok, preset.id).toBe(true);
      for (const warning of endpointWarnings(filled(result))) expect(warning, preset.id).toMatchObject({ code: 'other_origin', knownProvider: expect.anything() });
    }
  });

  it('ignores what is not an http(s) URL, and never throws', () => {
    expect(endpointWarnings(profile({ issuer: '{instance}', tokenEndpoint: 'not a url', userinfoEndpoint: 'ftp://x.example/u' }))).toEqual([]);
    expect(endpointWarnings({ issuer: 42, tokenEndpoint: null } as unknown as FlowProfile)).toEqual([]);
    for (const junk of [null, undefined, 'https://as.example', 7, []]) {
      expect(judge(junk as unknown as FlowProfile, junk as unknown as ProviderMetadata, junk as unknown as [])).toEqual([]);
    }
    expect(endpointWarnings(profile({}), { token_endpoint: ['x'] } as unknown as ProviderMetadata)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { discoveryUrl, parseDiscovery } from '../../../../src/core';

// Trimmed from OpenID Connect Discovery 1.0 §4.2's example response.
const EXAMPLE = JSON.stringify({
  issuer: 'https://server.example.com',
  authorization_endpoint: 'https://server.example.com/connect/authorize',
  token_endpoint: 'https://server.example.com/connect/token',
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
  userinfo_endpoint: 'https://server.example.com/connect/userinfo',
  jwks_uri: 'https://server.example.com/jwks.json',
});

describe('discovery', () => {
  it('appends the well-known path, with or without a trailing slash (OIDC Discovery §4)', () => {
    expect(discoveryUrl('https://server.example.com')).toBe('https://server.example.com/.well-known/openid-configuration');
    expect(discoveryUrl('https://login.example.com/tenant/v2.0/')).toBe(
      'https://login.example.com/tenant/v2.0/.well-known/openid-configuration',
    );
  });

  it('reads the endpoints of the §4.2 example', () => {
    const result = parseDiscovery(EXAMPLE, 'https://server.example.com/');
    expect(result.ok && result.metadata.token_endpoint).toBe('https://server.example.com/connect/token');
    expect(result.ok && result.metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'private_key_jwt']);
  });

  it('refuses a document for another issuer (§4.3), naming both', () => {
    const result = parseDiscovery(EXAMPLE, 'https://other.example.com');
    expect(result).toEqual({
      ok: false,
      reason: 'The discovery document names issuer https://server.example.com, not https://other.example.com.',
    });
  });

  it.each([
    ['<html>Not found</html>', 'not JSON'],
    ['[]', 'not a JSON object'],
    ['{"issuer":"https://server.example.com","token_endpoint":"x"}', 'no authorization_endpoint'],
  ])('explains why %j is no discovery document', (body, reason) => {
    const result = parseDiscovery(body, 'https://server.example.com');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('discovery fields of the wrong type', () => {
  const base = { issuer: 'https://server.example.com', authorization_endpoint: 'https://server.example.com/authorize', token_endpoint: 'https://server.example.com/token' };
  const parse = (extra: object) => parseDiscovery(JSON.stringify({ ...base, ...extra }), 'https://server.example.com');

  it('drops a string where a list belongs, with a note, instead of handing it on', () => {
    const result = parse({ token_endpoint_auth_methods_supported: 'client_secret_basic', code_challenge_methods_supported: ['S256', 7] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.metadata).not.toHaveProperty('token_endpoint_auth_methods_supported');
    expect(result.metadata).not.toHaveProperty('code_challenge_methods_supported');
    expect(result.notes).toEqual([
      'The discovery document\'s token_endpoint_auth_methods_supported is the text "client_secret_basic", not a list of strings; it was ignored.',
      "The discovery document's code_challenge_methods_supported is a list with items that are not strings; it was ignored.",
    ]);
  });

  it.each([
    ['userinfo_endpoint', 42, 'the number 42, not a URL string'],
    ['revocation_endpoint', ['https://server.example.com/revoke'], 'a list, not a URL string'],
    ['introspection_endpoint', { url: 'x' }, 'an object, not a URL string'],
    ['jwks_uri', '/jwks', '"/jwks", not an absolute URL'],
    ['pushed_authorization_request_endpoint', true, 'the boolean true, not a URL string'],
    ['authorization_response_iss_parameter_supported', 'true', 'the text "true", not true or false'],
  ])('drops %s given as %j', (field, value, said) => {
    const result = parse({ [field]: value });
    expect(result.ok && result.metadata).not.toHaveProperty(field);
    expect(result.ok && result.notes).toEqual([`The discovery document's ${field} is ${said}; it was ignored.`]);
  });

  it('keeps the fields of the right type, and none it does not use', () => {
    const result = parse({
      userinfo_endpoint: 'https://server.example.com/userinfo',
      authorization_response_iss_parameter_supported: true,
      pushed_authorization_request_endpoint: 'https://server.example.com/par',
      claims_supported: 'anything',
    });
    expect(result).toEqual({
      ok: true,
      metadata: { ...base, userinfo_endpoint: 'https://server.example.com/userinfo', authorization_response_iss_parameter_supported: true, pushed_authorization_request_endpoint: 'https://server.example.com/par' },
      notes: [],
    });
    // null is "not stated", as is an absent field.
    expect(parse({ userinfo_endpoint: null })).toEqual({ ok: true, metadata: base, notes: [] });
  });

  it.each([
    ['token_endpoint', ['https://server.example.com/token'], "The discovery document's token_endpoint is a list, not a URL string, so it cannot be used."],
    ['authorization_endpoint', 'authorize', 'The discovery document\'s authorization_endpoint is "authorize", not an absolute URL, so it cannot be used.'],
    ['issuer', { href: 'https://server.example.com' }, "The discovery document's issuer is an object, not a URL string, so it cannot be used."],
    ['token_endpoint', null, 'The discovery document has no token_endpoint.'],
  ])('refuses a document whose %s is %j', (field, value, reason) => {
    expect(parse({ [field]: value })).toEqual({ ok: false, reason });
  });
});

describe('parseDiscovery never throws', () => {
  it.each([[undefined, 'https://a.example'], ['{}', undefined], [42, 42], ['{"issuer":"https://a.example","authorization_endpoint":"https://a.example/a","token_endpoint":"https://a.example/t"}', null]])('on %j for issuer %j', (body, issuer) => {
    expect(() => parseDiscovery(body as string, issuer as string)).not.toThrow();
    expect(parseDiscovery(body as string, issuer as string).ok).toBe(false);
  });
});

describe('discovery on a megabyte of slashes', () => {
  // /\/+$/ started again at each slash of a run that stops short of the end: minutes for a megabyte (found by npm run fuzz).
  it('drops trailing slashes in linear time', () => {
    const slashes = '/'.repeat(1 << 20);
    expect(discoveryUrl(`https://a.example${slashes}x`)).toBe(`https://a.example${slashes}x/.well-known/openid-configuration`);
    const document = JSON.stringify({ issuer: 'https://a.example', authorization_endpoint: 'https://a.example/a', token_endpoint: 'https://a.example/t' });
    expect(parseDiscovery(document, `https://a.example${slashes}x`).ok).toBe(false);
    expect(parseDiscovery(document, `https://a.example${slashes}`).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { discoveryUrl, parseDiscovery } from '../../../src/core';

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

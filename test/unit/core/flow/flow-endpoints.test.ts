import { describe, expect, it } from 'vitest';
import { flowEndpoints, needsDiscovery, type FlowProfile, type ProviderMetadata } from '../../../../src/core';

const profile = (fields: Partial<FlowProfile>): FlowProfile => ({ name: 'p', clientId: 'c', scope: '', clientAuth: 'none', pkce: 'S256', ...fields });
const metadata: ProviderMetadata = { issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 'https://as.example/t', userinfo_endpoint: 'https://as.example/me' };

describe('flowEndpoints and needsDiscovery', () => {
  it('take the profile’s endpoints, discovery’s for the rest', () => {
    expect(needsDiscovery(profile({ issuer: 'https://as.example', authorizationEndpoint: 'https://own.example/a' }))).toBe(true);
    expect(flowEndpoints(profile({ authorizationEndpoint: 'https://own.example/a' }), metadata)).toEqual({
      authorization: 'https://own.example/a',
      token: 'https://as.example/t',
      userinfo: 'https://as.example/me',
    });
    expect(flowEndpoints(profile({}))).toBeUndefined();
  });

  // Found by npm run fuzz: a profile or document of another shape (from storage, or none) threw.
  it('never throw on a stored profile or document of another shape: what is not text counts as not given', () => {
    for (const stored of [null, undefined, 'profile', 42, []]) {
      expect(needsDiscovery(stored as never)).toBe(false);
      expect(flowEndpoints(stored as never)).toBeUndefined();
      expect(flowEndpoints(stored as never, metadata)).toEqual({ authorization: 'https://as.example/a', token: 'https://as.example/t', userinfo: 'https://as.example/me' });
    }
    expect(needsDiscovery(profile({ issuer: 42 as never }))).toBe(false);
    expect(flowEndpoints(profile({ authorizationEndpoint: 42 as never, tokenEndpoint: {} as never }), metadata)?.token).toBe('https://as.example/t');
    expect(flowEndpoints(profile({}), { ...metadata, userinfo_endpoint: ['https://x.example'] as never })).toEqual({ authorization: 'https://as.example/a', token: 'https://as.example/t' });
    expect(flowEndpoints(profile({}), 'metadata' as never)).toBeUndefined();
  });
});

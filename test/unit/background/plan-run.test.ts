import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, type FlowProfile, type ProviderMetadata } from '../../../src/core';
import { planRun } from '../../../src/background/plan-run';

const holds = async () => true;

describe('planRun: what Run will ask for, and the discovery the view warns with', () => {
  it('hands over the discovery document it planned with, for the view to judge the endpoints it names', async () => {
    const profile: FlowProfile = { ...bundledDemoProfile('https://as.example'), userinfoEndpoint: 'http://api.example/me' };
    const metadata: ProviderMetadata = { issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 'https://tokens.example.net/t', jwks_uri: 'https://as.example/jwks' };
    const plan = await planRun(profile, { holds, discover: async () => metadata });
    expect(plan.endpointsKnown).toBe(true);
    expect(plan.metadata).toEqual(metadata);
    expect(plan.hosts.map((host) => host.permission)).toContain('https://tokens.example.net/*');
  });

  it('discovery that cannot be read: no document, the issuer’s host stands in', async () => {
    const profile: FlowProfile = { ...bundledDemoProfile('https://as.example'), tokenEndpoint: 'https://elsewhere.example/token' };
    const plan = await planRun(profile, { holds, discover: async () => Promise.reject(new Error('down')) });
    expect(plan.endpointsKnown).toBe(false);
    expect(plan).not.toHaveProperty('metadata');
  });
});

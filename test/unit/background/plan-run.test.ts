import { describe, expect, it } from 'vitest';
import { bundledDemoProfile, type FlowProfile, type ProviderMetadata } from '../../../src/core';
import { planRun } from '../../../src/background/plan-run';

const holds = async () => true;

describe('planRun: the warnings before Run', () => {
  it('none for the bundled demo server', async () => {
    const metadata: ProviderMetadata = { issuer: 'http://127.0.0.1:4455', authorization_endpoint: 'http://127.0.0.1:4455/auth', token_endpoint: 'http://127.0.0.1:4455/token' };
    expect((await planRun(bundledDemoProfile(), { holds, discover: async () => metadata })).endpointWarnings).toEqual([]);
  });

  it('names the endpoints discovery names on another origin, and the profile’s own', async () => {
    const profile: FlowProfile = { ...bundledDemoProfile('https://as.example'), userinfoEndpoint: 'http://api.example/me' };
    const metadata: ProviderMetadata = { issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 'https://tokens.example.net/t', jwks_uri: 'https://as.example/jwks' };
    const plan = await planRun(profile, { holds, discover: async () => metadata });
    expect(plan.endpointWarnings?.map((w) => [w.code, w.endpoint, w.host, w.source])).toEqual([
      ['insecure_http', 'userinfo', 'api.example', 'profile'],
      ['other_origin', 'token', 'tokens.example.net', 'discovery'],
      ['other_origin', 'userinfo', 'api.example', 'profile'],
    ]);
  });

  it('discovery that cannot be read: the profile’s own endpoints are still judged', async () => {
    const profile: FlowProfile = { ...bundledDemoProfile('https://as.example'), tokenEndpoint: 'https://elsewhere.example/token' };
    const plan = await planRun(profile, { holds, discover: async () => Promise.reject(new Error('down')) });
    expect(plan.endpointsKnown).toBe(false);
    expect(plan.endpointWarnings?.map((w) => w.host)).toEqual(['elsewhere.example']);
  });
});

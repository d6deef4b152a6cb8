import { describe, expect, it } from 'vitest';
import type { DiagnosisCategory } from '../../../../src/core/diagnose/diagnosis';
import { PROVIDER_ERRORS, type ProviderErrorRule } from '../../../../src/core/catalog/provider-errors';
import { PROVIDER_IDENTITIES } from '../../../../src/core/catalog/provider-identities';
import { PROVIDER_ERROR_FIXTURES } from '../provider-error-fixtures';

const CATEGORIES = [
  'code_reused',
  'code_expired',
  'redirect_uri_mismatch',
  'invalid_client_credentials',
  'client_auth_method',
  'pkce_mismatch',
  'invalid_scope',
  'unsupported_grant_type',
  'rate_limited',
  'token_expired',
  'token_revoked',
  'insufficient_scope',
  'invalid_token',
  'malformed_request',
  'consent_denied',
  'authorization_pending',
  'slow_down',
  'origin_not_allowed',
  'cors_blocked',
  'server_unreachable',
  'timeout',
  'other',
] as const satisfies readonly DiagnosisCategory[];
// Fails to compile when DiagnosisCategory gains a member this list lacks.
const everyCategoryListed: Exclude<DiagnosisCategory, (typeof CATEGORIES)[number]> extends never ? true : false = true;

const PROVIDERS = new Set(PROVIDER_IDENTITIES.map((identity) => identity.provider));
// Providers whose answers are varied enough to need more than one fixture.
const NEEDS_SEVERAL_FIXTURES = ['GitHub', 'Google', 'Microsoft Entra ID', 'Slack'];

const ruleName = (rule: ProviderErrorRule): string =>
  `${rule.provider} ${rule.error ?? '*'} /${rule.message ?? ''}/ ${rule.status ?? ''}`.trim();

const hostMatches = (host: string, pattern: string): boolean => (pattern.startsWith('.') ? host.endsWith(pattern) : host === pattern);

/** The providers whose identity claims this host. */
function providersForHost(host: string): string[] {
  return PROVIDER_IDENTITIES.filter((identity) => identity.hosts.some((pattern) => hostMatches(host, pattern))).map((i) => i.provider);
}

describe('PROVIDER_IDENTITIES', () => {
  it('names each provider once, with an https source', () => {
    expect(PROVIDERS.size).toBe(PROVIDER_IDENTITIES.length);
    for (const identity of PROVIDER_IDENTITIES) {
      expect(new URL(identity.source).protocol, identity.provider).toBe('https:');
      expect(identity.hosts.length, identity.provider).toBeGreaterThan(0);
    }
  });

  it('writes hosts in lowercase, without scheme, port or path', () => {
    for (const host of PROVIDER_IDENTITIES.flatMap((identity) => identity.hosts)) {
      expect(host, host).toBe(host.toLowerCase());
      expect(host, host).toMatch(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('gives no host to two providers', () => {
    for (const host of PROVIDER_IDENTITIES.flatMap((identity) => identity.hosts)) {
      const example = host.startsWith('.') ? `tenant${host}` : host;
      expect(providersForHost(example), host).toHaveLength(1);
    }
  });
});

describe('PROVIDER_ERRORS', () => {
  it('has rules for every provider', () => {
    expect(PROVIDER_ERRORS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(PROVIDER_ERRORS.map((rule) => rule.provider))).toEqual(PROVIDERS);
  });

  it.each(PROVIDER_ERRORS.map((rule) => [ruleName(rule), rule] as const))('%s is well formed', (_name, rule) => {
    expect(PROVIDERS.has(rule.provider)).toBe(true);
    expect(new URL(rule.source).protocol).toBe('https:');
    expect(CATEGORIES).toContain(rule.category);
    for (const other of rule.alsoPossible ?? []) {
      expect(CATEGORIES).toContain(other);
      expect(other).not.toBe(rule.category);
    }
    expect(new Set(rule.alsoPossible).size).toBe(rule.alsoPossible?.length ?? 0);
    expect(rule.error !== undefined || rule.message !== undefined || rule.status !== undefined, 'matches something').toBe(true);
    expect(rule.meaning.trim()).not.toBe('');
    if (rule.fix !== undefined) expect(rule.fix.trim()).not.toBe('');
    if (rule.status !== undefined) expect(rule.status >= 200 && rule.status < 600).toBe(true);
  });

  it('compiles every message pattern, with no nested quantifiers', () => {
    for (const rule of PROVIDER_ERRORS.filter((r) => r.message !== undefined)) {
      const source = rule.message!;
      expect(() => new RegExp(source, 'i'), ruleName(rule)).not.toThrow();
      expect(source, ruleName(rule)).not.toMatch(/\([^)]*[*+][^)]*\)[*+{?]/);
      expect(new RegExp(source, 'i').test(''), `${ruleName(rule)} must not match an empty message`).toBe(false);
    }
  });

  it('has no two rules with the same provider, error, message and status', () => {
    const keys = PROVIDER_ERRORS.map((rule) => `${rule.provider}|${rule.error?.toLowerCase() ?? ''}|${rule.message ?? ''}|${rule.status ?? ''}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('puts no specific rule behind an earlier general one for the same provider and error', () => {
    const shadowed: string[] = [];
    PROVIDER_ERRORS.forEach((rule, i) => {
      const earlier = PROVIDER_ERRORS.slice(0, i).find(
        (general) =>
          general.provider === rule.provider &&
          general.error?.toLowerCase() === rule.error?.toLowerCase() &&
          general.message === undefined &&
          (general.status === undefined || general.status === rule.status),
      );
      if (earlier !== undefined) shadowed.push(`${ruleName(rule)} is behind ${ruleName(earlier)}`);
    });
    expect(shadowed).toEqual([]);
  });
});

describe('PROVIDER_ERROR_FIXTURES', () => {
  it('covers every provider, several times where the answers vary', () => {
    const count = (provider: string) => PROVIDER_ERROR_FIXTURES.filter((f) => f.provider === provider).length;
    for (const provider of PROVIDERS) expect(count(provider), provider).toBeGreaterThanOrEqual(1);
    for (const provider of NEEDS_SEVERAL_FIXTURES) expect(count(provider), provider).toBeGreaterThanOrEqual(2);
  });

  it.each(PROVIDER_ERROR_FIXTURES.map((f) => [`${f.provider}: ${f.description}`, f] as const))('%s comes from a provider host over https', (_name, fixture) => {
    expect(everyCategoryListed).toBe(true);
    expect(fixture.source.trim()).not.toBe('');
    const url = new URL(fixture.exchange.request!.url);
    expect(url.protocol).toBe('https:');
    expect(providersForHost(url.hostname)).toEqual([fixture.provider]);
    // Whether the explainer reads each fixture as its category is tested in explain-exchange.test.ts.
  });
});

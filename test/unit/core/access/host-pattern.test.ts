import { describe, expect, it } from 'vitest';
import { matchesHostPattern, originsOf, parseHostPattern, parseHostPatterns, type HostPattern } from '../../../../src/core';

const parsed = (input: string): HostPattern => {
  const result = parseHostPattern(input);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('parseHostPattern', () => {
  it('asks for both schemes of a plain host', () => {
    expect(parsed('api.freeagent.com')).toEqual({ pattern: 'api.freeagent.com', host: 'api.freeagent.com', wildcard: false, origins: ['http://api.freeagent.com/*', 'https://api.freeagent.com/*'] });
  });

  it('keeps a port for matching, but not in the match pattern, which has none', () => {
    expect(parsed('localhost:3000')).toMatchObject({ pattern: 'localhost:3000', port: '3000', origins: ['http://localhost/*', 'https://localhost/*'] });
  });

  it('takes *.example.com, and a pasted URL for its host and port', () => {
    expect(parsed('*.Example.com')).toMatchObject({ pattern: '*.example.com', wildcard: true, origins: ['http://*.example.com/*', 'https://*.example.com/*'] });
    expect(parsed(' https://API.freeagent.com:8443/v2/token_endpoint?x=1 ')).toMatchObject({ pattern: 'api.freeagent.com:8443', port: '8443' });
  });

  it.each(['', 'a b', '*.com', 'ex*ample.com', 'api..com', '-a.com', 'host:99999', 'https://'])('refuses %j with a reason', (input) => {
    const result = parseHostPattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });
});

describe('matchesHostPattern', () => {
  it('matches the host, any path, both schemes', () => {
    const pattern = parsed('api.freeagent.com');
    expect(matchesHostPattern('https://api.freeagent.com/v2/token_endpoint', pattern)).toBe(true);
    expect(matchesHostPattern('http://api.freeagent.com/', pattern)).toBe(true);
    expect(matchesHostPattern('https://api.sandbox.freeagent.com/', pattern)).toBe(false);
    expect(matchesHostPattern('https://evil.com/?https://api.freeagent.com/', pattern)).toBe(false);
  });

  it('a wildcard covers the domain and its subdomains, not look-alikes', () => {
    const pattern = parsed('*.example.com');
    expect(matchesHostPattern('https://example.com/', pattern)).toBe(true);
    expect(matchesHostPattern('https://a.b.example.com/', pattern)).toBe(true);
    expect(matchesHostPattern('https://notexample.com/', pattern)).toBe(false);
  });

  it('a port narrows the match, default ports included', () => {
    expect(matchesHostPattern('http://localhost:3000/cb', parsed('localhost:3000'))).toBe(true);
    expect(matchesHostPattern('http://localhost:4000/cb', parsed('localhost:3000'))).toBe(false);
    expect(matchesHostPattern('https://a.com/x', parsed('a.com:443'))).toBe(true);
    expect(matchesHostPattern('http://a.com/x', parsed('a.com:443'))).toBe(false);
  });

  it('a stored list: patterns that no longer parse are skipped, shared origins named once', () => {
    const patterns = parseHostPatterns(['localhost:3000', '*.com', 'localhost:4000', 'api.freeagent.com']);
    expect(patterns.map((p) => p.pattern)).toEqual(['localhost:3000', 'localhost:4000', 'api.freeagent.com']);
    expect(originsOf(patterns)).toEqual(['http://localhost/*', 'https://localhost/*', 'http://api.freeagent.com/*', 'https://api.freeagent.com/*']);
  });
});

describe('stored patterns of another shape', () => {
  // Found by npm run fuzz: a stored pattern that is not text (or a list that is not a list) threw.
  it('are skipped, as a pattern that no longer parses is', () => {
    expect(parseHostPattern(42 as never)).toEqual({ ok: false, reason: 'Type a host, such as api.freeagent.com, localhost:3000 or *.example.com.' });
    expect(parseHostPatterns([false, 'localhost:3000', null] as never).map((p) => p.pattern)).toEqual(['localhost:3000']);
    expect(parseHostPatterns('localhost:3000' as never)).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_HEADERS } from '../../../../src/core/catalog/rate-limit-headers';
import { readRateLimit } from '../../../../src/core/diagnose/read-rate-limit';

const RFC9110_RETRY_AFTER = 'RFC 9110 §10.2.3 https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3';
const RFC9110_HTTP_DATE = 'RFC 9110 §5.6.7 https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7';
const RFC9110_DATE = 'RFC 9110 §6.6.1 https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1';
const GITHUB = 'GitHub: Rate limits for the REST API https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit';
const GITLAB = 'GitLab: User and IP rate limits, response headers https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/#response-headers';

/** A clock far from every fixture, so a test that wrongly used it would show. */
const LATER = Date.UTC(2030, 0, 1);

describe('readRateLimit: Retry-After (RFC 9110 §10.2.3)', () => {
  it('reads the delay-seconds example', () => {
    expect(readRateLimit({ 'Retry-After': '120' }, LATER)).toEqual({
      retryAfterSeconds: 120,
      evidence: ['Retry-After: 120 (seconds)'],
      references: [RFC9110_RETRY_AFTER],
    });
  });

  it("measures the HTTP-date example against the response's Date, not the local clock", () => {
    const reading = readRateLimit({ 'Retry-After': 'Fri, 31 Dec 1999 23:59:59 GMT', Date: 'Fri, 31 Dec 1999 23:00:00 GMT' }, LATER);
    expect(reading.retryAfterSeconds).toBe(3599);
    expect(reading.evidence).toEqual([
      "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT (an HTTP-date, 3599 s after the response's Date)",
      "Date: Fri, 31 Dec 1999 23:00:00 GMT (the server's clock: the times above are measured against it, since the server set them by it)",
    ]);
    expect(reading.references).toEqual([RFC9110_RETRY_AFTER, RFC9110_HTTP_DATE, RFC9110_DATE]);
  });

  it('falls back to the local clock without a Date header, and says so', () => {
    const reading = readRateLimit({ 'Retry-After': 'Fri, 31 Dec 1999 23:59:59 GMT' }, Date.UTC(1999, 11, 31, 23, 57, 59));
    expect(reading.retryAfterSeconds).toBe(120);
    expect(reading.evidence[0]).toBe('Retry-After: Fri, 31 Dec 1999 23:59:59 GMT (an HTTP-date, 120 s from now)');
    expect(reading.evidence[1]).toMatch(/^No Date header: .*this computer's clock/);
  });

  it('falls back to the local clock when the Date header is unreadable', () => {
    const reading = readRateLimit({ 'Retry-After': 'Fri, 31 Dec 1999 23:59:59 GMT', Date: 'yesterday' }, Date.UTC(1999, 11, 31, 23, 59, 0));
    expect(reading.retryAfterSeconds).toBe(59);
    expect(reading.evidence[1]).toBe("Date: yesterday (not an HTTP-date, so the times above are measured against this computer's clock, which may differ from the server's)");
  });

  it('turns a date already past into 0', () => {
    const reading = readRateLimit({ 'Retry-After': 'Fri, 31 Dec 1999 23:59:59 GMT' }, LATER);
    expect(reading.retryAfterSeconds).toBe(0);
    expect(reading.evidence[0]).toContain('already past: retry now');
  });

  // RFC 9110 §5.6.7's example of one instant in the three forms a recipient must accept.
  it.each(['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'])('accepts the HTTP-date form %j', (form) => {
    expect(readRateLimit({ 'Retry-After': form, Date: 'Sun, 06 Nov 1994 08:48:37 GMT' }, LATER).retryAfterSeconds).toBe(60);
  });

  it("reads rfc850's two-digit year as at most 50 years ahead", () => {
    const now = Date.UTC(2024, 0, 1);
    // 94 would be 2094, 70 years ahead: §5.6.7 makes it 1994, long past.
    expect(readRateLimit({ 'Retry-After': 'Sunday, 06-Nov-94 08:49:37 GMT' }, now).retryAfterSeconds).toBe(0);
    // 24 is this very year.
    expect(readRateLimit({ 'Retry-After': 'Monday, 01-Jan-24 00:01:00 GMT' }, now).retryAfterSeconds).toBe(60);
  });

  it('rejects dates that do not exist and forms that are not HTTP-dates', () => {
    for (const value of ['Fri, 31 Feb 2023 10:00:00 GMT', 'fri, 31 dec 1999 23:59:59 gmt', 'Fri, 31 Dec 1999 24:00:00 GMT', '1999-12-31', '-5', '1e3', '']) {
      const reading = readRateLimit({ 'Retry-After': value }, LATER);
      expect(reading.retryAfterSeconds, value).toBeUndefined();
      expect(reading.evidence, value).toEqual([`Retry-After: ${value} (could not be read; ignored)`]);
    }
  });

  it('reads whitespace around the value (OWS)', () => {
    expect(readRateLimit({ 'Retry-After': '  120\t' }, LATER).retryAfterSeconds).toBe(120);
  });

  it('rounds fractional seconds up, and says RFC 9110 does not allow them', () => {
    const reading = readRateLimit({ 'Retry-After': '2.0', 'X-Shopify-Shop-Api-Call-Limit': '40/40' }, LATER, 'Shopify');
    expect(reading.retryAfterSeconds).toBe(2);
    expect(readRateLimit({ 'Retry-After': '0.2' }, LATER).retryAfterSeconds).toBe(1);
    expect(reading.evidence[0]).toBe('Retry-After: 2.0 (seconds, read as 2: RFC 9110 allows only whole seconds)');
  });

  it.each([
    ['Dropbox', 'Dropbox: DBX Performance Guide https://developers.dropbox.com/dbx-performance-guide'],
    ['Slack', 'Slack: Rate limits https://docs.slack.dev/apis/web-api/rate-limits'],
    ['Spotify', 'Spotify Web API: Rate limits https://developer.spotify.com/documentation/web-api/concepts/rate-limits'],
  ])('cites %s for its Retry-After in seconds', (provider, reference) => {
    expect(readRateLimit({ 'Retry-After': '30' }, LATER, provider)).toEqual({
      retryAfterSeconds: 30,
      evidence: ['Retry-After: 30 (seconds)'],
      references: [reference],
    });
  });
});

describe('readRateLimit: provider documentation', () => {
  // GitHub's "Getting started with the REST API" example response (curl), Date included.
  const GITHUB_EXAMPLE = {
    date: 'Thu, 04 Aug 2022 20:07:51 GMT',
    'x-ratelimit-limit': '15000',
    'x-ratelimit-remaining': '14996',
    'x-ratelimit-reset': '1659645535',
    'x-ratelimit-resource': 'core',
    'x-ratelimit-used': '4',
  };

  it("reads GitHub's documented example", () => {
    const reading = readRateLimit(GITHUB_EXAMPLE, LATER, 'GitHub');
    expect(reading.rateLimit).toEqual({ limit: 15000, remaining: 14996, resetAt: '2022-08-04T20:38:55Z' });
    expect(reading.retryAfterSeconds).toBeUndefined();
    expect(reading.evidence).toEqual([
      'x-ratelimit-limit: 15000',
      'x-ratelimit-remaining: 14996 of 15000',
      'x-ratelimit-used: 4 (used in this window)',
      'x-ratelimit-reset: 1659645535 (a Unix time: 2022-08-04T20:38:55Z)',
    ]);
    expect(reading.references).toEqual([GITHUB]);
  });

  it('waits until the Unix reset once nothing remains, by the server clock', () => {
    const reading = readRateLimit({ ...GITHUB_EXAMPLE, 'x-ratelimit-remaining': '0' }, LATER, 'GitHub');
    // 1659645535 minus the Date header's 1659643671.
    expect(reading.retryAfterSeconds).toBe(1864);
    expect(reading.evidence).toContain('x-ratelimit-remaining: 0 of 15000');
    expect(reading.references).toEqual([GITHUB, RFC9110_DATE]);
  });

  it("lets GitHub's Retry-After win over the reset", () => {
    const reading = readRateLimit({ ...GITHUB_EXAMPLE, 'x-ratelimit-remaining': '0', 'retry-after': '60' }, LATER, 'GitHub');
    expect(reading.retryAfterSeconds).toBe(60);
    expect(reading.references[0]).toBe('GitHub: Rate limits for the REST API https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit');
  });

  it("reads X's documented example (x-rate-limit-*, epoch seconds)", () => {
    const reading = readRateLimit({ 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '847', 'x-rate-limit-reset': '1705420800' }, LATER, 'X');
    expect(reading.rateLimit).toEqual({ limit: 900, remaining: 847, resetAt: '2024-01-16T16:00:00Z' });
    expect(reading.references).toEqual(['X API: Rate limits https://docs.x.com/fundamentals/rate-limits']);
    expect(readRateLimit({ 'x-rate-limit-reset': '1705420800' }, LATER, 'Twitter').references).toEqual(reading.references);
  });

  it("reads Okta's documented example (X-Rate-Limit-*, UTC epoch seconds)", () => {
    const reading = readRateLimit({ 'X-Rate-Limit-Limit': '1200', 'X-Rate-Limit-Remaining': '1199', 'X-Rate-Limit-Reset': '1609459200' }, LATER, 'Okta');
    expect(reading.rateLimit).toEqual({ limit: 1200, remaining: 1199, resetAt: '2021-01-01T00:00:00Z' });
    expect(reading.evidence[2]).toBe('X-Rate-Limit-Reset: 1609459200 (a Unix time: 2021-01-01T00:00:00Z)');
    expect(reading.references).toEqual(['Okta: Rate limit best practices https://developer.okta.com/docs/reference/rl-best-practices/']);
  });

  // GitLab's "Response headers" tables: RateLimit-* on every response, ResetTime and Retry-After on 429.
  const GITLAB_EXAMPLE = {
    'RateLimit-Limit': '60',
    'RateLimit-Name': 'throttle_authenticated_api',
    'RateLimit-Observed': '67',
    'RateLimit-Remaining': '33',
    'RateLimit-Reset': '1609844400',
    'RateLimit-ResetTime': 'Tue, 05 Jan 2021 11:00:00 GMT',
    'Retry-After': '30',
  };

  it("reads GitLab's documented headers, RateLimit-Reset as a Unix time", () => {
    const reading = readRateLimit(GITLAB_EXAMPLE, LATER, 'GitLab');
    expect(reading.retryAfterSeconds).toBe(30);
    expect(reading.rateLimit).toEqual({ limit: 60, remaining: 33, resetAt: '2021-01-05T11:00:00Z' });
    expect(reading.evidence).toContain('RateLimit-Reset: 1609844400 (a Unix time: 2021-01-05T11:00:00Z)');
    expect(reading.evidence).toContain('RateLimit-ResetTime: Tue, 05 Jan 2021 11:00:00 GMT (an HTTP-date: 2021-01-05T11:00:00Z)');
    expect(reading.references).toEqual([GITLAB, RFC9110_HTTP_DATE]);
  });

  it("without a provider, reads GitLab's RateLimit-Reset by size and names the conflict with the draft", () => {
    const reading = readRateLimit({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1609844400', Date: 'Tue, 05 Jan 2021 10:59:00 GMT' }, LATER);
    expect(reading.rateLimit?.resetAt).toBe('2021-01-05T11:00:00Z');
    expect(reading.retryAfterSeconds).toBe(60);
    expect(reading.evidence[1]).toBe(
      'RateLimit-Reset: 1609844400 (a Unix time: 2021-01-05T11:00:00Z; draft-ietf-httpapi-ratelimit-headers-06 §4.4 defines seconds to wait, but a value above 10^9 cannot be one (GitLab sends a Unix time here))',
    );
    expect(reading.references).toContain(GITLAB);
  });

  it("lets the provider's documented meaning win even over an implausible value", () => {
    // GitLab documents a Unix time, so "30" is 30 s after 1970: already past.
    const reading = readRateLimit({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' }, LATER, 'gitlab');
    expect(reading.rateLimit).toEqual({ remaining: 0, resetAt: '1970-01-01T00:00:30Z' });
    expect(reading.retryAfterSeconds).toBe(0);
  });

  it("reads Shopify's bucket header (32/40: 32 used of 40)", () => {
    const reading = readRateLimit({ 'X-Shopify-Shop-Api-Call-Limit': '32/40' }, LATER, 'Shopify');
    expect(reading.rateLimit).toEqual({ limit: 40, remaining: 8 });
    expect(reading.evidence).toEqual(['X-Shopify-Shop-Api-Call-Limit: 32/40 (32 of 40 used, 8 remaining)']);
    expect(reading.references).toEqual(['Shopify: REST Admin API rate limits https://shopify.dev/docs/api/admin-rest/usage/rate-limits']);
  });

  it("reads Salesforce's Sforce-Limit-Info examples", () => {
    expect(readRateLimit({ 'Sforce-Limit-Info': 'api-usage=18/5000' }, LATER, 'Salesforce').rateLimit).toEqual({ limit: 5000, remaining: 4982 });
    expect(readRateLimit({ 'Sforce-Limit-Info': 'api-usage=10018/100000; api-bursts=1/750' }, LATER).rateLimit).toEqual({ limit: 100000, remaining: 89982 });
    expect(readRateLimit({ 'Sforce-Limit-Info': 'api-bursts=1/750' }, LATER).rateLimit).toBeUndefined();
  });

  it("reads Zoom's documented daily-limit example, whose Retry-After is an ISO 8601 time", () => {
    const headers = {
      'X-RateLimit-Category': 'Heavy',
      'X-RateLimit-Type': 'Daily-limit',
      'X-RateLimit-Limit': '30000',
      'X-RateLimit-Remaining': '0',
      'Retry-After': '2020-05-31T00:00:00Z',
      Date: 'Sat, 30 May 2020 23:00:00 GMT',
    };
    const reading = readRateLimit(headers, LATER, 'Zoom');
    expect(reading.retryAfterSeconds).toBe(3600);
    expect(reading.rateLimit).toEqual({ limit: 30000, remaining: 0 });
    expect(reading.evidence[0]).toBe("Retry-After: 2020-05-31T00:00:00Z (an ISO 8601 time, Zoom documents this form; 3600 s after the response's Date)");
    expect(readRateLimit(headers, LATER).evidence[0]).toContain('not an RFC 9110 form');
  });
});

describe('readRateLimit: the IETF draft RateLimit fields', () => {
  it('reads the current structured form with its policy', () => {
    const reading = readRateLimit({ RateLimit: '"default";r=0;t=30', 'RateLimit-Policy': '"default";q=100;w=60', Date: 'Tue, 15 Nov 1994 18:00:00 GMT' }, LATER);
    expect(reading.retryAfterSeconds).toBe(30);
    expect(reading.rateLimit).toEqual({ limit: 100, remaining: 0, resetAt: '1994-11-15T18:00:30Z' });
    expect(reading.evidence).toEqual(['RateLimit: "default";r=0;t=30 ("default": 0 remaining, more in 30 s)', 'RateLimit-Policy: "default";q=100;w=60 ("default": 100 per 60 s)']);
    expect(reading.references).toEqual([
      'draft-ietf-httpapi-ratelimit-headers-10 §4 https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-10#section-4',
      'draft-ietf-httpapi-ratelimit-headers-10 §3 https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-10#section-3',
    ]);
  });

  it("reads the draft's examples", () => {
    expect(readRateLimit({ RateLimit: '"default";r=50;t=30' }, LATER)).toMatchObject({ rateLimit: { remaining: 50, resetAt: '2030-01-01T00:00:30Z' } });
    expect(readRateLimit({ RateLimit: '"default";r=999;pk=:dHJpYWwxMjEzMjM=:' }, LATER).rateLimit).toEqual({ remaining: 999 });
    expect(readRateLimit({ RateLimit: '"problemPolicy";r=0;t=10' }, LATER).retryAfterSeconds).toBe(10);
  });

  it('takes the policy with the least left, and its quota', () => {
    const reading = readRateLimit({ 'RateLimit-Policy': '"permin";q=50;w=60,"perhr";q=1000;w=3600', RateLimit: '"perhr";r=400;t=1800, "permin";r=0;t=10' }, LATER);
    expect(reading.rateLimit).toEqual({ limit: 50, remaining: 0, resetAt: '2030-01-01T00:00:10Z' });
    expect(reading.retryAfterSeconds).toBe(10);
  });

  it('lets Retry-After take precedence over the reset parameter', () => {
    expect(readRateLimit({ RateLimit: '"default";r=0;t=10', 'Retry-After': '20' }, LATER).retryAfterSeconds).toBe(20);
  });

  it("reads draft-07's dictionary form with its policy", () => {
    const reading = readRateLimit({ 'RateLimit-Policy': '100;w=10', RateLimit: 'limit=100, remaining=0, reset=30' }, LATER);
    expect(reading.retryAfterSeconds).toBe(30);
    expect(reading.rateLimit).toEqual({ limit: 100, remaining: 0, resetAt: '2030-01-01T00:00:30Z' });
    expect(reading.references).toEqual([
      'draft-ietf-httpapi-ratelimit-headers-07 §4.1 https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-07#section-4.1',
      'draft-ietf-httpapi-ratelimit-headers-07 §4.5 https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-07#section-4.5',
    ]);
  });

  it("reads drafts up to -06's separate fields (delta seconds)", () => {
    const reading = readRateLimit({ 'RateLimit-Remaining': '0', 'RateLimit-Limit': '10', 'RateLimit-Reset': '10' }, LATER);
    expect(reading.retryAfterSeconds).toBe(10);
    expect(reading.rateLimit).toEqual({ limit: 10, remaining: 0, resetAt: '2030-01-01T00:00:10Z' });
    expect(reading.evidence).toEqual(['RateLimit-Limit: 10', 'RateLimit-Remaining: 0 of 10', 'RateLimit-Reset: 10 (seconds until the quota resets)']);
  });

  it('ignores malformed fields whole, as the draft requires', () => {
    for (const value of ['"default";r=;t=30', '"default";r=-1', 'default";r=1', '"default";r=1,', '"default";r=1 x', '"a\u0001";r=1', '"default";r=1.5']) {
      const reading = readRateLimit({ RateLimit: value }, LATER);
      expect(reading.rateLimit, value).toBeUndefined();
      expect(reading.evidence, value).toEqual([`RateLimit: ${value} (could not be read; ignored)`]);
    }
  });
});

describe('readRateLimit: X-RateLimit-* without a provider', () => {
  it('reads a reset above 10^9 as a Unix time, and says why', () => {
    const reading = readRateLimit({ 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '4999', 'X-RateLimit-Used': '1', 'X-RateLimit-Reset': '1691591363' }, LATER);
    expect(reading.rateLimit).toEqual({ limit: 5000, remaining: 4999, resetAt: '2023-08-09T14:29:23Z' });
    expect(reading.evidence[3]).toBe(
      'X-RateLimit-Reset: 1691591363 (a Unix time: 2023-08-09T14:29:23Z, judged by size: no provider documents this header here, and values above 10^9 are Unix times, below it seconds to wait)',
    );
    expect(reading.references).toContain('draft-ietf-httpapi-ratelimit-headers-10 Appendix A https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-10#appendix-A');
  });

  it('reads a small reset as seconds to wait', () => {
    const reading = readRateLimit({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60' }, LATER);
    expect(reading.retryAfterSeconds).toBe(60);
    expect(reading.evidence[1]).toMatch(/^X-RateLimit-Reset: 60 \(seconds until the quota resets, judged by size/);
  });

  it('reads a reset above 10^12 as Unix milliseconds', () => {
    expect(readRateLimit({ 'X-RateLimit-Reset': '1691591363000' }, LATER).rateLimit).toEqual({ resetAt: '2023-08-09T14:29:23Z' });
  });

  it('computes remaining from limit and used when only those are sent', () => {
    expect(readRateLimit({ 'x-ratelimit-limit': '5000', 'x-ratelimit-used': '5000' }, LATER, 'GitHub').rateLimit).toEqual({ limit: 5000, remaining: 0 });
  });

  it('reads the first number of a list-valued limit', () => {
    expect(readRateLimit({ 'X-RateLimit-Limit': '100, 100;window=60, 10000;window=86400' }, LATER).rateLimit).toEqual({ limit: 100 });
  });
});

describe('readRateLimit: names and values as they come', () => {
  it('matches header names in any case', () => {
    const reading = readRateLimit({ 'RETRY-AFTER': '5', 'x-RateLimit-REMAINING': '0', 'X-RATELIMIT-LIMIT': '10' }, LATER);
    expect(reading.retryAfterSeconds).toBe(5);
    expect(reading.rateLimit).toEqual({ limit: 10, remaining: 0 });
    expect(reading.evidence[0]).toBe('RETRY-AFTER: 5 (seconds)');
  });

  it('treats one header sent twice in different cases as one field', () => {
    expect(readRateLimit({ 'Retry-After': '5', 'retry-after': '5' }, LATER).evidence).toEqual(['Retry-After: 5 (seconds)']);
    expect(readRateLimit({ 'Retry-After': '5', 'retry-after': '7' }, LATER).retryAfterSeconds).toBeUndefined();
  });

  it('skips garbage and says which values could not be read', () => {
    const reading = readRateLimit({ 'Retry-After': 'soon', 'X-RateLimit-Remaining': 'lots', 'X-RateLimit-Reset': '-5', 'X-RateLimit-Limit': '1.5' }, LATER);
    expect(reading.retryAfterSeconds).toBeUndefined();
    expect(reading.rateLimit).toBeUndefined();
    expect(reading.evidence).toEqual([
      'Retry-After: soon (could not be read; ignored)',
      'X-RateLimit-Limit: 1.5 (could not be read; ignored)',
      'X-RateLimit-Remaining: lots (could not be read; ignored)',
      'X-RateLimit-Reset: -5 (could not be read; ignored)',
    ]);
  });

  it('ignores a Unix time beyond the range of dates', () => {
    const reading = readRateLimit({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '9999999999999999' }, LATER, 'GitHub');
    expect(reading.rateLimit).toEqual({ remaining: 0 });
    expect(reading.retryAfterSeconds).toBeUndefined();
  });

  it('returns nothing for unrelated headers and survives what is not a header record', () => {
    expect(readRateLimit({ 'Content-Type': 'application/json' }, LATER)).toEqual({ evidence: [], references: [] });
    expect(readRateLimit(null as unknown as Record<string, string>, LATER)).toEqual({ evidence: [], references: [] });
    expect(readRateLimit({ 'Retry-After': 120 } as unknown as Record<string, string>, LATER)).toEqual({ evidence: [], references: [] });
  });
});

describe('RATE_LIMIT_HEADERS', () => {
  it('cites a source for every entry and names providers only where one documents the meaning', () => {
    for (const entry of RATE_LIMIT_HEADERS) {
      expect(entry.source, entry.header).toMatch(/^https:\/\//);
      expect(entry.cite, entry.header).not.toBe('');
      expect(entry.providers === undefined || entry.providers.length > 0, entry.header).toBe(true);
    }
    expect(Object.isFrozen(RATE_LIMIT_HEADERS)).toBe(true);
  });

  it('gives every reset a unit', () => {
    for (const entry of RATE_LIMIT_HEADERS.filter((e) => e.field === 'reset' || e.field === 'retry-after')) {
      expect(entry.resetUnit, entry.header).toBeDefined();
    }
  });
});

describe('readRateLimit: properties', () => {
  const names = [...new Set(RATE_LIMIT_HEADERS.map((e) => e.header)), 'Date', 'date', 'RETRY-AFTER'];
  const values = fc.oneof(
    fc.string(),
    fc.nat().map(String),
    fc.double().map(String),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toUTCString())),
    fc.constantFrom('"default";r=0;t=30', 'limit=1, remaining=0, reset=9', '32/40', 'api-usage=18/5000', '2020-05-31T00:00:00Z', '9'.repeat(40), '"a";r=1;t=2, "b";r=0;t=3'),
  );
  const headers = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), values);
  const now = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN));
  const provider = fc.option(fc.oneof(fc.constantFrom('GitHub', 'GitLab', 'X', 'Okta', 'Zoom', 'Shopify', 'Salesforce'), fc.string()), { nil: undefined });

  it('never throws, and any retryAfterSeconds is a non-negative whole number', () => {
    fc.assert(
      fc.property(headers, now, provider, (h, n, p) => {
        const reading = readRateLimit(h, n, p);
        if (reading.retryAfterSeconds !== undefined) {
          expect(Number.isInteger(reading.retryAfterSeconds)).toBe(true);
          expect(reading.retryAfterSeconds).toBeGreaterThanOrEqual(0);
        }
        if (reading.rateLimit?.resetAt !== undefined) expect(Number.isNaN(Date.parse(reading.rateLimit.resetAt))).toBe(false);
        expect(reading.evidence.every((line) => typeof line === 'string')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

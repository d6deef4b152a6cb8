/**
 * How a header counts the time until more requests are allowed. The same header name means
 * different things at different providers (RateLimit-Reset is seconds to wait in the IETF draft
 * and a Unix time at GitLab), so the unit belongs to each documented entry, not to the name.
 */
export type ResetUnit =
  /** Seconds from when the response was generated (RFC 9110's delay-seconds). */
  | 'delta-seconds'
  /** Seconds since 1970-01-01T00:00:00Z. */
  | 'unix-seconds'
  /** An HTTP-date (RFC 9110 §5.6.7). */
  | 'http-date'
  /** Retry-After: delay-seconds or an HTTP-date. */
  | 'delta-seconds-or-http-date'
  /** An ISO 8601 UTC time: not an RFC 9110 form, but documented by a provider. */
  | 'iso-8601'
  /** A convention nobody defines: the value's size has to decide. */
  | 'undocumented';

/** What a header carries; it picks the reader in read-rate-limit.ts. */
export type RateLimitField =
  | 'retry-after'
  | 'limit'
  | 'remaining'
  | 'used'
  | 'reset'
  /** "used/limit", alone (Shopify) or as the value of `key` in a `;`-separated list (Salesforce). */
  | 'used-of-limit'
  /** The draft's current RateLimit: a Structured Field list of `"policy";r=…;t=…`. */
  | 'service-limit'
  /** The draft's current RateLimit-Policy: a list of `"policy";q=…;w=…`. */
  | 'policy'
  /** draft-07's RateLimit: a dictionary `limit=…, remaining=…, reset=…`. */
  | 'legacy-dictionary'
  /** drafts 05 to 07's RateLimit-Policy: a list of `quota;w=…`. */
  | 'legacy-policy';

/** One header as one document defines it. */
export type RateLimitHeader = {
  /** As documented; matched case-insensitively, as HTTP field names are. */
  header: string;
  field: RateLimitField;
  meaning: string;
  resetUnit?: ResetUnit;
  /**
   * Display names of the providers whose own documentation states this meaning. Absent for a
   * standard, a draft or a convention, which apply when no provider's meaning does.
   */
  providers?: readonly string[];
  /** For 'used-of-limit' inside a list: the entry's name. */
  key?: string;
  /** How a reference names the document, e.g. "RFC 9110 §10.2.3". */
  cite: string;
  source: string;
};

const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
// -10 is the newest revision whose text was checked (September 2025). A later -11 exists, but its
// text could not be read, so nothing here relies on it.
const DRAFT = 'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-10';
const DRAFT_CITE = 'draft-ietf-httpapi-ratelimit-headers-10';
const DRAFT_07 = 'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-07';
const DRAFT_06 = 'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-06';
// The draft's appendix is the only document describing X-RateLimit-* in general: a convention
// whose reset "expressed in seconds or as a timestamp" differs from server to server.
const CONVENTION = `${DRAFT}#appendix-A`;
const CONVENTION_CITE = `${DRAFT_CITE} Appendix A`;

const GITHUB = 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api';
const GITHUB_CITE = 'GitHub: Rate limits for the REST API';
const GITLAB = 'https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/#response-headers';
const GITLAB_CITE = 'GitLab: User and IP rate limits, response headers';
const X = 'https://docs.x.com/fundamentals/rate-limits';
const X_CITE = 'X API: Rate limits';
const OKTA = 'https://developer.okta.com/docs/reference/rl-best-practices/';
const OKTA_CITE = 'Okta: Rate limit best practices';
// Zoom's API reference rate-limit page; its example response shows the daily-limit headers.
const ZOOM = 'https://marketplace.zoom.us/docs/api-reference/rate-limits';
const ZOOM_CITE = 'Zoom API: Rate limits';
const SHOPIFY = 'https://shopify.dev/docs/api/admin-rest/usage/rate-limits';
const SHOPIFY_CITE = 'Shopify: REST Admin API rate limits';

/**
 * Order matters: for each field the first header present that can be read wins. Retry-After
 * comes first because the draft says it takes precedence; then the draft's forms, newest first;
 * then the provider and X- families.
 */
export const RATE_LIMIT_HEADERS: readonly RateLimitHeader[] = Object.freeze([
  { header: 'Retry-After', field: 'retry-after', meaning: 'How long to wait before the next request: delay-seconds or an HTTP-date.', resetUnit: 'delta-seconds-or-http-date', cite: 'RFC 9110 §10.2.3', source: `${RFC9110}#section-10.2.3` },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds to wait after a secondary rate limit.', resetUnit: 'delta-seconds', providers: ['GitHub'], cite: GITHUB_CITE, source: `${GITHUB}#exceeding-the-rate-limit` },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds until the quota is reset; sent on 429 only.', resetUnit: 'delta-seconds', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds to wait; always present on a rate-limited (429) response.', resetUnit: 'delta-seconds', providers: ['Dropbox'], cite: 'Dropbox: DBX Performance Guide', source: 'https://developers.dropbox.com/dbx-performance-guide' },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds until the app can retry, on 429.', resetUnit: 'delta-seconds', providers: ['Slack'], cite: 'Slack: Rate limits', source: 'https://docs.slack.dev/apis/web-api/rate-limits' },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds to wait before retrying, on 429.', resetUnit: 'delta-seconds', providers: ['Spotify'], cite: 'Spotify Web API: Rate limits', source: 'https://developer.spotify.com/documentation/web-api/concepts/rate-limits' },
  { header: 'Retry-After', field: 'retry-after', meaning: 'Seconds to wait once the request bucket is full (429).', resetUnit: 'delta-seconds', providers: ['Shopify'], cite: SHOPIFY_CITE, source: SHOPIFY },
  { header: 'Retry-After', field: 'retry-after', meaning: 'When a daily limit is exhausted, the time it resets, as an ISO 8601 UTC time (e.g. 2020-05-31T00:00:00Z).', resetUnit: 'iso-8601', providers: ['Zoom'], cite: ZOOM_CITE, source: ZOOM },

  // The draft since -08: one list field for the remaining quota, one for the policies.
  { header: 'RateLimit', field: 'service-limit', meaning: 'Per quota policy, the remaining quota (r) and the seconds until more is available (t): "default";r=50;t=30.', resetUnit: 'delta-seconds', cite: `${DRAFT_CITE} §4`, source: `${DRAFT}#section-4` },
  { header: 'RateLimit', field: 'legacy-dictionary', meaning: 'draft-07 only: limit, remaining and seconds until reset as a dictionary: limit=100, remaining=50, reset=5.', resetUnit: 'delta-seconds', cite: 'draft-ietf-httpapi-ratelimit-headers-07 §4.1', source: `${DRAFT_07}#section-4.1` },
  { header: 'RateLimit-Policy', field: 'policy', meaning: 'The quota policies: quota (q) per window of w seconds: "default";q=100;w=60.', cite: `${DRAFT_CITE} §3`, source: `${DRAFT}#section-3` },
  { header: 'RateLimit-Policy', field: 'legacy-policy', meaning: 'drafts 05 to 07: quota per window of w seconds: 100;w=10.', cite: 'draft-ietf-httpapi-ratelimit-headers-07 §4.5', source: `${DRAFT_07}#section-4.5` },

  // Drafts up to -06, which GitLab follows in name but not in the meaning of the reset.
  { header: 'RateLimit-Limit', field: 'limit', meaning: 'drafts up to -06: the quota in the current window.', cite: 'draft-ietf-httpapi-ratelimit-headers-06 §4.1', source: `${DRAFT_06}#section-4.1` },
  { header: 'RateLimit-Limit', field: 'limit', meaning: 'Requests allowed each minute (scaled to a minute when the configured period differs).', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },
  { header: 'RateLimit-Remaining', field: 'remaining', meaning: 'drafts up to -06: quota left in the current window.', cite: 'draft-ietf-httpapi-ratelimit-headers-06 §4.3', source: `${DRAFT_06}#section-4.3` },
  { header: 'RateLimit-Remaining', field: 'remaining', meaning: 'Quota left in the window: RateLimit-Limit minus RateLimit-Observed.', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },
  { header: 'RateLimit-Observed', field: 'used', meaning: 'Requests counted against the client in the window.', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },
  { header: 'RateLimit-Reset', field: 'reset', meaning: 'drafts up to -06: seconds until the quota resets.', resetUnit: 'delta-seconds', cite: 'draft-ietf-httpapi-ratelimit-headers-06 §4.4', source: `${DRAFT_06}#section-4.4` },
  { header: 'RateLimit-Reset', field: 'reset', meaning: 'A Unix time at which the quota resets, contrary to the draft\'s seconds to wait.', resetUnit: 'unix-seconds', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },
  { header: 'RateLimit-ResetTime', field: 'reset', meaning: 'The time the quota resets, as an HTTP-date; sent on 429 only.', resetUnit: 'http-date', providers: ['GitLab'], cite: GITLAB_CITE, source: GITLAB },

  // X-RateLimit-*: GitHub's and Zoom's meanings, then the bare convention.
  { header: 'X-RateLimit-Limit', field: 'limit', meaning: 'Requests allowed per hour.', providers: ['GitHub'], cite: GITHUB_CITE, source: `${GITHUB}#checking-the-status-of-your-rate-limit` },
  { header: 'X-RateLimit-Limit', field: 'limit', meaning: 'The limit of the API\'s rate-limit category (X-RateLimit-Category) or daily limit (X-RateLimit-Type).', providers: ['Zoom'], cite: ZOOM_CITE, source: ZOOM },
  { header: 'X-RateLimit-Limit', field: 'limit', meaning: 'The quota; a convention, not a standard.', cite: CONVENTION_CITE, source: CONVENTION },
  { header: 'X-RateLimit-Remaining', field: 'remaining', meaning: 'Requests left in the current window.', providers: ['GitHub'], cite: GITHUB_CITE, source: `${GITHUB}#checking-the-status-of-your-rate-limit` },
  { header: 'X-RateLimit-Remaining', field: 'remaining', meaning: 'Requests left under X-RateLimit-Limit.', providers: ['Zoom'], cite: ZOOM_CITE, source: ZOOM },
  { header: 'X-RateLimit-Remaining', field: 'remaining', meaning: 'Quota left; a convention, not a standard.', cite: CONVENTION_CITE, source: CONVENTION },
  { header: 'X-RateLimit-Used', field: 'used', meaning: 'Requests made in the current window.', providers: ['GitHub'], cite: GITHUB_CITE, source: `${GITHUB}#checking-the-status-of-your-rate-limit` },
  { header: 'X-RateLimit-Reset', field: 'reset', meaning: 'When the window resets, in UTC epoch seconds.', resetUnit: 'unix-seconds', providers: ['GitHub'], cite: GITHUB_CITE, source: `${GITHUB}#checking-the-status-of-your-rate-limit` },
  { header: 'X-RateLimit-Reset', field: 'reset', meaning: 'When the quota resets, as seconds to wait or as a timestamp depending on the server.', resetUnit: 'undocumented', cite: CONVENTION_CITE, source: CONVENTION },

  // X-Rate-Limit-* (with a hyphen): X and Okta, then the bare convention.
  { header: 'X-Rate-Limit-Limit', field: 'limit', meaning: 'Requests allowed in the current window (most windows are 15 minutes).', providers: ['X', 'Twitter'], cite: X_CITE, source: X },
  { header: 'X-Rate-Limit-Limit', field: 'limit', meaning: 'The rate-limit ceiling for the current request (the concurrent limit while that one is exceeded).', providers: ['Okta'], cite: OKTA_CITE, source: OKTA },
  { header: 'X-Rate-Limit-Limit', field: 'limit', meaning: 'The quota; a convention, not a standard.', cite: CONVENTION_CITE, source: CONVENTION },
  { header: 'X-Rate-Limit-Remaining', field: 'remaining', meaning: 'Requests left in the current window.', providers: ['X', 'Twitter'], cite: X_CITE, source: X },
  { header: 'X-Rate-Limit-Remaining', field: 'remaining', meaning: 'Requests left in the current rate-limit window.', providers: ['Okta'], cite: OKTA_CITE, source: OKTA },
  { header: 'X-Rate-Limit-Remaining', field: 'remaining', meaning: 'Quota left; a convention, not a standard.', cite: CONVENTION_CITE, source: CONVENTION },
  { header: 'X-Rate-Limit-Reset', field: 'reset', meaning: 'The Unix time at which the limit resets.', resetUnit: 'unix-seconds', providers: ['X', 'Twitter'], cite: X_CITE, source: X },
  { header: 'X-Rate-Limit-Reset', field: 'reset', meaning: 'When the limit resets, in UTC epoch seconds (only an estimate for concurrent limits).', resetUnit: 'unix-seconds', providers: ['Okta'], cite: OKTA_CITE, source: OKTA },
  { header: 'X-Rate-Limit-Reset', field: 'reset', meaning: 'When the quota resets, as seconds to wait or as a timestamp depending on the server.', resetUnit: 'undocumented', cite: CONVENTION_CITE, source: CONVENTION },

  // Usage counters that state how much is used rather than how much is left.
  { header: 'X-Shopify-Shop-Api-Call-Limit', field: 'used-of-limit', meaning: 'Requests in the store\'s bucket over the bucket size: 32/40 is 32 used of 40.', providers: ['Shopify'], cite: SHOPIFY_CITE, source: SHOPIFY },
  { header: 'Sforce-Limit-Info', field: 'used-of-limit', key: 'api-usage', meaning: 'The organisation\'s daily API use: api-usage=18/5000 is 18 calls used of 5000.', providers: ['Salesforce'], cite: 'Salesforce REST API: Limit Info Header', source: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm' },
] satisfies RateLimitHeader[]);

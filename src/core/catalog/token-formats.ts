/**
 * One token format as its provider documents it. Only what the documentation states is filled
 * in: a guessed length or alphabet would raise false "truncated" warnings, which is worse than
 * saying nothing.
 */
export type TokenFormat = {
  provider: string;
  kind: string;
  /** Case-sensitive, exactly as documented. */
  prefix: string;
  /** Documented total length of the whole token (prefix included), when the documentation states one. */
  length?: number;
  /** Documented bounds when only a range or a minimum is stated (prefix included). */
  minLength?: number;
  maxLength?: number;
  /** Documented alphabet of the part after the prefix, as the source of a regex character class (e.g. 'A-Za-z0-9_'), when stated. */
  alphabet?: string;
  /**
   * Source of a regex the whole token must match, for prefixes too short to tell a token from
   * ordinary text ("AC", "s."). Built only from documented shapes; no nested quantifiers, so
   * matching stays linear.
   */
  pattern?: string;
  /** URL of the provider's own documentation (or the provider's engineering blog post) that states this format. */
  source: string;
  /** URL that states the length, when it is not the `source` page. */
  lengthSource?: string;
  /** Anything a developer should know, e.g. "length not documented; GitHub says it may change". */
  note?: string;
};

const GITHUB_FORMATS = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats';
// The character set and the 255 ceiling are in the changelog, not on the docs page.
// The 2021 engineering post: the prefix, 30 Base62 characters and a 6-character CRC32 checksum, 40 in all.
const GITHUB_TOKEN_DESIGN = 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/';
const GITHUB_NOTE = 'At least 40 characters: the prefix, 30 Base62 characters and a 6-character CRC32 checksum (GitHub\'s 2021 engineering post). GitHub says tokens may grow; the changelog https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/ gives the alphabet and asks integrators to accept up to 255 characters.';
const GITLAB = 'https://docs.gitlab.com/security/tokens/#token-prefixes';
const GITLAB_NOTE = 'Length and alphabet not documented. An administrator may set an instance prefix that GitLab prepends (e.g. "mycompany-glpat-"), which this prefix does not recognise.';
const SLACK_TYPES = 'https://api.slack.com/authentication/token-types';
const SLACK_NOTE = 'Length not documented; Slack tells apps to prepare for tokens up to 255 characters.';
const SHOPIFY_ACCESS = 'https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing';
const DIGITALOCEAN = 'https://docs.digitalocean.com/notes/2022/api-token-format/';
const VAULT = 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-formats';
// The docs give a 24-character body and the unanchored regexp (hv)?[sbr]\.[a-zA-Z0-9]{24}, yet
// also call tokens opaque and their structure subject to change: a minimum, not an exact length.
const VAULT_NOTE = 'Vault documents a 24-character Base62 body but warns that token structure is undocumented and may change, so only the minimum is checked.';
const VAULT_LEGACY_NOTE = 'Vault 1.9 and earlier. The two-character prefix is too common in text to trust alone, so the whole documented shape (24 Base62 characters) is required.';
const TWILIO_SID = 'https://www.twilio.com/docs/glossary/what-is-a-sid';
const DYNATRACE = 'https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication';
// prefix + "." + 24-character public portion + "." + 64-character secret portion.
const DYNATRACE_NOTE = 'Documented as prefix.public.secret with a 24-character public and a 64-character secret portion (regexp dt0[a-zA-Z]{1}[0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}); the length is their sum.';
const TAILSCALE = 'https://tailscale.com/kb/1277/key-prefixes';
const SUPABASE = 'https://supabase.com/docs/guides/getting-started/api-keys';
const AWS_KEY_INFO = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html';
const AWS_NOTE = 'An access key ID, sent next to its secret; length bounds and [\\w]+ from https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html. The four-letter prefix is an English word, so the whole shape is required.';
const BUILDKITE = 'https://buildkite.com/docs/platform/security/tokens';

export const TOKEN_FORMATS: readonly TokenFormat[] = Object.freeze([
  // GitHub: prefixes from the docs page; the 40-character minimum from the engineering post; alphabet and 255 ceiling from the 2021 changelog.
  { provider: 'GitHub', kind: 'personal access token (classic)', prefix: 'ghp_', minLength: 40, maxLength: 255, alphabet: 'A-Za-z0-9_', source: GITHUB_FORMATS, lengthSource: GITHUB_TOKEN_DESIGN, note: GITHUB_NOTE },
  { provider: 'GitHub', kind: 'fine-grained personal access token', prefix: 'github_pat_', maxLength: 255, source: GITHUB_FORMATS, note: 'Length and alphabet not documented; GitHub asks integrators to accept tokens up to 255 characters.' },
  { provider: 'GitHub', kind: 'OAuth access token', prefix: 'gho_', minLength: 40, maxLength: 255, alphabet: 'A-Za-z0-9_', source: GITHUB_FORMATS, lengthSource: GITHUB_TOKEN_DESIGN, note: GITHUB_NOTE },
  { provider: 'GitHub', kind: 'GitHub App user access token', prefix: 'ghu_', minLength: 40, maxLength: 255, alphabet: 'A-Za-z0-9_', source: GITHUB_FORMATS, lengthSource: GITHUB_TOKEN_DESIGN, note: GITHUB_NOTE },
  { provider: 'GitHub', kind: 'GitHub App installation access token', prefix: 'ghs_', minLength: 40, maxLength: 255, alphabet: 'A-Za-z0-9_', source: GITHUB_FORMATS, lengthSource: GITHUB_TOKEN_DESIGN, note: GITHUB_NOTE },
  { provider: 'GitHub', kind: 'GitHub App refresh token', prefix: 'ghr_', minLength: 40, maxLength: 255, alphabet: 'A-Za-z0-9_', source: GITHUB_FORMATS, lengthSource: GITHUB_TOKEN_DESIGN, note: GITHUB_NOTE },

  // GitLab: the "Token prefixes" table; the docs state no length or alphabet for any of them.
  { provider: 'GitLab', kind: 'personal, impersonation, project or group access token', prefix: 'glpat-', source: GITLAB, note: `${GITLAB_NOTE} The personal access token prefix can also be replaced entirely on self-managed instances.` },
  { provider: 'GitLab', kind: 'OAuth application secret', prefix: 'gloas-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'deploy token', prefix: 'gldt-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'runner authentication token', prefix: 'glrt-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'runner authentication token created with a registration token', prefix: 'glrtr-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'CI/CD job token', prefix: 'glcbt-', source: GITLAB, note: `${GITLAB_NOTE} Prefixed since GitLab 16.9.` },
  { provider: 'GitLab', kind: 'pipeline trigger token', prefix: 'glptt-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'feed token', prefix: 'glft-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'incoming mail token', prefix: 'glimt-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'agent for Kubernetes token', prefix: 'glagent-', source: GITLAB, note: GITLAB_NOTE },
  { provider: 'GitLab', kind: 'workspace token', prefix: 'glwt-', source: GITLAB, note: `${GITLAB_NOTE} Added in GitLab 18.2.` },
  { provider: 'GitLab', kind: 'SCIM token', prefix: 'glsoat-', source: GITLAB, note: `${GITLAB_NOTE} Prefixed since GitLab 16.9.` },
  { provider: 'GitLab', kind: 'feature flags client token', prefix: 'glffct-', source: GITLAB, note: GITLAB_NOTE },

  // Slack: a dot inside "xoxe.xoxp-" does not make it a JWT.
  { provider: 'Slack', kind: 'bot token', prefix: 'xoxb-', source: SLACK_TYPES, note: SLACK_NOTE },
  { provider: 'Slack', kind: 'user token', prefix: 'xoxp-', source: SLACK_TYPES, note: SLACK_NOTE },
  { provider: 'Slack', kind: 'app-level token', prefix: 'xapp-', source: SLACK_TYPES, note: SLACK_NOTE },
  { provider: 'Slack', kind: 'app configuration token', prefix: 'xoxe.xoxp-', source: 'https://api.slack.com/authentication/config-tokens', note: `Expires 12 hours after it is issued. ${SLACK_NOTE}` },
  { provider: 'Slack', kind: 'refresh token', prefix: 'xoxe-', source: 'https://api.slack.com/methods/tooling.tokens.rotate', note: `Issued with app configuration tokens and by token rotation; not an access token. ${SLACK_NOTE}` },

  // Stripe: the docs state prefixes only; Stripe has said keys may get longer.
  { provider: 'Stripe', kind: 'live-mode secret API key', prefix: 'sk_live_', source: 'https://docs.stripe.com/api/authentication', note: 'Length not documented. Moves real money: never paste one anywhere.' },
  { provider: 'Stripe', kind: 'test-mode (sandbox) secret API key', prefix: 'sk_test_', source: 'https://docs.stripe.com/api/authentication', note: 'Length not documented.' },
  { provider: 'Stripe', kind: 'live-mode publishable key', prefix: 'pk_live_', source: 'https://docs.stripe.com/keys', note: 'Meant to be public (browser and app code); not a secret. Length not documented.' },
  { provider: 'Stripe', kind: 'test-mode (sandbox) publishable key', prefix: 'pk_test_', source: 'https://docs.stripe.com/keys', note: 'Meant to be public; not a secret. Length not documented.' },
  { provider: 'Stripe', kind: 'live-mode restricted API key', prefix: 'rk_live_', source: 'https://docs.stripe.com/keys/restricted-api-keys', note: 'Length not documented.' },
  { provider: 'Stripe', kind: 'test-mode (sandbox) restricted API key', prefix: 'rk_test_', source: 'https://docs.stripe.com/keys/restricted-api-keys', note: 'Length not documented.' },
  { provider: 'Stripe', kind: 'webhook endpoint signing secret', prefix: 'whsec_', source: 'https://docs.stripe.com/webhooks/signature', note: 'Verifies webhook signatures; not an API key. Length not documented.' },

  // Shopify: 32 characters plus a six-character prefix since 2020; older 32-character tokens have no prefix.
  { provider: 'Shopify', kind: 'access token (public app)', prefix: 'shpat_', length: 38, source: SHOPIFY_ACCESS, note: 'Tokens issued before April 2020 are 32 characters without a prefix.' },
  { provider: 'Shopify', kind: 'access token (custom app)', prefix: 'shpca_', length: 38, source: SHOPIFY_ACCESS, note: 'Tokens issued before April 2020 are 32 characters without a prefix.' },
  { provider: 'Shopify', kind: 'access token (legacy private app)', prefix: 'shppa_', length: 38, source: SHOPIFY_ACCESS, note: 'Tokens issued before April 2020 are 32 characters without a prefix.' },
  { provider: 'Shopify', kind: 'app secret key (client secret)', prefix: 'shpss_', length: 38, source: 'https://shopify.dev/changelog/app-secret-key-length-has-increased', note: 'Secrets generated before January 2020 are 32 characters without a prefix.' },

  { provider: 'npm', kind: 'access token', prefix: 'npm_', source: 'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/', note: 'Length not documented; the last six characters are a CRC32 checksum. Older tokens are 36-character UUIDs without a prefix.' },

  { provider: 'DigitalOcean', kind: 'personal access token', prefix: 'dop_v1_', source: DIGITALOCEAN, note: 'Length not documented.' },
  { provider: 'DigitalOcean', kind: 'OAuth access token', prefix: 'doo_v1_', source: DIGITALOCEAN, note: 'Length not documented.' },
  { provider: 'DigitalOcean', kind: 'OAuth refresh token', prefix: 'dor_v1_', source: DIGITALOCEAN, note: 'Length not documented.' },

  { provider: 'PyPI', kind: 'API token', prefix: 'pypi-', source: 'https://pypi.org/help/#apitoken', note: 'Used as the password with the username __token__, prefix included. Length not documented.' },

  // Doppler documents only the service token prefix itself; other dp.* prefixes appear only in third-party scanners.
  { provider: 'Doppler', kind: 'service token', prefix: 'dp.st.', source: 'https://docs.doppler.com/docs/service-tokens', note: 'Dots, but not a JWT. The environment name follows the prefix (dp.st.prd.…). Length not documented.' },

  // HashiCorp Vault: dots, but not JWTs.
  { provider: 'HashiCorp Vault', kind: 'service token', prefix: 'hvs.', minLength: 28, alphabet: 'a-zA-Z0-9', source: VAULT, note: VAULT_NOTE },
  { provider: 'HashiCorp Vault', kind: 'batch token', prefix: 'hvb.', minLength: 28, alphabet: 'a-zA-Z0-9', source: VAULT, note: VAULT_NOTE },
  { provider: 'HashiCorp Vault', kind: 'recovery token', prefix: 'hvr.', minLength: 28, alphabet: 'a-zA-Z0-9', source: VAULT, note: VAULT_NOTE },
  { provider: 'HashiCorp Vault', kind: 'service token (legacy format)', prefix: 's.', length: 26, alphabet: 'a-zA-Z0-9', pattern: 's\\.[a-zA-Z0-9]{24}', source: VAULT, note: VAULT_LEGACY_NOTE },
  { provider: 'HashiCorp Vault', kind: 'batch token (legacy format)', prefix: 'b.', length: 26, alphabet: 'a-zA-Z0-9', pattern: 'b\\.[a-zA-Z0-9]{24}', source: VAULT, note: VAULT_LEGACY_NOTE },
  { provider: 'HashiCorp Vault', kind: 'recovery token (legacy format)', prefix: 'r.', length: 26, alphabet: 'a-zA-Z0-9', pattern: 'r\\.[a-zA-Z0-9]{24}', source: VAULT, note: VAULT_LEGACY_NOTE },

  // Twilio: every SID is a two-letter prefix and 32 hexadecimal digits, so the shape is required.
  { provider: 'Twilio', kind: 'Account SID', prefix: 'AC', length: 34, alphabet: '0-9a-fA-F', pattern: 'AC[0-9a-fA-F]{32}', source: TWILIO_SID, note: 'An identifier (the Basic auth username), not a secret: the Auth Token that goes with it has no prefix.' },
  { provider: 'Twilio', kind: 'API key SID', prefix: 'SK', length: 34, alphabet: '0-9a-fA-F', pattern: 'SK[0-9a-fA-F]{32}', source: TWILIO_SID, note: 'An identifier (the Basic auth username), not a secret: the API key secret that goes with it has no prefix.' },

  // SendGrid: the two dots make it look like a JWT; it is not one.
  { provider: 'SendGrid', kind: 'API key', prefix: 'SG.', length: 69, source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys', note: 'Twilio SendGrid states 69 characters; the prefix is as in SendGrid\'s documented example. Two dots, but not a JWT.' },

  { provider: 'Hugging Face', kind: 'user access token', prefix: 'hf_', source: 'https://huggingface.co/docs/hub/security-tokens', note: 'Prefix as shown in the documentation ("hf_..."); length and alphabet not documented.' },

  // Dynatrace: the token prefixes table; all share the documented three-part layout.
  { provider: 'Dynatrace', kind: 'API token (access token classic)', prefix: 'dt0s01', length: 96, alphabet: 'A-Z0-9.', source: DYNATRACE, note: DYNATRACE_NOTE },
  { provider: 'Dynatrace', kind: 'OAuth2 refresh token', prefix: 'dt0s06', length: 96, alphabet: 'A-Z0-9.', source: DYNATRACE, note: `Changes every few minutes. ${DYNATRACE_NOTE}` },
  { provider: 'Dynatrace', kind: 'platform token', prefix: 'dt0s16', length: 96, alphabet: 'A-Z0-9.', source: DYNATRACE, note: DYNATRACE_NOTE },

  // Tailscale documents the prefixes without the hyphen that follows them in keys.
  { provider: 'Tailscale', kind: 'API access token', prefix: 'tskey-api', source: TAILSCALE, note: 'Case-sensitive; length not documented.' },
  { provider: 'Tailscale', kind: 'pre-authentication (auth) key', prefix: 'tskey-auth', source: TAILSCALE, note: 'Case-sensitive; length not documented.' },
  { provider: 'Tailscale', kind: 'OAuth client secret', prefix: 'tskey-client', source: TAILSCALE, note: 'Case-sensitive; length not documented.' },
  { provider: 'Tailscale', kind: 'SCIM key', prefix: 'tskey-scim', source: TAILSCALE, note: 'Case-sensitive; length not documented.' },
  { provider: 'Tailscale', kind: 'webhook key', prefix: 'tskey-webhook', source: TAILSCALE, note: 'Case-sensitive; length not documented.' },

  // Google calls its OAuth access tokens (ya29.…) opaque and proprietary, so only the API key is here.
  { provider: 'Google', kind: 'API key', prefix: 'AIza', source: 'https://cloud.google.com/docs/authentication/api-keys', note: 'Prefix as in Google\'s documented example key string; Google states no format. Identifies a project for quota and billing, not a user.' },

  { provider: 'Supabase', kind: 'publishable key', prefix: 'sb_publishable_', source: SUPABASE, note: 'Meant to be public; Row Level Security still applies. Length not documented.' },
  { provider: 'Supabase', kind: 'secret key', prefix: 'sb_secret_', source: SUPABASE, note: 'Bypasses Row Level Security: server-side only. Length not documented.' },

  { provider: 'AWS', kind: 'access key ID (long-term)', prefix: 'AKIA', minLength: 16, maxLength: 128, alphabet: 'A-Za-z0-9_', pattern: 'AKIA[A-Za-z0-9_]{12,124}', source: AWS_KEY_INFO, note: AWS_NOTE },
  { provider: 'AWS', kind: 'access key ID (temporary, from STS)', prefix: 'ASIA', minLength: 16, maxLength: 128, alphabet: 'A-Za-z0-9_', pattern: 'ASIA[A-Za-z0-9_]{12,124}', source: AWS_KEY_INFO, note: `Comes with a session token. ${AWS_NOTE}` },

  { provider: 'Pulumi', kind: 'access token', prefix: 'pul-', source: 'https://www.pulumi.com/docs/pulumi-cloud/reference/personal-access-tokens', note: 'Prefix as in the documented API response example; length and alphabet not stated.' },

  { provider: 'RubyGems', kind: 'API key', prefix: 'rubygems_', source: 'https://guides.rubygems.org/api-key-scopes/', note: 'Prefix as in the documented example (GEM_HOST_API_KEY=rubygems_…); legacy keys have no prefix. Length not documented.' },

  // Buildkite: the agent job token is a JWT behind the prefix (bkaj_eyJ…).
  { provider: 'Buildkite', kind: 'API access token', prefix: 'bkua_', source: BUILDKITE, note: 'Created after March 2023. Length not documented.' },
  { provider: 'Buildkite', kind: 'agent session token', prefix: 'bkaa_', source: BUILDKITE, note: 'Created after January 2025. Length not documented.' },
  { provider: 'Buildkite', kind: 'agent job token', prefix: 'bkaj_', source: BUILDKITE, note: 'A JWT follows the prefix, so the token as a whole is not a JWT. Length not documented.' },
  { provider: 'Buildkite', kind: 'unclustered agent (registration) token', prefix: 'bkar_', source: BUILDKITE, note: 'Deprecated with unclustered agents. Length not documented.' },
] satisfies TokenFormat[]);

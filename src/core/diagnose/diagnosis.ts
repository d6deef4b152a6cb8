import type { ExchangeContext } from '../flow/flow-run';

/** The causes an explanation can name. The first ones are about the authorization-code grant. */
export type DiagnosisCategory =
  | 'code_reused'
  | 'code_expired'
  | 'redirect_uri_mismatch'
  | 'invalid_client_credentials'
  | 'client_auth_method'
  | 'pkce_mismatch'
  | 'invalid_scope'
  | 'unsupported_grant_type'
  | 'rate_limited'
  | 'token_expired'
  | 'token_revoked'
  | 'insufficient_scope'
  | 'invalid_token'
  | 'malformed_request'
  | 'consent_denied'
  | 'authorization_pending'
  | 'slow_down'
  | 'origin_not_allowed'
  | 'cors_blocked'
  | 'server_unreachable'
  | 'timeout'
  | 'other';

export type RateLimit = { limit?: number; remaining?: number; resetAt?: string };

/** What went wrong, how we know, and what to change. */
export type Diagnosis = {
  /** The most likely cause. */
  category: DiagnosisCategory;
  /** Ranked, at most 5; the first is `category`. */
  candidates: DiagnosisCategory[];
  title: string;
  explanation: string;
  fixes: string[];
  /** Which status, header, field or history fact led here. */
  evidence: string[];
  /** e.g. "RFC 6749 §5.2 https://…", or a provider's documentation URL. */
  references: string[];
  /** When recognised from the URL or the body. */
  provider?: string;
  /** From Retry-After (seconds or HTTP-date) or rate-limit headers. */
  retryAfterSeconds?: number;
  rateLimit?: RateLimit;
  /** The error code as the server sent it (`error`, an AADSTS number, Slack's `error`). */
  errorCode?: string;
  /** The server's own words (`error_description`, `message`), as sent. */
  serverMessage?: string;
  /** Present when redirect URIs were compared: a mismatch shows the two values side by side. */
  redirectUris?: { atAuthorization: string; atExchange: string };
  /** true: the server certainly said this (history or an unambiguous code); false: a ranking of guesses. */
  certain: boolean;
  /**
   * The instants (ISO 8601) the explanation and evidence name, each written there in UTC
   * ("14:02:11 UTC", `describeInstant`'s clock): the texts read the same in a view and in a copied
   * report, and a view finds each with `splitTimes` to show it in local time.
   */
  times?: string[];
};

/**
 * What the flow runner (or the traffic watcher) knows about the flow an exchange belonged to: the
 * exchange's own context, as far as it is known, and what happened before it. Every field is
 * optional: the more is known, the more certain the explanation.
 */
export type FlowHistory = Partial<Omit<ExchangeContext, 'grantType'>> & {
  /** As sent: a watched request can carry any grant_type. */
  grantType?: 'authorization_code' | 'refresh_token' | string;
  /** When the authorization code came back on the redirect (ISO 8601). */
  codeIssuedAt?: string;
  /** When the token this request carried was revoked by the extension (ISO 8601). */
  tokenRevokedAt?: string;
  /** When the token this request carried expires, from expires_in or the JWT's exp (ISO 8601). */
  tokenExpiresAt?: string;
  /** From discovery: token_endpoint_auth_methods_supported. */
  authMethodsSupported?: string[];
  /** Whether a code_verifier was sent with the exchange (PKCE, RFC 7636). */
  pkce?: boolean;
  /** The scopes asked for in the authorization request. */
  requestedScope?: string;
};

export type ExplainOptions = {
  /** The moment the response was received (ISO 8601), to turn HTTP-dates and reset timestamps into seconds. Default: the response's Date header, else now. */
  at?: string;
  /** The body could not be read (Chrome's webRequest): say the diagnosis rests on status and headers alone. */
  bodyUnavailable?: boolean;
};

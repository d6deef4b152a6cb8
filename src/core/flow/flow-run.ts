import type { ClientAuthMethod, FlowProfile, TokenRequestsAs } from './flow-profile';
import type { HttpExchange, HttpRequest } from '../traffic/http-exchange';

export type FlowStage = 'permission' | 'discovery' | 'authorize' | 'callback' | 'token';
export type FlowStep = 'discovery' | 'authorize' | 'token' | 'refresh' | 'revoke' | 'introspect' | 'userinfo' | 'api';

/** Why a flow stopped, in terms an explanation can build on. */
export type FailureReason =
  | 'discovery_failed'
  | 'user_closed'
  | 'server_unreachable'
  | 'authorization_page_error'
  | 'timeout'
  | 'state_mismatch'
  /** The sign-in came back to another URL than the redirect URI the run sent: its code was not read. */
  | 'redirect_mismatch'
  /** RFC 9207: the authorization response's `iss` is not the issuer, or is missing though promised (a mix-up). */
  | 'issuer_mismatch'
  /** OIDC Core §3.1.3.7: the ID token's nonce is not the one sent, or is missing: its tokens are not used. */
  | 'nonce_mismatch'
  | 'provider_error'
  | 'token_error'
  | 'network_error'
  | 'interrupted'
  /** The person did not allow a host the run must reach (or did not answer the prompt in time). */
  | 'host_access_declined'
  /** A host the run must reach is not granted, and was not asked for from the click that started it. */
  | 'host_access_needed';

/** The token endpoint's successful answer (RFC 6749 §5.1), other fields kept as they came. */
export type TokenSet = {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  [field: string]: unknown;
};

/** What an explanation needs to know about the flow an exchange belonged to. */
export type ExchangeContext = {
  step: FlowStep;
  grantType?: 'authorization_code' | 'refresh_token';
  clientAuth: ClientAuthMethod;
  redirectUriAtAuthorization?: string;
  redirectUriAtExchange?: string;
  /**
   * SHA-256 (base64url) of the authorization code sent: the code itself is never recorded here. Set
   * when the code was looked up in the ledger: with no codeFirstRedeemedAt beside it, this was its first use.
   */
  codeHash?: string;
  /** When this same code was first sent to the token endpoint (ISO 8601), if that was before this exchange. */
  codeFirstRedeemedAt?: string;
  /** That first send got no readable answer (hidden by CORS, or timed out): the code may or may not have been redeemed then. */
  codeFirstRedeemedUnread?: boolean;
  /** How the run sent its token requests: `server` (no Origin header) or `browser` (with Origin). */
  tokenRequestsAs?: 'server' | 'browser';
};

export type NonceCheck = 'match' | 'mismatch' | 'missing' | 'no_id_token' | 'unreadable';

/**
 * One request of a run and its answer, as stored: redacted once, when recorded, so every screen,
 * the error log and a report show it as it is. `sent` is the request as it left, secrets and all:
 * what "Copy with secrets" copies, and what Exchange again and Refresh send again. It lives in
 * storage.session with the run, and goes nowhere else.
 */
export type RecordedExchange = HttpExchange & {
  at: string;
  context: ExchangeContext;
  sent?: HttpRequest;
  /** From sending to the whole answer read, or to giving up on one. */
  durationMs?: number;
  /** The answer's body in UTF-8 bytes as it came, before a stored body is cut to the storage budget. */
  bodyBytes?: number;
};

/**
 * The authorization request as it left for the sign-in window, and what came back to the redirect
 * URI. `launchWebAuthFlow` shows an extension neither the page nor its redirects, only the URL it
 * ends on; so these two are what a run can tell of the front channel. URLs are kept redacted.
 */
export type FrontChannelStep = { url: string; at: string };
export type RedirectStep = FrontChannelStep & {
  /** `code`: a code to redeem; `error`: the provider's error (RFC 6749 §4.1.2.1); `refused`: the run would not read it (state, iss, URL). */
  outcome: 'code' | 'error' | 'refused';
};

export type FlowEndpoints = {
  authorization: string;
  token: string;
  revocation?: string;
  introspection?: string;
  userinfo?: string;
};

/**
 * What a flow under way must not lose if the background is stopped: the values it sent and must
 * check, and once the provider has redirected back, the code and what is needed to redeem it.
 */
export type PendingFlow = {
  state: string;
  nonce?: string;
  codeVerifier?: string;
  /** Set when the redirect has arrived: the exchange can be finished by a restarted background. */
  exchange?: {
    code: string;
    tokenEndpoint: string;
    clientId: string;
    clientSecret?: string;
    clientAuth: ClientAuthMethod;
    redirectUriAtExchange?: string;
  };
};

/** One run of the authorization-code flow and what was done with its tokens: kept in storage.session only. */
export type FlowRun = {
  id: string;
  profileName: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed';
  /** `url`: the request that got no response at all, so the popup can offer that host's permission. */
  failure?: { stage: FlowStage; message: string; reason?: FailureReason; url?: string };
  /** The redirect URI sent in the authorization request. */
  redirectUri: string;
  clientAuth: ClientAuthMethod;
  /** The scopes the authorization request asked for. */
  scope?: string;
  /** How its token requests went: `server` (no Origin header) or `browser` (with the extension's Origin). */
  tokenRequestsAs?: TokenRequestsAs;
  /**
   * Set while the run waits for the person's answer to the browser's prompt for these hosts,
   * asked from the click that started it; the profile is kept so that a restarted background
   * can carry the run on. Nothing has been requested from the provider yet.
   */
  awaitingHosts?: { permissions: string[]; until: string; profile: FlowProfile };
  endpoints?: FlowEndpoints;
  /** From discovery: what the provider says it accepts at the token endpoint. */
  authMethodsSupported?: string[];
  /**
   * RFC 9207: the issuer identifier the authorization response's `iss` is compared with (from
   * discovery, else the profile's), and whether the server advertises that it always sends `iss`.
   */
  issuer?: { identifier: string; issParameterSupported?: true };
  /** Discovery fields of the wrong type, which the run went on without. */
  discoveryNotes?: string[];
  /** RFC 6749 §4.1.2.1: an error the provider sent back on the redirect. */
  callbackError?: { error: string; description?: string; uri?: string };
  /** The authorization request, once sent to the sign-in window. */
  authorization?: FrontChannelStep;
  /** What the sign-in window came back with, when it came back. */
  redirect?: RedirectStep;
  /** Every HTTP request made for this run, with its response and context. */
  exchanges: RecordedExchange[];
  tokens?: TokenSet;
  /**
   * OIDC Core §3.1.3.7 step 11: the ID token's nonce against the one sent. `mismatch` and
   * `missing` (an ID token without a nonce) fail the run; `no_id_token`: the answer had none;
   * `unreadable`: the ID token is not a readable JWT (encrypted, say), so its nonce is unknown.
   */
  nonceCheck?: NonceCheck;
  /** Only while the run is under way. */
  pending?: PendingFlow;
};

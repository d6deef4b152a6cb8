import type { FlowHistory } from '../diagnose/diagnosis';
import { isRecord } from '../lib/is-record';

/**
 * What the traffic watcher remembers of the authorization-code flows it sees in the browser, to
 * judge a later token request: each authorization request's redirect_uri (by state), and each
 * code the provider redirected back with (by hash: the code itself is a secret), with when it
 * was first redeemed. Plain data, so it can live in storage.session between worker restarts.
 */
export type WatchLedger = {
  authorizations: { state?: string; clientId?: string; redirectUri?: string; at: string }[];
  codes: Record<string, { redirectUriAtAuthorization?: string; issuedAt: string; firstRedeemedAt?: string }>;
};

const KEPT_AUTHORIZATIONS = 50;
const KEPT_CODES = 200;

export function emptyWatchLedger(): WatchLedger {
  return { authorizations: [], codes: {} };
}

/**
 * The ledger as storage holds it, each part of another shape (written by another version) read as
 * empty: a ledger the watcher cannot read must not stop it from watching.
 */
function readLedger(ledger: WatchLedger): WatchLedger {
  const given: Partial<Record<keyof WatchLedger, unknown>> = isRecord(ledger) ? ledger : {};
  return {
    // Entries are records; their fields are checked where they are read.
    authorizations: Array.isArray(given.authorizations) ? ((given.authorizations as unknown[]).filter(isRecord) as WatchLedger['authorizations']) : [],
    codes: isRecord(given.codes) ? (given.codes as WatchLedger['codes']) : {},
  };
}

/** What the ledger knows of a code, by its own key only (not what Object.prototype has under that name). */
function codeEntry(ledger: WatchLedger, codeHash: string): Partial<WatchLedger['codes'][string]> | undefined {
  const { codes } = readLedger(ledger);
  const known: unknown = Object.hasOwn(codes, codeHash) ? codes[codeHash] : undefined;
  return isRecord(known) ? known : undefined;
}

/** Whether a URL is an authorization request for a code (RFC 6749 §4.1.1; OIDC hybrid flows too). */
export function isAuthorizationRequest(url: string): boolean {
  return (queryOf(url)?.get('response_type') ?? '').split(' ').includes('code');
}

/** An authorization request went out: remember where it asked the code to be sent. Other URLs change nothing. */
export function noteAuthorizationRequest(ledger: WatchLedger, url: string, at: string): WatchLedger {
  const params = queryOf(url);
  if (!params || !isAuthorizationRequest(url)) return ledger;
  const entry = {
    at,
    ...(params.get('state') !== null ? { state: params.get('state')! } : {}),
    ...(params.get('client_id') !== null ? { clientId: params.get('client_id')! } : {}),
    ...(params.get('redirect_uri') !== null ? { redirectUri: params.get('redirect_uri')! } : {}),
  };
  return { ...readLedger(ledger), authorizations: [entry, ...readLedger(ledger).authorizations].slice(0, KEPT_AUTHORIZATIONS) };
}

/**
 * The provider redirected (RFC 6749 §4.1.2): if the new location carries a code, returns the
 * code to be hashed by the caller, with the redirect_uri its authorization request sent.
 */
export function codeInRedirect(ledger: WatchLedger, location: string): { code: string; redirectUriAtAuthorization?: string } | undefined {
  const params = queryOf(location);
  const code = params?.get('code');
  if (!params || !code) return undefined;
  const state = params.get('state');
  // Matched by state when there is one; else the latest request whose redirect_uri is where the code went.
  const { authorizations } = readLedger(ledger);
  const authorization =
    (state !== null ? authorizations.find((a) => a.state === state) : undefined) ??
    authorizations.find((a) => typeof a.redirectUri === 'string' && location.startsWith(a.redirectUri));
  return { code, ...(typeof authorization?.redirectUri === 'string' ? { redirectUriAtAuthorization: authorization.redirectUri } : {}) };
}

export function noteCodeIssued(ledger: WatchLedger, codeHash: string, at: string, redirectUriAtAuthorization?: string): WatchLedger {
  const read = readLedger(ledger);
  const codes = Object.entries({ ...read.codes, [codeHash]: { issuedAt: at, ...(redirectUriAtAuthorization !== undefined ? { redirectUriAtAuthorization } : {}) } });
  return { ...read, codes: Object.fromEntries(codes.slice(-KEPT_CODES)) };
}

/** A token request answered: from now on the code counts as redeemed (a request cut off before any answer has not used it). */
export function noteCodeRedeemed(ledger: WatchLedger, codeHash: string, at: string): WatchLedger {
  const known = codeEntry(ledger, codeHash);
  if (known?.firstRedeemedAt !== undefined) return ledger;
  const read = readLedger(ledger);
  return { ...read, codes: { ...read.codes, [codeHash]: { ...known, issuedAt: known?.issuedAt ?? at, firstRedeemedAt: at } } };
}

/** What the ledger knows for a token request carrying this code (by hash) and redirect_uri. */
export function historyForCodeExchange(ledger: WatchLedger, codeHash: string, redirectUriAtExchange: string | undefined): FlowHistory {
  const known = codeEntry(ledger, codeHash);
  return {
    step: 'token',
    grantType: 'authorization_code',
    codeHash,
    ...(known?.firstRedeemedAt !== undefined ? { codeFirstRedeemedAt: known.firstRedeemedAt } : {}),
    ...(known?.issuedAt !== undefined ? { codeIssuedAt: known.issuedAt } : {}),
    ...(known?.redirectUriAtAuthorization !== undefined ? { redirectUriAtAuthorization: known.redirectUriAtAuthorization } : {}),
    ...(redirectUriAtExchange !== undefined ? { redirectUriAtExchange } : {}),
  };
}

function queryOf(url: string): URLSearchParams | undefined {
  const question = url.indexOf('?');
  if (question < 0) return undefined;
  const hash = url.indexOf('#', question);
  return new URLSearchParams(url.slice(question + 1, hash < 0 ? undefined : hash));
}

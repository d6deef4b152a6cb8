import type { FlowHistory } from '../diagnose/diagnosis';
import { isRecord } from '../lib/is-record';

/** Who saw it: a flow the extension ran, or the developer's own app through the watcher. */
export type EvidenceSource = 'flow' | 'watcher';

export type AuthorizationSeen = { state?: string; clientId?: string; redirectUri?: string; at: string; source?: EvidenceSource };

/** What is known of one authorization code, by its hash (`hashCode`): the code itself is a secret. */
export type CodeEvidence = {
  /** When the provider redirected back with it. */
  issuedAt?: string;
  /** The redirect_uri of the authorization request it answered. */
  redirectUriAtAuthorization?: string;
  /** When it was first sent to a token endpoint. */
  firstRedeemedAt?: string;
  /** That first send got no readable answer: the code may or may not have been redeemed then. */
  firstRedeemedUnread?: true;
  firstRedeemedBy?: EvidenceSource;
};

/**
 * What the extension has seen of authorization-code flows, from its own runs and from the
 * developer's app alike: each authorization request's redirect_uri (by state), and each code with
 * when it was issued and first redeemed. One ledger for both, so a code a run redeemed and the
 * app then sent again is named reused. Plain data, so it lives in storage.session between
 * worker restarts.
 */
export type EvidenceLedger = {
  authorizations: AuthorizationSeen[];
  codes: Record<string, CodeEvidence>;
};

const KEPT_AUTHORIZATIONS = 50;
/** Codes by hash: a few hundred bytes each, far beyond any session's use. */
const KEPT_CODES = 500;

export function emptyLedger(): EvidenceLedger {
  return { authorizations: [], codes: {} };
}

/**
 * The ledger as storage holds it, each part of another shape (written by another version) read as
 * empty: a ledger that cannot be read must not stop a flow or the watcher.
 */
export function readLedger(ledger: unknown): EvidenceLedger {
  const given: Partial<Record<keyof EvidenceLedger, unknown>> = isRecord(ledger) ? ledger : {};
  return {
    // Entries are records; their fields are checked where they are read.
    authorizations: Array.isArray(given.authorizations) ? ((given.authorizations as unknown[]).filter(isRecord) as AuthorizationSeen[]) : [],
    codes: isRecord(given.codes) ? (given.codes as EvidenceLedger['codes']) : {},
  };
}

/** What the ledger knows of a code, by its own key only (not what Object.prototype has under that name). */
export function codeEvidence(ledger: EvidenceLedger, codeHash: string): CodeEvidence | undefined {
  const { codes } = readLedger(ledger);
  const known: unknown = Object.hasOwn(codes, codeHash) ? codes[codeHash] : undefined;
  if (!isRecord(known)) return undefined;
  const text = (name: keyof CodeEvidence) => (typeof known[name] === 'string' ? { [name]: known[name] } : {});
  return {
    ...text('issuedAt'),
    ...text('redirectUriAtAuthorization'),
    ...text('firstRedeemedAt'),
    ...(known.firstRedeemedUnread === true ? { firstRedeemedUnread: true as const } : {}),
    ...(known.firstRedeemedBy === 'flow' || known.firstRedeemedBy === 'watcher' ? { firstRedeemedBy: known.firstRedeemedBy } : {}),
  };
}

/** Whether a URL is an authorization request for a code (RFC 6749 §4.1.1; OIDC hybrid flows too). */
export function isAuthorizationRequest(url: string): boolean {
  return (queryOf(url)?.get('response_type') ?? '').split(' ').includes('code');
}

/** An authorization request went out: remember where it asked the code to be sent. Other URLs change nothing. */
export function noteAuthorizationRequest(ledger: EvidenceLedger, url: string, at: string, source?: EvidenceSource): EvidenceLedger {
  const params = queryOf(url);
  if (!params || !isAuthorizationRequest(url)) return ledger;
  const entry: AuthorizationSeen = {
    at,
    ...(params.get('state') !== null ? { state: params.get('state')! } : {}),
    ...(params.get('client_id') !== null ? { clientId: params.get('client_id')! } : {}),
    ...(params.get('redirect_uri') !== null ? { redirectUri: params.get('redirect_uri')! } : {}),
    ...(source ? { source } : {}),
  };
  const read = readLedger(ledger);
  return { ...read, authorizations: [entry, ...read.authorizations].slice(0, KEPT_AUTHORIZATIONS) };
}

/**
 * The provider redirected (RFC 6749 §4.1.2): if the new location carries a code, returns the
 * code to be hashed, with the redirect_uri its authorization request sent.
 */
export function codeInRedirect(ledger: EvidenceLedger, location: string): { code: string; redirectUriAtAuthorization?: string } | undefined {
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

export function noteCodeIssued(ledger: EvidenceLedger, codeHash: string, at: string, redirectUriAtAuthorization?: string): EvidenceLedger {
  const read = readLedger(ledger);
  const known = codeEvidence(read, codeHash);
  const entry: CodeEvidence = { ...known, issuedAt: at, ...(redirectUriAtAuthorization !== undefined ? { redirectUriAtAuthorization } : {}) };
  return { ...read, codes: newestCodes({ ...read.codes, [codeHash]: entry }) };
}

/**
 * A token request carried the code: from now on it counts as redeemed, the first time only.
 * `unread`: no answer was read (the request may or may not have reached the server); a later
 * answered request does not make the first one answered.
 */
export function noteCodeRedeemed(ledger: EvidenceLedger, codeHash: string, at: string, by?: EvidenceSource, unread = false): EvidenceLedger {
  const read = readLedger(ledger);
  const known = codeEvidence(read, codeHash);
  if (known?.firstRedeemedAt !== undefined) return ledger;
  const entry: CodeEvidence = { ...known, firstRedeemedAt: at, ...(unread ? { firstRedeemedUnread: true as const } : {}), ...(by ? { firstRedeemedBy: by } : {}) };
  return { ...read, codes: newestCodes({ ...read.codes, [codeHash]: entry }) };
}

/** What the ledger knows for a token request carrying this code (by hash) and redirect_uri. */
export function historyForCodeExchange(ledger: EvidenceLedger, codeHash: string, redirectUriAtExchange: string | undefined): FlowHistory {
  const known = codeEvidence(ledger, codeHash);
  return {
    step: 'token',
    grantType: 'authorization_code',
    codeHash,
    ...(known?.firstRedeemedAt !== undefined ? { codeFirstRedeemedAt: known.firstRedeemedAt } : {}),
    ...(known?.firstRedeemedUnread ? { codeFirstRedeemedUnread: true } : {}),
    ...(known?.issuedAt !== undefined ? { codeIssuedAt: known.issuedAt } : {}),
    ...(known?.redirectUriAtAuthorization !== undefined ? { redirectUriAtAuthorization: known.redirectUriAtAuthorization } : {}),
    ...(redirectUriAtExchange !== undefined ? { redirectUriAtExchange } : {}),
  };
}

/**
 * Insertion order is the order codes were first noted: the oldest go first, a fifth at a time.
 * Cut to exactly KEPT_CODES, every code noted beyond it rebuilt the whole record: a HAR file of
 * thousands of sign-ins spent most of its time there.
 */
function newestCodes(codes: EvidenceLedger['codes']): EvidenceLedger['codes'] {
  const names = Object.keys(codes);
  return names.length > KEPT_CODES ? Object.fromEntries(names.slice(-Math.floor((KEPT_CODES * 4) / 5)).map((name) => [name, codes[name]])) : codes;
}

function queryOf(url: string): URLSearchParams | undefined {
  const question = url.indexOf('?');
  if (question < 0) return undefined;
  const hash = url.indexOf('#', question);
  return new URLSearchParams(url.slice(question + 1, hash < 0 ? undefined : hash));
}

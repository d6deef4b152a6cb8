// The one contract between the popup and the background. The popup never touches the
// browser API for anything the background owns (flows, tokens, storage); it asks here.
import type { AccessEntry, ErrorEntry, FlowProfile, FlowRun, ProviderMetadata, RunHost, RunSummary, TokenRequestsAs } from './core';

type TokenKind = 'access_token' | 'refresh_token';

export type MessageMap = {
  /** Is the background up? Also tells the popup what only the background knows. */
  ping: { request: void; response: { version: string; redirectUri: string } };
  /** What Run will need: the hosts it must be allowed to reach (and whether each is), worked out before the click. */
  planRun: { request: { profile: FlowProfile }; response: RunPlan };
  /**
   * Run one authorization-code flow; resolves when it has succeeded or failed. `hosts`: the host
   * permissions the page is asking for from the same click; the run waits for the answer first.
   */
  runFlow: { request: { profile: FlowProfile; hosts?: string[] }; response: FlowRun };
  /** The page that asked for hosts heard "no" (or gave up): a run waiting for them stops before anything is requested. */
  declineHosts: { request: void; response: null };
  /** The last flow run in this browser session, if any (the popup may have closed meanwhile). */
  lastFlow: { request: void; response: FlowRun | null };
  /** The runs kept for this browser session (the last 20, and the newest that succeeded), newest first. */
  listRuns: { request: void; response: RunSummary[] };
  /** One kept run, whole; `not_found` once it is no longer kept. */
  getRun: { request: { id: string }; response: FlowRun };
  /** Re-send the run's code exchange, as it was or with another redirect_uri. */
  exchangeAgain: { request: { runId: string; redirectUri?: string }; response: FlowRun };
  refresh: { request: { runId: string }; response: FlowRun };
  revoke: { request: { runId: string; which: TokenKind }; response: FlowRun };
  introspect: { request: { runId: string; which: TokenKind }; response: FlowRun };
  userinfo: { request: { runId: string }; response: FlowRun };
  callApi: { request: { runId: string; url: string }; response: FlowRun };
  /**
   * OIDC discovery for the profile form: endpoints and accepted client authentication methods,
   * with a note for each field left out because it had the wrong type.
   */
  discover: { request: { issuer: string }; response: { metadata: ProviderMetadata; notes: string[] } };
  /**
   * A JWK Set for a view to verify a token's signature with: the `jwks_uri` of the issuer's
   * discovery, or `jwksUri` as given. Fetched as discovery is (no cookies; a failure without an
   * answer says which case it was, `host_permission_missing` with the URL to offer); public keys,
   * kept a few minutes. The background only fetches: the view verifies.
   */
  fetchJwks: { request: { issuer?: string; jwksUri?: string }; response: { jwks: { keys: object[] }; jwksUri: string } };
  /** The Errors view: failed exchanges of this browser session, newest first (at most 200). */
  listErrors: { request: void; response: ErrorEntry[] };
  /**
   * Failures the DevTools panel judged in the inspected tab's traffic (already redacted), for the
   * Errors list and the badge; one already listed (the panel reopened) is not listed again.
   */
  recordErrors: { request: { entries: ErrorEntry[] }; response: { recorded: number } };
  /** The list was opened: the toolbar badge stops counting these. */
  markErrorsSeen: { request: void; response: null };
  clearErrors: { request: void; response: null };
  /** The traffic watcher: which hosts are watched, whether it is paused, whether listeners are on. */
  getWatch: { request: void; response: WatchState };
  /**
   * Watch a host. `asking`: the popup asks the browser for its permission from the same click,
   * after sending this; the background waits for the answer and adds the host once granted, even
   * if the popup was closed under the prompt. Without it, the permission must be held already.
   */
  addWatch: { request: { pattern: string; asking?: boolean }; response: WatchState };
  /** The popup heard "no" from the prompt: the addition or resume it asked for does not happen. */
  declineWatch: { request: void; response: null };
  /** Stops watching the host and gives its permission back (and webRequest, when nothing is left). */
  removeWatch: { request: { pattern: string }; response: WatchState };
  /** Resuming with `asking`: the popup asks for the permission to watch from the same click, after sending this. */
  setWatchPaused: { request: { paused: boolean; asking?: boolean }; response: WatchState };
  /** Every permission the extension holds, with the features that use it. */
  listAccess: { request: void; response: AccessEntry[] };
  /** Gives one permission back (what depends on it stops first); answers the list as it is then. */
  giveBack: { request: { permission: string }; response: AccessEntry[] };
  listProfiles: { request: void; response: FlowProfile[] };
  saveProfile: { request: { profile: FlowProfile }; response: FlowProfile };
  deleteProfile: { request: { id: string }; response: null };
  exportProfiles: { request: void; response: string };
  importProfiles: { request: { json: string }; response: { imported: number; problems: string[] } };
};

export type RunPlan = {
  tokenRequestsAs: TokenRequestsAs;
  /** false while discovery could not be read: the issuer's host stands in for the endpoints. */
  endpointsKnown: boolean;
  hosts: (RunHost & { held: boolean })[];
  /**
   * The issuer's discovery document the plan was made with, when it could be read: the view warns
   * of the endpoints it names (endpointWarnings) beside the profile's own, before Run.
   */
  metadata?: ProviderMetadata;
};

export type WatchState = {
  patterns: string[];
  paused: boolean;
  active: boolean;
  /** A host waiting for the person's answer to the browser's prompt. */
  pending?: { pattern: string; until: string };
  /** Requests of watched hosts the background has seen since it started, and when the last one was. */
  seen: { requests: number; since: string; lastAt?: string };
};

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

export type Message<K extends MessageType = MessageType> = { type: K; payload: RequestOf<K> };

/**
 * Why a message failed, for the popup to act on without reading the text. The background
 * makes every one but `no_answer`, which the popup's shell makes when no reply came.
 */
export type FailureCode =
  /** Not a message, or no handler for its type. */
  | 'unknown_message'
  /** The payload cannot be used: a host pattern that does not parse, an API call without a URL. */
  | 'invalid_input'
  /** What the payload names is no longer kept: a flow run beyond the last 20. */
  | 'not_found'
  /** The run or its provider lacks what the action needs: no refresh token, no revocation endpoint, no code exchange. */
  | 'unavailable'
  /** A permission the action needs is not held, and the popup did not say it was asking for it. */
  | 'permission_missing'
  /** The person said no to the browser's prompt, or did not answer in time. */
  | 'permission_declined'
  /** Refused by rule: a permission granted at install cannot be given back. */
  | 'not_allowed'
  /** A request got no readable answer, and a host permission would let it through: `unreachableUrl` names it. */
  | 'host_permission_missing'
  /** A request got no answer: the server is down, the address wrong, the connection ended, or no answer came in time. */
  | 'unreachable'
  /** The provider answered, but not with what was asked for: a discovery document that does not parse. */
  | 'invalid_response'
  /** The browser's storage stayed full after what could go was dropped. */
  | 'storage_full'
  /** No reply came: the background is not running, or did not take the page for the extension's own. */
  | 'no_answer'
  /** Anything else: a browser API that failed, or a bug. */
  | 'internal';

/** A failure as it crosses the boundary: as data, because browsers serialise thrown errors differently. */
export type FailureData = { code: FailureCode; message: string; unreachableUrl?: string };

/**
 * A failure with its code. Handlers throw it where they know the cause; the popup's `ask`
 * throws it again from the reply, so a view can `switch (error.code)`.
 */
export class Failure extends Error {
  override readonly name = 'Failure';
  constructor(
    readonly code: FailureCode,
    message: string,
    /** The URL of a request a host permission would have let through: the host to offer. */
    readonly unreachableUrl?: string,
  ) {
    super(message);
  }
}

export type Reply<K extends MessageType = MessageType> = { ok: true; value: ResponseOf<K> } | { ok: false; error: FailureData };

/** Sends one message of the contract and resolves with its response; a failure rejects with a `Failure`. */
export type Ask = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export type Handlers = { [K in MessageType]: (payload: RequestOf<K>) => Promise<ResponseOf<K>> };

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

// The one contract between the popup and the background. The popup never touches the
// browser API for anything the background owns (flows, tokens, storage); it asks here.
import type { ErrorEntry, FlowProfile, FlowRun, ProviderMetadata, RunHost, TokenRequestsAs } from './core';

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
  /** Re-send the run's code exchange, as it was or with another redirect_uri. */
  exchangeAgain: { request: { runId: string; redirectUri?: string }; response: FlowRun };
  refresh: { request: { runId: string }; response: FlowRun };
  revoke: { request: { runId: string; which: TokenKind }; response: FlowRun };
  introspect: { request: { runId: string; which: TokenKind }; response: FlowRun };
  userinfo: { request: { runId: string }; response: FlowRun };
  callApi: { request: { runId: string; url: string }; response: FlowRun };
  /** OIDC discovery for the profile form: endpoints and accepted client authentication methods. */
  discover: { request: { issuer: string }; response: ProviderMetadata };
  /** The Errors view: failed exchanges of this browser session, newest first (at most 200). */
  listErrors: { request: void; response: ErrorEntry[] };
  /** The list was opened: the toolbar badge stops counting these. */
  markErrorsSeen: { request: void; response: null };
  clearErrors: { request: void; response: null };
  /** The traffic watcher: which hosts are watched, whether it is paused, whether listeners are on. */
  getWatch: { request: void; response: WatchState };
  /** Called after the popup obtained the host's permission (only a click may ask for it). */
  addWatch: { request: { pattern: string }; response: WatchState };
  /** Stops watching the host and gives its permission back (and webRequest, when nothing is left). */
  removeWatch: { request: { pattern: string }; response: WatchState };
  setWatchPaused: { request: { paused: boolean }; response: WatchState };
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
};

export type WatchState = { patterns: string[]; paused: boolean; active: boolean };

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

export type Message<K extends MessageType = MessageType> = { type: K; payload: RequestOf<K> };

/** Errors cross the boundary as data: browsers serialise thrown errors differently. */
export type Reply<K extends MessageType = MessageType> =
  | { ok: true; value: ResponseOf<K> }
  /** `unreachableUrl`: the request got no response at all, so the popup can offer that host's permission. */
  | { ok: false; error: string; unreachableUrl?: string };

export type Handlers = { [K in MessageType]: (payload: RequestOf<K>) => Promise<ResponseOf<K>> };

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

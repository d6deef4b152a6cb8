import { isRecord } from '../lib/is-record';
import { matchesHostPattern, type HostPattern } from '../access/host-pattern';
import type { ErrorEntry } from '../diagnose/error-entry';
import { redactResponse } from '../redact/redact';
import { captureRequest, type CapturedBody } from './capture-request';
import { codeInRedirect, emptyLedger, historyForCodeExchange, isAuthorizationRequest, noteAuthorizationRequest, noteCodeIssued, noteCodeRedeemed, type EvidenceLedger } from './evidence-ledger';
import { hashCode } from './hash-code';
import { headerRecord } from './header-record';
import { isTokenRequest, isWatchedFailure } from './is-watched-failure';
import type { PendingRequest, TrafficEvent, TrafficState, TrafficStep } from './traffic-event';

// A navigation cancelled by the page or the user is no failure worth listing (Chromium's and Firefox's words).
const ABORTED = /ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/;

export function startTraffic(patterns?: HostPattern[], ledger: EvidenceLedger = emptyLedger()): TrafficState {
  return { ...(patterns ? { patterns } : {}), ledger, pending: {}, seen: { requests: 0 } };
}

/**
 * The watcher's judgement, one event at a time: what it remembers of the flows it sees (in the
 * evidence ledger shared with the flow runner) and the failures worth listing, each with what the
 * ledger knew of its code and redirect_uri. Pure: the same events give the same entries, whoever
 * saw them. Requests are redacted as they are taken in, responses when an entry is made.
 */
export function judgeTraffic(state: TrafficState, event: TrafficEvent): TrafficStep {
  // Events come from browsers and files: one of another shape changes nothing.
  if (!isEvent(event)) return unchanged(state);
  switch (event.kind) {
    case 'request':
      return { state: takeRequest(state, event), entries: [] };
    case 'request-headers': {
      const known = pendingOf(state, event.id);
      if (!known) return unchanged(state);
      const headers = captureRequest(known.request.method, known.request.url, event.headers, undefined).headers;
      // What the request already held (a form's Content-Type) stays.
      const request = { ...known.request, headers: { ...headers, ...known.request.headers } };
      return { state: withPending(state, event.id, { ...known, request }), entries: [] };
    }
    case 'redirect': {
      const known = pendingOf(state, event.id);
      if (!known) return unchanged(state);
      let ledger = state.ledger;
      const code = codeInRedirect(ledger, event.location);
      if (code) ledger = noteCodeIssued(ledger, hashCode(code.code), event.at, code.redirectUriAtAuthorization);
      // The location given replaces a Location among the headers (webRequest's and HAR's hold one): not joined to it.
      const headers = Object.entries(headerRecord(event.headers)).filter(([name]) => name.toLowerCase() !== 'location');
      const finished = finish({ ...state, ledger }, event.id, event.status, headerRecord([...headers, ['Location', event.location]]), undefined);
      // The same id goes on to the redirect's target: that hop is watched in its turn.
      if (!watched(finished.state, event.location)) return finished;
      const next: PendingRequest = { request: captureRequest('GET', event.location, undefined, undefined), at: known.at };
      return { state: withPending(finished.state, event.id, next), entries: finished.entries };
    }
    case 'response':
      return finish(state, event.id, event.status, headerRecord(event.headers), event.body);
    case 'failure':
      if (ABORTED.test(event.error)) return { state: withPending(state, event.id, undefined), entries: [] };
      return finish(state, event.id, 0, {}, `(no response: ${event.error})`, true);
  }
}

function isEvent(event: unknown): event is TrafficEvent {
  if (!isRecord(event) || typeof event.id !== 'string') return false;
  const text = (...names: string[]) => names.every((name) => typeof event[name] === 'string');
  const status = typeof event.status === 'number' && Number.isFinite(event.status);
  const body = event.body === undefined || typeof event.body === 'string' || isRecord(event.body);
  switch (event.kind) {
    case 'request':
      return text('at', 'method', 'url') && body;
    case 'request-headers':
      return true;
    case 'redirect':
      return text('at', 'location') && status;
    case 'response':
      return status && (event.body === undefined || typeof event.body === 'string');
    case 'failure':
      return text('error');
    default:
      return false;
  }
}

/** Whether a source should read this answer's body (it costs a copy): errors, and whatever answers a token request. */
export function wantsBody(state: TrafficState, id: string, status: number): boolean {
  const known = pendingOf(state, id);
  return known !== undefined && (status >= 400 || isTokenRequest(known.request));
}

function takeRequest(state: TrafficState, event: Extract<TrafficEvent, { kind: 'request' }>): TrafficState {
  if (!watched(state, event.url)) return state;
  const form = formOf(event.body);
  const code = form.get('grant_type') === 'authorization_code' ? form.get('code') : null;
  const redirectUri = form.get('redirect_uri');
  const pending: PendingRequest = {
    request: captureRequest(event.method, event.url, event.headers, event.body),
    at: event.at,
    ...(code ? { code: { hash: hashCode(code), ...(redirectUri !== null ? { redirectUri } : {}) } } : {}),
  };
  const ledger = event.method.toUpperCase() === 'GET' && isAuthorizationRequest(event.url) ? noteAuthorizationRequest(state.ledger, event.url, event.at, 'watcher') : state.ledger;
  return { ...withPending(state, event.id, pending), ledger, seen: { requests: state.seen.requests + 1, lastAt: event.at } };
}

/** The request `id` got its answer (status 0: none): its code counts as redeemed, and a failure becomes an entry. */
function finish(state: TrafficState, id: string, status: number, headers: Record<string, string>, body: string | undefined, noAnswer = false): TrafficStep {
  const known = pendingOf(state, id);
  if (!known) return unchanged(state);
  let ledger = state.ledger;
  const history = known.code ? historyForCodeExchange(ledger, known.code.hash, known.code.redirectUri) : undefined;
  // Only a request the server answered has used the code.
  if (known.code && status !== 0) ledger = noteCodeRedeemed(ledger, known.code.hash, known.at, 'watcher');
  const next = { ...withPending(state, id, undefined), ledger };
  const response = { status, headers, body: body ?? '' };
  const exchange = { request: known.request, response };
  if (!isWatchedFailure(exchange)) return { state: next, entries: [] };
  const entry: ErrorEntry = {
    id: `watch-${id}-${known.at}`,
    at: known.at,
    source: 'watcher',
    exchange: { request: known.request, response: redactResponse(response) },
    ...(history ? { history } : {}),
    ...(body === undefined && !noAnswer ? { bodyUnavailable: true } : {}),
    seen: false,
  };
  return { state: next, entries: [entry] };
}

function watched(state: TrafficState, url: string): boolean {
  return state.patterns === undefined || state.patterns.some((pattern) => matchesHostPattern(url, pattern));
}

function pendingOf(state: TrafficState, id: string): PendingRequest | undefined {
  return Object.hasOwn(state.pending, id) ? state.pending[id] : undefined;
}

function withPending(state: TrafficState, id: string, entry: PendingRequest | undefined): TrafficState {
  const pending = { ...state.pending };
  if (entry) Object.defineProperty(pending, id, { value: entry, enumerable: true, writable: true, configurable: true });
  else delete pending[id];
  return { ...state, pending };
}

function unchanged(state: TrafficState): TrafficStep {
  return { state, entries: [] };
}

/** The form fields of a request body, as webRequest gives them or as text. */
function formOf(body: CapturedBody | string | undefined): URLSearchParams {
  if (typeof body === 'string') return new URLSearchParams(body);
  const params = new URLSearchParams();
  const fields = body && typeof body === 'object' && body.formData && typeof body.formData === 'object' ? body.formData : {};
  for (const [name, values] of Object.entries(fields)) for (const value of Array.isArray(values) ? values : []) if (typeof value === 'string') params.append(name, value);
  return params;
}


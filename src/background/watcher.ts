import browser, { type WebRequest } from 'webextension-polyfill';
import {
  captureRequest,
  codeInRedirect,
  emptyWatchLedger,
  encodeBase64,
  historyForCodeExchange,
  isAuthorizationRequest,
  isTokenRequest,
  isWatchedFailure,
  matchesHostPattern,
  originsOf,
  parseHostPatterns,
  noteAuthorizationRequest,
  noteCodeIssued,
  noteCodeRedeemed,
  redactExchange,
  STORAGE_BUDGET,
  utf8,
  type CapturedBody,
  type FlowHistory,
  type HostPattern,
  type HttpRequest,
  type WatchLedger,
} from '../core';
import type { ErrorLog } from './error-log';
import { serial } from './serial';
import { readStored } from './stored';
import type { WatchSettings } from './watch-settings';

const LEDGER = 'watchLedger';
/** Bodies read in Firefox: as much as any stored body may keep. */
const BODY_LIMIT = STORAGE_BUDGET.body;
// A navigation cancelled by the page or the user is no failure worth listing.
const ABORTED = /ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/;
const BODY_WAIT_MS = 3000;

type Pending = {
  request: HttpRequest;
  at: string;
  /** For a code exchange: the code's hash and the redirect_uri sent, to judge it against the ledger. */
  codeExchange?: Promise<{ codeHash: string; redirectUri?: string }>;
  body?: Promise<string | undefined>;
};

type Listeners = {
  beforeRequest: (details: WebRequest.OnBeforeRequestDetailsType) => void;
  sendHeaders: (details: WebRequest.OnSendHeadersDetailsType) => void;
  headersReceived: (details: WebRequest.OnHeadersReceivedDetailsType) => void;
  beforeRedirect: (details: WebRequest.OnBeforeRedirectDetailsType) => void;
  completed: (details: WebRequest.OnCompletedDetailsType) => void;
  errorOccurred: (details: WebRequest.OnErrorOccurredDetailsType) => void;
};

/**
 * Watches the developer's own traffic on the hosts they chose, and puts every failure in the
 * error log with what the browser saw of the flow around it. Listeners exist only while
 * something is watched and watching is not paused. Requests are redacted as they are captured.
 */
export function createWatcher(errors: ErrorLog, session: browser.Storage.StorageArea = browser.storage.session) {
  let patterns: HostPattern[] = [];
  let listeners: Listeners | undefined;
  const pending = new Map<string, Pending>();
  const ledgerQueue = serial();
  // What reached the listeners, so that the Watch tab never says "watching" of events that do not arrive.
  const seen: { requests: number; since: string; lastAt?: string } = { requests: 0, since: new Date().toISOString() };

  const watched = (url: string) => patterns.some((pattern) => matchesHostPattern(url, pattern));
  // The extension's own requests (flows, discovery for planning) are recorded by the flow runner,
  // not watched: they are the developer's tool, not their app. Chromium names the initiator, Firefox the origin URL.
  const ownOrigin = browser.runtime.getURL('');
  const ownRequest = (details: { initiator?: string; originUrl?: string }) => `${details.initiator ?? details.originUrl ?? ''}/`.startsWith(ownOrigin);
  const sha256 = async (text: string) => encodeBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))), 'url');
  const updateLedger = (change: (ledger: WatchLedger) => WatchLedger | Promise<WatchLedger>) => {
    return ledgerQueue(async () => {
      const ledger = await readStored(session, LEDGER, emptyWatchLedger());
      const changed = await change(ledger);
      if (changed !== ledger) await session.set({ [LEDGER]: changed });
      return changed;
    });
  };

  async function finish(requestId: string, status: number, headers: WebRequest.HttpHeaders | undefined, failure?: string): Promise<void> {
    const seen = pending.get(requestId);
    pending.delete(requestId);
    if (!seen) return;
    const body = (seen.body && (await withinBodyWait(seen.body))) ?? (failure ? `(no response: ${failure})` : '');
    const response = { status, headers: headerRecord(headers), body };
    let history: FlowHistory | undefined;
    const code = seen.codeExchange ? await seen.codeExchange : undefined;
    if (code) {
      // One read of the ledger: what it knew before this request, then this redemption noted
      // (only a request the server answered has used the code).
      await updateLedger((ledger) => {
        history = historyForCodeExchange(ledger, code.codeHash, code.redirectUri);
        return status !== 0 ? noteCodeRedeemed(ledger, code.codeHash, seen.at) : ledger;
      });
    }
    const exchange = { request: seen.request, response };
    if (!isWatchedFailure(exchange)) return;
    await errors.record({
      id: `watch-${requestId}-${seen.at}`,
      at: seen.at,
      source: 'watcher',
      exchange: redactExchange(exchange),
      ...(history ? { history } : {}),
      ...(seen.body === undefined && status !== 0 ? { bodyUnavailable: true } : {}),
      seen: false,
    });
  }

  function create(): Listeners {
    const canReadBodies = typeof browser.webRequest.filterResponseData === 'function';
    return {
      beforeRequest(details) {
        if (!watched(details.url) || ownRequest(details)) return;
        const at = new Date(details.timeStamp).toISOString();
        // Both browsers give each form field as an array of values; the polyfill's types say otherwise.
        const body = (details.requestBody ?? undefined) as CapturedBody | undefined;
        const request = captureRequest(details.method, details.url, undefined, body);
        const form = body?.formData;
        const entry: Pending = { request, at };
        seen.requests++;
        seen.lastAt = at;
        const grant = form?.grant_type?.[0];
        const code = form?.code?.[0];
        if (grant === 'authorization_code' && code) {
          const redirectUri = form?.redirect_uri?.[0];
          entry.codeExchange = sha256(code).then((codeHash) => ({ codeHash, ...(redirectUri !== undefined ? { redirectUri } : {}) }));
        }
        // Only an authorization request touches the ledger: a watched page's other GETs cost no storage read.
        if (details.method === 'GET' && isAuthorizationRequest(details.url)) void updateLedger((ledger) => noteAuthorizationRequest(ledger, details.url, at));
        pending.set(details.requestId, entry);
      },
      sendHeaders(details) {
        const entry = pending.get(details.requestId);
        if (!entry) return;
        const headers = captureRequest(details.method, details.url, details.requestHeaders, undefined).headers;
        if (headers) entry.request = { ...entry.request, headers: { ...headers, ...entry.request.headers } };
      },
      headersReceived(details) {
        // Firefox only: read the body of errors and of token responses, passing every byte on unchanged.
        const entry = pending.get(details.requestId);
        if (!entry || !canReadBodies) return;
        if (details.statusCode < 400 && !isTokenRequest(entry.request)) return;
        entry.body = readBody(browser.webRequest.filterResponseData(details.requestId));
      },
      beforeRedirect(details) {
        if (!pending.has(details.requestId)) return;
        const at = new Date(details.timeStamp).toISOString();
        if (/[?&]code=/.test(details.redirectUrl)) {
          const location = details.redirectUrl;
          void updateLedger(async (ledger) => {
            const code = codeInRedirect(ledger, location);
            return code ? noteCodeIssued(ledger, await sha256(code.code), at, code.redirectUriAtAuthorization) : ledger;
          });
        }
        const headers = [...(details.responseHeaders ?? []), { name: 'Location', value: details.redirectUrl }];
        const requestId = details.requestId;
        const seen = pending.get(requestId)!;
        // The same request id goes on to the redirect target: finish this hop, keep watching the next.
        void finish(requestId, details.statusCode, headers);
        if (watched(details.redirectUrl)) pending.set(requestId, { request: { method: 'GET', url: details.redirectUrl }, at: seen.at });
      },
      completed(details) {
        finish(details.requestId, details.statusCode, details.responseHeaders).catch((error: unknown) => console.warn('OAuth Lens watcher:', (error as Error).message));
      },
      errorOccurred(details) {
        if (ABORTED.test(details.error)) {
          pending.delete(details.requestId);
          return;
        }
        void finish(details.requestId, 0, undefined, details.error);
      },
    };
  }

  // Until the settings are read, events wait: a Chrome service worker woken by a request must
  // have its listeners registered synchronously, before it can know which hosts are watched.
  let loaded = false;
  const waiting: (() => void)[] = [];
  const whenLoaded =
    <T>(handle: (details: T) => void) =>
    (details: T): void => {
      if (loaded) handle(details);
      else waiting.push(() => handle(details));
    };

  /** The URLs the listeners are registered for: every URL at start-up, then the watched hosts' origins. */
  let registeredFor = '';
  /** Listener sets being replaced, kept until the browser surely knows their successors. */
  const retiring = new Set<Listeners>();
  /** While two sets overlap, an event reaches both: handled once, by whichever comes first. */
  const handled = new Set<string>();
  const once =
    <T extends { requestId: string; timeStamp: number }>(kind: string, handle: (details: T) => void) =>
    (details: T): void => {
      if (retiring.size > 0) {
        const key = `${kind} ${details.requestId} ${details.timeStamp}`;
        if (handled.has(key)) return;
        handled.add(key);
      }
      handle(details);
    };

  function register(urls: string[]): void {
    if (listeners && registeredFor === urls.join(' ')) return;
    if (!browser.webRequest) return detach();
    const previous = listeners;
    registeredFor = urls.join(' ');
    const own = create();
    listeners = {
      beforeRequest: once('beforeRequest', whenLoaded(own.beforeRequest)),
      sendHeaders: once('sendHeaders', whenLoaded(own.sendHeaders)),
      headersReceived: once('headersReceived', own.headersReceived),
      beforeRedirect: once('beforeRedirect', whenLoaded(own.beforeRedirect)),
      completed: once('completed', whenLoaded(own.completed)),
      errorOccurred: once('errorOccurred', whenLoaded(own.errorOccurred)),
    };
    // The browser filters by origin before it wakes the worker; watched() then narrows by port.
    const filter = { urls };
    const webRequest = browser.webRequest;
    webRequest.onBeforeRequest.addListener(listeners.beforeRequest, filter, ['requestBody']);
    webRequest.onSendHeaders.addListener(listeners.sendHeaders, filter, ['requestHeaders']);
    if (typeof webRequest.filterResponseData === 'function') webRequest.onHeadersReceived.addListener(listeners.headersReceived, filter, ['blocking', 'responseHeaders']);
    webRequest.onBeforeRedirect.addListener(listeners.beforeRedirect, filter, ['responseHeaders']);
    webRequest.onCompleted.addListener(listeners.completed, filter, ['responseHeaders']);
    webRequest.onErrorOccurred.addListener(listeners.errorOccurred, filter);
    if (!previous) return;
    // Requests under way must not lose an event: the browser picks an event's listeners when it
    // sends it, so one sent before it learnt of the new set is addressed to the old one alone.
    // Any answer from the browser comes after it has learnt of them; only then the old set goes.
    retiring.add(previous);
    const retire = () => {
      if (!retiring.delete(previous)) return;
      removeListeners(previous);
      if (retiring.size === 0) handled.clear();
    };
    browser.runtime.getPlatformInfo().then(retire, retire);
  }

  function unregister(): void {
    detach();
    pending.clear();
  }

  function detach(): void {
    for (const old of retiring) removeListeners(old);
    retiring.clear();
    handled.clear();
    if (listeners) removeListeners(listeners);
    listeners = undefined;
  }

  function removeListeners(set: Listeners): void {
    const webRequest = browser.webRequest;
    if (!webRequest) return;
    webRequest.onBeforeRequest.removeListener(set.beforeRequest);
    webRequest.onSendHeaders.removeListener(set.sendHeaders);
    webRequest.onHeadersReceived.removeListener(set.headersReceived);
    webRequest.onBeforeRedirect.removeListener(set.beforeRedirect);
    webRequest.onCompleted.removeListener(set.completed);
    webRequest.onErrorOccurred.removeListener(set.errorOccurred);
  }

  return {
    /**
     * At start-up, synchronously: listeners exist at once if the browser already lets the
     * extension watch (the webRequest permission is held only while something is watched).
     */
    start(settings: Promise<WatchSettings>): void {
      // Before the list is read, every URL: the event that woke the worker must not be missed.
      register(['<all_urls>']);
      settings.then(
        (value) => this.apply(value),
        () => this.apply({ patterns: [], paused: false }),
      );
    },
    /** Applies the settings: listeners on the chosen hosts, or none at all. */
    apply(settings: WatchSettings): void {
      patterns = settings.paused ? [] : parseHostPatterns(settings.patterns);
      if (patterns.length === 0) unregister();
      else register(originsOf(patterns));
      loaded = true;
      for (const replay of waiting.splice(0)) replay();
    },
    get active(): boolean {
      return listeners !== undefined;
    },
    /** Requests of watched hosts seen since this background started (a copy). */
    get seen() {
      return { ...seen };
    },
  };
}

export type Watcher = ReturnType<typeof createWatcher>;

/** A body that never finishes (a stream left open) must not keep the error out of the list. */
async function withinBodyWait(body: Promise<string | undefined>): Promise<string | undefined> {
  let timer: number | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, BODY_WAIT_MS)));
  try {
    return await Promise.race([body, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function headerRecord(headers: WebRequest.HttpHeaders | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of headers ?? []) {
    if (value === undefined) continue;
    record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  }
  return record;
}

/** Passes the response through untouched while keeping a copy of its first BODY_LIMIT bytes. */
function readBody(filter: WebRequest.StreamFilter): Promise<string | undefined> {
  return new Promise((resolve) => {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    let size = 0;
    filter.ondata = (event) => {
      filter.write(event.data);
      if (size < BODY_LIMIT) text += decoder.decode(event.data.slice(0, BODY_LIMIT - size), { stream: true });
      size += event.data.byteLength;
    };
    filter.onstop = () => {
      filter.close();
      resolve(text + decoder.decode());
    };
    filter.onerror = () => resolve(undefined);
  });
}

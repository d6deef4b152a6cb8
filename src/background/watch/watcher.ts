import browser from 'webextension-polyfill';
import { judgeTraffic, originsOf, parseHostPatterns, startTraffic, wantsBody, type CapturedBody, type TrafficEvent } from '../../core';
import type { ErrorLog } from '../error-log';
import type { EvidenceStore } from '../evidence-store';
import { canReadBodies, readResponseBody } from './read-response-body';
import type { WatchSettings } from './watch-settings';
import { webRequestListeners, type Listeners } from './web-request-listeners';

/**
 * Watches the developer's own traffic on the hosts they chose: webRequest's events, turned into
 * the source-neutral events the core judges (`judgeTraffic`), whose entries go to the error log.
 * The judgement, the redaction and the evidence are the core's; this file only listens.
 * Listeners exist only while something is watched and watching is not paused.
 */
export function createWatcher(errors: ErrorLog, evidence: EvidenceStore) {
  let state = startTraffic([]);
  const since = new Date().toISOString();
  const bodies = new Map<string, Promise<string | undefined>>();
  // The extension's own requests (flows, discovery for planning) are recorded by the flow runner,
  // not watched: they are the developer's tool, not their app. Chromium names the initiator, Firefox the origin URL.
  const ownOrigin = browser.runtime.getURL('');
  const ownRequest = (details: { initiator?: string; originUrl?: string }) => `${details.initiator ?? details.originUrl ?? ''}/`.startsWith(ownOrigin);
  const at = (timeStamp: number) => new Date(timeStamp).toISOString();

  function feed(event: TrafficEvent): void {
    let entries: ReturnType<typeof judgeTraffic>['entries'] = [];
    const saved = evidence.change((ledger) => {
      const step = judgeTraffic({ ...state, ledger }, event);
      state = step.state;
      entries = step.entries;
      return step.state.ledger;
    });
    for (const entry of [saved, ...entries.map((entry) => errors.record(entry))]) entry.catch((error: unknown) => console.warn('OAuth Lens watcher:', (error as Error).message));
  }

  /** The answer, once its body (Firefox, when it was worth reading) is in. */
  async function answer(id: string, status: number, headers: { name: string; value?: string }[] | undefined): Promise<void> {
    const reading = bodies.get(id);
    bodies.delete(id);
    const body = reading ? await reading : undefined;
    feed({ kind: 'response', id, status, headers, ...(body !== undefined ? { body } : {}) });
  }

  // Until the settings and the ledger are read, events wait: a Chrome service worker woken by a
  // request must have its listeners registered synchronously, before it can know which hosts are watched.
  let settingsApplied = false;
  let ledgerRead = false;
  const waiting: (() => void)[] = [];
  const whenLoaded =
    <T>(handle: (details: T) => void) =>
    (details: T): void =>
      void (settingsApplied && ledgerRead ? handle(details) : waiting.push(() => handle(details)));
  const replay = () => {
    if (settingsApplied && ledgerRead) for (const event of waiting.splice(0)) event();
  };

  // Requests whose current hop the judgement has been told of. A call whose body and headers are
  // not read (web-request-listeners.ts) is first seen when it is redirected, answered or fails.
  const seen = new Set<string>();
  type Seen = { requestId: string; timeStamp: number; method: string; url: string; initiator?: string; originUrl?: string };
  /** Tells the judgement of the request's hop, with what this event holds of it. */
  const tell = (d: Seen, what: { body?: CapturedBody; headers?: { name: string; value?: string }[] } = {}): void => {
    seen.add(d.requestId);
    feed({ kind: 'request', id: d.requestId, at: at(d.timeStamp), method: d.method, url: d.url, ...what });
  };
  /** Whether the request is told of (now, if it was not): false for the extension's own. */
  const told = (d: Seen): boolean => {
    if (seen.has(d.requestId)) return true;
    if (ownRequest(d)) return false;
    tell(d);
    return true;
  };
  const listeners = webRequestListeners(
    (): Listeners => ({
      beforeRequest: whenLoaded((d) => {
        if (ownRequest(d)) return;
        // Both browsers give each form field as an array of values; the polyfill's types say otherwise.
        tell(d, d.requestBody ? { body: d.requestBody as CapturedBody } : {});
      }),
      sendHeaders: whenLoaded((d) => {
        if (seen.has(d.requestId)) return feed({ kind: 'request-headers', id: d.requestId, headers: d.requestHeaders ?? [] });
        if (!ownRequest(d)) tell(d, { headers: d.requestHeaders ?? [] });
      }),
      // Synchronous, unlike the others: filterResponseData works only from within the event.
      headersReceived: (d) => {
        if (canReadBodies() && wantsBody(state, d.requestId, d.statusCode)) bodies.set(d.requestId, readResponseBody(d.requestId));
      },
      beforeRedirect: whenLoaded((d) => {
        if (!told(d)) return;
        // The next hop is a request of its own, told of again.
        seen.delete(d.requestId);
        feed({ kind: 'redirect', id: d.requestId, at: at(d.timeStamp), status: d.statusCode, headers: d.responseHeaders ?? [], location: d.redirectUrl });
      }),
      completed: whenLoaded((d) => {
        if (!told(d)) return;
        seen.delete(d.requestId);
        void answer(d.requestId, d.statusCode, d.responseHeaders);
      }),
      errorOccurred: whenLoaded((d) => {
        if (!told(d)) return;
        seen.delete(d.requestId);
        feed({ kind: 'failure', id: d.requestId, error: d.error });
      }),
    }),
  );

  return {
    /**
     * At start-up, synchronously: listeners exist at once if the browser already lets the
     * extension watch (the webRequest permission is held only while something is watched).
     */
    start(settings: Promise<WatchSettings>): void {
      // Before the list is read, every URL: the event that woke the worker must not be missed.
      listeners.register(['<all_urls>']);
      settings.then(
        (value) => this.apply(value),
        () => this.apply({ patterns: [], paused: false }),
      );
      void evidence.read().then(() => ((ledgerRead = true), replay()));
    },
    /** Applies the settings: listeners on the chosen hosts, or none at all. */
    apply(settings: WatchSettings): void {
      const patterns = settings.paused ? [] : parseHostPatterns(settings.patterns);
      state = { ...state, patterns };
      if (patterns.length === 0) {
        listeners.detach();
        state = { ...state, pending: {} };
        bodies.clear();
        seen.clear();
      } else listeners.register(originsOf(patterns));
      settingsApplied = true;
      replay();
    },
    get active(): boolean {
      return listeners.active;
    },
    /** Requests of watched hosts seen since this background started. */
    get seen() {
      return { requests: state.seen.requests, since, ...(state.seen.lastAt ? { lastAt: state.seen.lastAt } : {}) };
    },
  };
}

export type Watcher = ReturnType<typeof createWatcher>;

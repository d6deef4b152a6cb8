import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explainExchange, hashCode, noteCodeRedeemed, type ErrorEntry } from '../../../src/core';
import { memoryArea } from './fakes/memory-area';

// The watcher adapter, driven as Chromium drives it: webRequest events (no response bodies), to
// listeners the adapter registered itself, over a fake of the API's shape and a real evidence
// store. The judgement is judgeTraffic's (test/unit/core/traffic/judge-traffic.test.ts); this
// checks the wiring: what is listened to, what reaches the error log, what is skipped.
type Listener = (details: Record<string, unknown>) => void;
const webRequest = vi.hoisted(() => {
  const event = () => {
    const listeners = new Map<Listener, { urls: string[]; types?: string[] }>();
    return {
      listeners,
      addListener: (fn: Listener, filter: { urls: string[]; types?: string[] }) => void listeners.set(fn, filter),
      removeListener: (fn: Listener) => void listeners.delete(fn),
      // As the browser does: to the listeners whose filter the request matches.
      fire: (details: Record<string, unknown>) =>
        [...listeners.entries()].filter(([, filter]) => matchesFilter(filter, details)).forEach(([fn]) => fn(details)),
    };
  };
  /** A match pattern as the browsers read one: `*` any run of characters, the port not part of it. */
  const matchesFilter = (filter: { urls: string[]; types?: string[] }, details: Record<string, unknown>) => {
    const url = new URL(String(details.url));
    const plain = `${url.protocol}//${url.hostname}${url.pathname}${url.search}`;
    const type = String(details.type ?? 'xmlhttprequest');
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return (!filter.types || filter.types.includes(type)) && filter.urls.some((pattern) => pattern === '<all_urls>' || glob(pattern).test(plain));
  };
  return {
    onBeforeRequest: event(),
    onSendHeaders: event(),
    onHeadersReceived: event(),
    onBeforeRedirect: event(),
    onCompleted: event(),
    onErrorOccurred: event(),
  };
});
vi.mock('webextension-polyfill', () => ({
  default: {
    webRequest,
    runtime: { getURL: () => 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp/', getPlatformInfo: async () => ({ os: 'linux' }) },
  },
}));
const { createWatcher } = await import('../../../src/background/watch/watcher');
const { evidenceStore } = await import('../../../src/background/evidence-store');

const APP = 'http://127.0.0.1:3000';
const TOKEN = 'http://127.0.0.1:9000/token';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
let id = 0;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function watching(patterns = ['127.0.0.1']) {
  const recorded: ErrorEntry[] = [];
  const evidence = evidenceStore(memoryArea().area);
  const watcher = createWatcher({ record: async (entry: ErrorEntry) => void recorded.push(entry) } as never, evidence);
  watcher.start(Promise.resolve({ patterns, paused: false }));
  return { watcher, recorded, evidence };
}

/** The app's backend redeeming a code, answered `status` (Chromium gives no body). */
function redeem(status: number, extra: Record<string, unknown> = {}) {
  const requestId = String(++id);
  const at = { timeStamp: Date.parse('2026-12-01T10:00:00Z') + id * 1000 };
  const request = { requestId, ...at, method: 'POST', url: TOKEN, initiator: APP, type: 'xmlhttprequest', ...extra };
  webRequest.onBeforeRequest.fire({ ...request, requestBody: { formData: { grant_type: ['authorization_code'], code: [CODE], redirect_uri: [`${APP}/cb`] } } });
  webRequest.onSendHeaders.fire({ ...request, requestHeaders: [{ name: 'Authorization', value: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' }] });
  webRequest.onCompleted.fire({ ...request, statusCode: status, responseHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
}

describe('the watcher adapter', () => {
  beforeEach(() => Object.values(webRequest).forEach((event) => event.listeners.clear()));

  it('listens on the watched origins once the settings are read, and on nothing when nothing is watched', async () => {
    const { watcher } = watching();
    // At once, before the settings are known: every URL, so the event that woke the worker is not missed.
    expect([...webRequest.onCompleted.listeners.values()].map((f) => f.urls)).toEqual([['<all_urls>']]);
    await settle();
    expect([...webRequest.onCompleted.listeners.values()].at(-1)?.urls).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
    // Navigations and fetches wake the worker; a page's images, scripts and fonts do not.
    const types = [...webRequest.onCompleted.listeners.values()].at(-1)?.types;
    expect(types).toEqual(expect.arrayContaining(['main_frame', 'xmlhttprequest']));
    for (const asset of ['image', 'script', 'stylesheet', 'font', 'media']) expect(types).not.toContain(asset);
    // The body and the request headers: of navigations, and of calls to OAuth endpoints' paths alone.
    for (const event of [webRequest.onBeforeRequest, webRequest.onSendHeaders]) {
      expect([...event.listeners.values()]).toEqual([
        { urls: ['http://127.0.0.1/*', 'https://127.0.0.1/*'], types: ['main_frame', 'sub_frame'] },
        { urls: expect.arrayContaining(['http://127.0.0.1/*token*', 'https://127.0.0.1/*auth*']), types: ['xmlhttprequest', 'other'] },
      ]);
    }
    expect(watcher.active).toBe(true);
    watcher.apply({ patterns: [], paused: false });
    expect(webRequest.onBeforeRequest.listeners.size).toBe(0);
    expect(watcher.active).toBe(false);
  });

  it('a code redeemed twice by the app: the second failure goes to the error log, named a reuse, redacted', async () => {
    const { recorded, watcher } = watching();
    await settle();
    redeem(200);
    redeem(400);
    await settle();
    expect(recorded).toHaveLength(1);
    const [entry] = recorded;
    expect(entry).toMatchObject({ source: 'watcher', bodyUnavailable: true, history: { codeHash: hashCode(CODE) } });
    expect(entry!.history?.codeFirstRedeemedAt).toBe('2026-12-01T10:00:01.000Z');
    expect(explainExchange(entry!.exchange, entry!.history, { bodyUnavailable: true })?.category).toBe('code_reused');
    expect(JSON.stringify(entry)).not.toContain(CODE);
    expect(JSON.stringify(entry)).not.toContain('czZCaGRSa3F0MzpnWDFmQmF0M2JW');
    expect(watcher.seen.requests).toBe(2);
  });

  it('a code a flow run redeemed, sent again by the app, is named reused: one ledger for both', async () => {
    const { recorded, evidence } = watching();
    await settle();
    await evidence.update((ledger) => noteCodeRedeemed(ledger, hashCode(CODE), '2026-12-01T09:59:00.000Z', 'flow'));
    redeem(400);
    await settle();
    expect(recorded[0]?.history?.codeFirstRedeemedAt).toBe('2026-12-01T09:59:00.000Z');
  });

  it('events that come before the settings and the ledger are read are judged once they are', async () => {
    const { recorded } = watching();
    redeem(500);
    expect(recorded).toEqual([]);
    await settle();
    expect(recorded.map((e) => e.exchange.response?.status)).toEqual([500]);
  });

  it("skips the extension's own requests (its flows are recorded by the flow runner)", async () => {
    const { recorded, watcher } = watching();
    await settle();
    redeem(400, { initiator: 'chrome-extension://fbbjkefjbkdnfcpjagbdjleagpgcfdjp' });
    await settle();
    expect(recorded).toEqual([]);
    expect(watcher.seen.requests).toBe(0);
  });

  it('an API call is seen once, when answered: its 401 is judged from its URL, status and challenge', async () => {
    const { recorded, watcher } = watching();
    await settle();
    const call = { requestId: String(++id), timeStamp: Date.parse('2026-12-01T10:05:00Z'), method: 'GET', url: `${APP}/api/items`, initiator: APP, type: 'xmlhttprequest' };
    webRequest.onBeforeRequest.fire(call);
    webRequest.onSendHeaders.fire({ ...call, requestHeaders: [{ name: 'Authorization', value: 'Bearer mF_9.B5f-4.1JqM' }] });
    expect(watcher.seen.requests).toBe(0);
    webRequest.onCompleted.fire({ ...call, statusCode: 401, responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }] });
    await settle();
    expect(watcher.seen.requests).toBe(1);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.exchange.request).toEqual({ method: 'GET', url: `${APP}/api/items` });
    expect(explainExchange(recorded[0]!.exchange, recorded[0]!.history, { bodyUnavailable: true })?.category).toBe('invalid_token');
  });

  it('a port narrows a watched host: another port of the same host is not watched', async () => {
    const { recorded, watcher } = watching(['127.0.0.1:3000']);
    await settle();
    redeem(400);
    await settle();
    expect(recorded).toEqual([]);
    expect(watcher.seen.requests).toBe(0);
  });
});

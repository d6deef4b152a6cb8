import browser from 'webextension-polyfill';
import { wantsHarBody } from '../core';

/**
 * devtools.network as the browsers give it, not through webextension-polyfill: the polyfill hands
 * listeners a proxy of each request whose fields do not spread or serialise, and its getContent
 * takes no callback. Chrome and Firefox both keep the callback forms in the `chrome` namespace.
 */
type Network = {
  getHAR(callback: (log: { entries?: unknown[] }) => void): void;
  onRequestFinished: { addListener(listener: (entry: unknown) => void): void; removeListener(listener: (entry: unknown) => void): void };
};
const network = () => (globalThis as unknown as { chrome: { devtools: { network: Network } } }).chrome.devtools.network;

/**
 * The inspected tab's requests as HAR entries, those before the panel opened first
 * (`devtools.network.getHAR()`), then each as it finishes (`onRequestFinished`). A body is fetched
 * (`getContent()`, a round trip each) only for what `wantsHarBody` says matters: OAuth requests
 * and failures. Returns a function that stops listening.
 */
export type InspectedTraffic = (onEntries: (entries: object[]) => void) => () => void;

/** A HAR entry as DevTools hands it: Chrome's carry `getContent(callback)`, Firefox's return a promise. */
type DevtoolsEntry = { response?: { content?: Record<string, unknown> }; getContent?: (callback?: (content: string | null, encoding: string | null) => void) => unknown };

const CONTENT_WAIT_MS = 5000;

export const inspectedTraffic: InspectedTraffic = (onEntries) => {
  let stopped = false;
  const withBodies = (entries: DevtoolsEntry[]) =>
    Promise.all(entries.map((entry) => (wantsHarBody(entry) ? withContent(entry) : Promise.resolve(plain(entry))))).then((read) => stopped || onEntries(read));
  const finished = (entry: unknown) => void withBodies([entry as DevtoolsEntry]);
  const devtools = network();
  devtools.onRequestFinished.addListener(finished);
  devtools.getHAR((log) => void withBodies((log?.entries ?? []) as DevtoolsEntry[]));
  return () => {
    stopped = true;
    devtools.onRequestFinished.removeListener(finished);
  };
};

/** The entry as data: DevTools' entries carry methods, which do not cross into the views' state. */
function plain(entry: DevtoolsEntry): object {
  const { getContent: _method, ...data } = entry;
  return JSON.parse(JSON.stringify(data)) as object;
}

function withContent(entry: DevtoolsEntry): Promise<object> {
  const copy = plain(entry) as { response?: { content?: Record<string, unknown> } };
  return contentOf(entry).then(([text, encoding]) => {
    if (text === null || !copy.response) return copy;
    copy.response.content = { ...copy.response.content, text, ...(encoding ? { encoding } : {}) };
    return copy;
  });
}

/**
 * The body, and `base64` when it came encoded. Chrome calls back with (content, encoding), the
 * encoding "" or "base64"; Firefox resolves with [content, mimeType] (MDN, devtools.network.
 * onRequestFinished), so a second value is an encoding only when it says base64.
 */
function contentOf(entry: DevtoolsEntry): Promise<[string | null, string | null]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([null, null]), CONTENT_WAIT_MS);
    const done = (content: unknown, second: unknown) => (clearTimeout(timer), resolve([typeof content === 'string' ? content : null, second === 'base64' ? 'base64' : null]));
    try {
      const answer = entry.getContent?.((content, encoding) => done(content, encoding));
      if (answer && typeof (answer as Promise<unknown>).then === 'function') {
        (answer as Promise<unknown>).then((read) => (Array.isArray(read) ? done(read[0], read[1]) : done(read, null)), () => done(null, null));
      } else if (!entry.getContent) done(null, null);
    } catch {
      done(null, null);
    }
  });
}

/**
 * Firefox tells a DevTools extension of requests only once its own Network panel has been opened
 * in that DevTools window: the panel says so while it has seen none.
 */
export const needsNetworkPanelOpened = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

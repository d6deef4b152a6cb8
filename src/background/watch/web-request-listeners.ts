import browser, { type WebRequest } from 'webextension-polyfill';
import { bodyWorthyUrls } from '../../core';

export type Listeners = {
  beforeRequest: (details: WebRequest.OnBeforeRequestDetailsType) => void;
  sendHeaders: (details: WebRequest.OnSendHeadersDetailsType) => void;
  /** Firefox only: registered blocking, to read bodies. */
  headersReceived: (details: WebRequest.OnHeadersReceivedDetailsType) => void;
  beforeRedirect: (details: WebRequest.OnBeforeRedirectDetailsType) => void;
  completed: (details: WebRequest.OnCompletedDetailsType) => void;
  errorOccurred: (details: WebRequest.OnErrorOccurredDetailsType) => void;
};

/**
 * What can carry an OAuth exchange or an API call: navigations (the authorization request and its
 * redirect, a form post), frames, fetch and XMLHttpRequest, and what the browser files as other.
 * Images, scripts, style sheets, fonts and media never do, and are most of a page's requests: the
 * browser does not wake the worker for them. The four names are ResourceType values in both
 * browsers (https://developer.chrome.com/docs/extensions/reference/api/webRequest#type-ResourceType,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/ResourceType);
 * a name one of them lacked would make addListener throw.
 */
export const WATCHED_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'] as const;
const NAVIGATIONS = ['main_frame', 'sub_frame'] as const;
const CALLS = ['xmlhttprequest', 'other'] as const;

type Event = { removeListener(listener: never): void };

/**
 * One set of webRequest listeners at a time, for the URLs given. Replacing the set must not lose
 * an event of a request under way: the browser picks an event's listeners when it sends it, so
 * one sent before it learnt of the new set is addressed to the old one alone. Both sets stay
 * until the browser answers anything (by then it knows the new one); meanwhile an event reaching
 * both is handled once.
 */
export function webRequestListeners(create: () => Listeners) {
  let current: Listeners | undefined;
  let registeredFor = '';
  const retiring = new Set<Listeners>();
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

  // Each set's registrations, to remove exactly those: a listener added under two filters is two functions.
  const added = new Map<Listeners, [Event, unknown][]>();
  function remove(set: Listeners): void {
    for (const [event, listener] of added.get(set) ?? []) event.removeListener(listener as never);
    added.delete(set);
  }

  function detach(): void {
    for (const old of retiring) remove(old);
    retiring.clear();
    handled.clear();
    if (current) remove(current);
    current = undefined;
  }

  return {
    get active(): boolean {
      return current !== undefined;
    },
    register(urls: string[]): void {
      if (current && registeredFor === urls.join(' ')) return;
      const webRequest = browser.webRequest;
      // The permission was given back: nothing can be listened to.
      if (!webRequest) return detach();
      const previous = current;
      registeredFor = urls.join(' ');
      const own = create();
      const set: Listeners = {
        beforeRequest: once('beforeRequest', own.beforeRequest),
        sendHeaders: once('sendHeaders', own.sendHeaders),
        headersReceived: once('headersReceived', own.headersReceived),
        beforeRedirect: once('beforeRedirect', own.beforeRedirect),
        completed: once('completed', own.completed),
        errorOccurred: once('errorOccurred', own.errorOccurred),
      };
      current = set;
      const registrations: [Event, unknown][] = [];
      added.set(set, registrations);
      const add = <L>(event: { addListener(listener: L, ...rest: never[]): void } & Event, listener: L, ...rest: unknown[]) => {
        // A fresh function per filter: the browser keeps one registration per function.
        const own = ((details: never) => (listener as (details: never) => void)(details)) as L;
        (event.addListener as (listener: L, ...rest: unknown[]) => void)(own, ...rest);
        registrations.push([event, own]);
      };
      // The browser filters by origin before it wakes the worker; the judgement narrows by port.
      const every = { urls, types: [...WATCHED_TYPES] };
      // A request's body is read where OAuth puts what it judges: navigations (authorization
      // requests, form posts) and calls to paths that name an OAuth endpoint. For any other call
      // (most of an app's traffic) the body is never evidence, and listening for it was most of
      // the watcher's cost: its URL and headers come with onSendHeaders.
      const bodyWorthy = [
        { urls, types: [...NAVIGATIONS] },
        { urls: bodyWorthyUrls(urls), types: [...CALLS] },
      ];
      for (const filter of bodyWorthy) add(webRequest.onBeforeRequest, set.beforeRequest, filter, ['requestBody']);
      // Each event a listener takes is a dispatch to the extension: in Chrome's service worker about
      // a tenth of a loopback request's time on the bench, twice the budget for a second event per
      // call, and in Firefox about the budget. An ordinary call is first seen when it is answered
      // (its URL, status and response headers); its request headers are not read.
      for (const filter of bodyWorthy) add(webRequest.onSendHeaders, set.sendHeaders, filter, ['requestHeaders']);
      // Firefox reads answers' bodies from within a blocking onHeadersReceived, which holds each
      // response until the worker answers: for the same requests alone.
      if (typeof webRequest.filterResponseData === 'function') for (const filter of bodyWorthy) add(webRequest.onHeadersReceived, set.headersReceived, filter, ['blocking', 'responseHeaders']);
      add(webRequest.onBeforeRedirect, set.beforeRedirect, every, ['responseHeaders']);
      add(webRequest.onCompleted, set.completed, every, ['responseHeaders']);
      add(webRequest.onErrorOccurred, set.errorOccurred, every);
      if (!previous) return;
      retiring.add(previous);
      const retire = () => {
        if (!retiring.delete(previous)) return;
        remove(previous);
        if (retiring.size === 0) handled.clear();
      };
      browser.runtime.getPlatformInfo().then(retire, retire);
    },
    detach,
  };
}

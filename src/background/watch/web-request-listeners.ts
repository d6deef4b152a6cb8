import browser, { type WebRequest } from 'webextension-polyfill';

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

  function remove(set: Listeners): void {
    const webRequest = browser.webRequest;
    if (!webRequest) return;
    webRequest.onBeforeRequest.removeListener(set.beforeRequest);
    webRequest.onSendHeaders.removeListener(set.sendHeaders);
    webRequest.onHeadersReceived.removeListener(set.headersReceived);
    webRequest.onBeforeRedirect.removeListener(set.beforeRedirect);
    webRequest.onCompleted.removeListener(set.completed);
    webRequest.onErrorOccurred.removeListener(set.errorOccurred);
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
      // The browser filters by origin before it wakes the worker; the judgement narrows by port.
      const filter = { urls, types: [...WATCHED_TYPES] };
      webRequest.onBeforeRequest.addListener(set.beforeRequest, filter, ['requestBody']);
      webRequest.onSendHeaders.addListener(set.sendHeaders, filter, ['requestHeaders']);
      if (typeof webRequest.filterResponseData === 'function') webRequest.onHeadersReceived.addListener(set.headersReceived, filter, ['blocking', 'responseHeaders']);
      webRequest.onBeforeRedirect.addListener(set.beforeRedirect, filter, ['responseHeaders']);
      webRequest.onCompleted.addListener(set.completed, filter, ['responseHeaders']);
      webRequest.onErrorOccurred.addListener(set.errorOccurred, filter);
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

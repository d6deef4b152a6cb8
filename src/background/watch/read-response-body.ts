import browser from 'webextension-polyfill';
import { STORAGE_BUDGET } from '../../core';

/** As much as any stored body may keep. */
const BODY_LIMIT = STORAGE_BUDGET.body;
/** A body that never finishes (a stream left open) must not keep the error out of the list. */
const BODY_WAIT_MS = 3000;

/** Whether this browser lets the watcher read response bodies (Firefox's filterResponseData). */
export const canReadBodies = () => typeof browser.webRequest?.filterResponseData === 'function';

/**
 * Firefox only: passes the response through untouched while keeping a copy of its first
 * BODY_LIMIT bytes. Resolves with that text, or undefined if the stream failed or took too long.
 */
export function readResponseBody(requestId: string): Promise<string | undefined> {
  const filter = browser.webRequest.filterResponseData(requestId);
  const body = new Promise<string | undefined>((resolve) => {
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
  let timer: number | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, BODY_WAIT_MS) as unknown as number));
  return Promise.race([body, timeout]).finally(() => clearTimeout(timer));
}

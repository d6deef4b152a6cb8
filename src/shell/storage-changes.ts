import browser from 'webextension-polyfill';

/** Calls `listener` with the keys that changed in storage, until the returned function is called. */
export type OnStored = (listener: (keys: string[]) => void) => () => void;

/**
 * Every open view (popup, panel, tab) follows storage: a run finished from the popup shows in
 * the panel at once, and the Errors count never goes stale.
 */
export const onStored: OnStored = (listener) => {
  const handle = (changes: Record<string, unknown>) => listener(Object.keys(changes));
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
};

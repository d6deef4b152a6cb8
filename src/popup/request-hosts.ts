import browser from 'webextension-polyfill';

/** Asks the user to let the extension reach the hosts of these URLs (optional_host_permissions). */
export type RequestHosts = (urls: string[]) => Promise<boolean>;

// Called straight from a click: Firefox grants a permission request only within a user gesture.
// Match patterns take no port, so the whole host is asked for.
export const requestHosts: RequestHosts = (urls) =>
  browser.permissions.request({ origins: [...new Set(urls.map((url) => `${new URL(url).protocol}//${new URL(url).hostname}/*`))] });

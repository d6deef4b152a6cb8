import browser from 'webextension-polyfill';
import { hostPermissionOf } from '../core';

/** Asks the user to let the extension reach these hosts (URLs, or match patterns such as `https://github.com/*`). */
export type RequestHosts = (urlsOrPatterns: string[]) => Promise<boolean>;

// Called straight from a click: Firefox grants a permission request only within a user gesture.
// Match patterns take no port, so the whole host is asked for.
export const requestHosts: RequestHosts = (urlsOrPatterns) =>
  browser.permissions.request({
    origins: [
      ...new Set(
        urlsOrPatterns.flatMap((value) => {
          const pattern = value.endsWith('/*') ? value : hostPermissionOf(value);
          return pattern ? [pattern] : [];
        }),
      ),
    ],
  });

import browser from 'webextension-polyfill';

/** Asks to watch these origins: their host permission and the webRequest permissions the manifest makes optional. */
export type RequestWatch = (origins: string[]) => Promise<boolean>;

// Called straight from a click: browsers grant a permission request only within a user gesture.
export const requestWatch: RequestWatch = (origins) =>
  browser.permissions.request({
    origins,
    permissions: (browser.runtime.getManifest().optional_permissions ?? []).filter((p): p is browser.Manifest.OptionalPermission => typeof p === 'string'),
  });

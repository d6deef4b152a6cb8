import browser from 'webextension-polyfill';
import { watchApiPermissions } from '../core';

/** What watching needs, as this extension's manifest makes it optional. */
const watchPermissions = () => watchApiPermissions(browser.runtime.getManifest()) as browser.Manifest.OptionalPermission[];

/** Asks to watch these origins: their host permission and the API permissions watching needs. */
export type RequestWatch = (origins: string[]) => Promise<boolean>;

// Called straight from a click: browsers grant a permission request only within a user gesture.
export const requestWatch: RequestWatch = (origins) => browser.permissions.request({ origins, permissions: watchPermissions() });

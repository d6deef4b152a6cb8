import browser from 'webextension-polyfill';
import { watchApiPermissions } from '../../core';

/** What watching needs, as this extension's manifest makes it optional (the popup's shell asks for the same). */
export const watchPermissions = () => watchApiPermissions(browser.runtime.getManifest()) as browser.Manifest.OptionalPermission[];

import { GECKO_ID } from './extension-identity.ts';

type ChromeManifest = {
  key?: string;
  minimum_chrome_version?: string;
  background: { service_worker: string; type?: string };
  optional_permissions?: string[];
  [field: string]: unknown;
};

/** Firefox 142 is the first to know `data_collection_permissions`; ESR 140 would reject it. */
export const FIREFOX_MIN_VERSION = '142.0';

/**
 * The Firefox build's manifest, derived from the one source manifest.json: an event page
 * instead of a service worker (Firefox MV3 has no background service worker), a fixed gecko id
 * (so the redirect URI never changes), the data-collection declaration AMO requires, and the
 * permissions that let the traffic watcher read response bodies.
 */
export function firefoxManifest(source: ChromeManifest): Record<string, unknown> {
  const { key: _key, minimum_chrome_version: _min, background, ...common } = source;
  return {
    ...common,
    // Firefox alone lets an extension read response bodies (webRequest.filterResponseData): the
    // watcher asks for these with webRequest, only when a host is first watched.
    ...(source.optional_permissions?.includes('webRequest')
      ? { optional_permissions: [...source.optional_permissions, 'webRequestBlocking', 'webRequestFilterResponse'] }
      : {}),
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

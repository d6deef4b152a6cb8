import { GECKO_ID } from './extension-identity.ts';

type ChromeManifest = {
  key?: string;
  minimum_chrome_version?: string;
  background: { service_worker: string; type?: string };
  permissions?: string[];
  optional_permissions?: string[];
  side_panel?: { default_path: string };
  [field: string]: unknown;
};

/** Firefox 142 is the first to know `data_collection_permissions`; ESR 140 would reject it. */
export const FIREFOX_MIN_VERSION = '142.0';

/**
 * The Firefox build's manifest, derived from the one source manifest.json: an event page
 * instead of a service worker (Firefox MV3 has no background service worker), a fixed gecko id
 * (so the redirect URI never changes), the data-collection declaration AMO requires, the
 * permissions that let the traffic watcher read response bodies, and a sidebar for Chrome's side panel.
 */
export function firefoxManifest(source: ChromeManifest): Record<string, unknown> {
  const { key: _key, minimum_chrome_version: _min, background, side_panel: sidePanel, ...common } = source;
  return {
    ...common,
    // Chrome's side panel is Firefox's sidebar: the same page, and no permission to ask for it.
    ...(source.permissions ? { permissions: source.permissions.filter((permission) => permission !== 'sidePanel') } : {}),
    ...(sidePanel ? { sidebar_action: { default_panel: sidePanel.default_path, default_title: 'OAuth Lens', open_at_install: false } } : {}),
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

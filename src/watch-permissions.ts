import browser from 'webextension-polyfill';

/**
 * The API permissions watching needs: whatever the manifest makes optional (webRequest; in
 * Firefox also webRequestBlocking and webRequestFilterResponse). Asked for by the popup from a
 * click, given back by the background when nothing is watched or watching is paused: while an
 * extension holds webRequest, Chromium routes every request of the browser through its browser
 * process, which the bench measures.
 */
export function watchApiPermissions(): browser.Manifest.OptionalPermission[] {
  return (browser.runtime.getManifest().optional_permissions ?? []).filter((p): p is browser.Manifest.OptionalPermission => typeof p === 'string');
}

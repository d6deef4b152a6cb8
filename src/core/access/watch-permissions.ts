/**
 * The API permissions watching needs: whatever the manifest makes optional (webRequest; in
 * Firefox also webRequestBlocking and webRequestFilterResponse). Asked for by the popup from a
 * click, given back by the background when nothing is watched or watching is paused: while an
 * extension holds webRequest, Chromium routes every request of the browser through its browser
 * process, which the bench measures. The manifest comes in (runtime.getManifest()), so both
 * sides read it the same way.
 */
export function watchApiPermissions(manifest: { optional_permissions?: unknown }): string[] {
  const optional = manifest && typeof manifest === 'object' && Array.isArray(manifest.optional_permissions) ? (manifest.optional_permissions as unknown[]) : [];
  return optional.filter((permission): permission is string => typeof permission === 'string');
}

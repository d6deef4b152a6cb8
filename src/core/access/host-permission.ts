/**
 * The match pattern that lets the extension reach a URL's host: `https://github.com/*`.
 * Match patterns carry no port (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns),
 * so one grant covers every port of the host. undefined for anything but an http(s) URL with a host.
 */
export function hostPermissionOf(url: string): string | undefined {
  if (typeof url !== 'string' || !URL.canParse(url)) return undefined;
  const { protocol, hostname } = new URL(url);
  if ((protocol !== 'http:' && protocol !== 'https:') || hostname === '') return undefined;
  return `${protocol}//${hostname}/*`;
}

/** The host a match pattern names, for people: `https://github.com/*` → `github.com`. */
export function hostOfPermission(permission: string): string {
  return permission.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

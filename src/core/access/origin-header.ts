/**
 * Whether the browser puts an Origin header on a request the extension sends with `fetch`, as
 * probed in Chromium 156 and Firefox ESR 153 (the two agree, and both follow Fetch's "append a
 * request `Origin` header", https://fetch.spec.whatwg.org/#append-a-request-origin-header):
 * - without a host permission the request is cross-origin in CORS mode: every method carries it;
 * - with one, the extension's requests are treated as same-origin: GET and HEAD carry none, any
 *   other method still does;
 * - a declarativeNetRequest rule can remove it, but the browser applies that rule only while the
 *   host permission is held.
 */
export function browserSendsOrigin({ method, hostAccess, originRemoved }: { method: string; hostAccess: boolean; originRemoved: boolean }): boolean {
  if (!hostAccess) return true;
  if (originRemoved) return false;
  const upper = typeof method === 'string' ? method.toUpperCase() : 'GET';
  return upper !== 'GET' && upper !== 'HEAD';
}

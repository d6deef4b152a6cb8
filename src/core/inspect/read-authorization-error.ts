/** An authorization error response as the redirect carried it (RFC 6749 §4.1.2.1, §4.2.2.1). */
export type AuthorizationErrorRedirect = {
  error: string;
  description?: string;
  uri?: string;
  state?: string;
  part: 'query' | 'fragment';
  /** The redirect as pasted, a `Location:` name taken off. */
  location: string;
};

// Something that is a redirect's target: an absolute URL, a path, its query or fragment alone, or
// that without its "?" or "#" when it starts with the error.
const REDIRECT_SHAPE = /^(?:[a-z][a-z0-9+.-]*:|\/|\?|#|error=)/i;

/**
 * The error an authorization server sent back on the redirect: `error` (with `error_description`,
 * `error_uri`, `state`) in the query for the code flow, in the fragment for the implicit flow and
 * `response_mode=fragment`. Undefined when the paste is no redirect or carries no `error`. Never throws.
 */
export function readAuthorizationError(text: string): AuthorizationErrorRedirect | undefined {
  if (typeof text !== 'string' || text.length > 100_000) return undefined;
  const location = text.trim().replace(/^location[ \t]*:[ \t]*/i, '');
  // A redirect is one line; an address bar may show its spaces decoded, so spaces alone do not rule it out.
  if (!REDIRECT_SHAPE.test(location) || /[\r\n]/.test(location)) return undefined;
  const hash = location.indexOf('#');
  const question = location.indexOf('?');
  const bare = /^error=/i.test(location);
  const query = bare ? location.slice(0, hash < 0 ? undefined : hash) : question >= 0 && (hash < 0 || question < hash) ? location.slice(question + 1, hash < 0 ? undefined : hash) : '';
  const fragment = hash >= 0 ? location.slice(hash + 1) : '';
  for (const [part, params] of [
    ['query', query],
    ['fragment', fragment],
  ] as const) {
    if (!params.includes('error=')) continue;
    const read = new URLSearchParams(params);
    const error = read.get('error');
    if (!error) continue;
    const description = read.get('error_description');
    const uri = read.get('error_uri');
    const state = read.get('state');
    return {
      error,
      ...(description ? { description } : {}),
      ...(uri ? { uri } : {}),
      ...(state !== null ? { state } : {}),
      part,
      location,
    };
  }
  return undefined;
}

import type { HttpRequest } from '../traffic/http-exchange';

// Fetch §3.2.2 "CORS-safelisted request-header" and §4.8 "CORS-preflight fetch":
// https://fetch.spec.whatwg.org/#cors-safelisted-request-header
// https://fetch.spec.whatwg.org/#cors-safelisted-method
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
// A CORS-unsafe request-header byte: https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
const UNSAFE_BYTE = /[\x00-\x08\x0A-\x1F"():<>?@[\\\]{}\x7F]/;
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;

/**
 * Whether a cross-origin request made by `fetch` from an extension page or worker without a
 * host permission needs a CORS preflight (an OPTIONS request first). A request that does is
 * never sent when the preflight is refused; a "simple" one is sent, and only its answer is
 * hidden. That difference decides whether a code in it may have been redeemed.
 */
export function needsPreflight(request: HttpRequest): boolean {
  const method = typeof request?.method === 'string' ? request.method.toUpperCase() : 'GET';
  if (!SAFELISTED_METHODS.has(method)) return true;
  let total = 0;
  for (const [rawName, value] of Object.entries(request?.headers ?? {})) {
    if (typeof value !== 'string') continue;
    const name = rawName.toLowerCase();
    // Forbidden request-headers (Origin, Content-Length, …) are the browser's own: a script cannot add them.
    if (name === 'origin' || name === 'content-length' || name === 'host') continue;
    if (!safelisted(name, value)) return true;
    total += name.length + value.length;
  }
  // "If the total … exceeds 1024, then return false": a long safelisted header list needs a preflight too.
  return total > 1024;
}

function safelisted(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name) {
    case 'accept':
      return !UNSAFE_BYTE.test(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type': {
      if (UNSAFE_BYTE.test(value)) return false;
      const essence = value.split(';', 1)[0]!.trim().toLowerCase();
      return SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case 'range':
      return /^bytes=\d+-\d*$/.test(value);
    default:
      return false;
  }
}

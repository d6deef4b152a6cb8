import type { HttpExchange, HttpRequest } from './http-exchange';
import { isErrorExchange, statusOf } from '../diagnose/is-error-exchange';

/** The statuses OAuth and its APIs answer a client's mistake with (RFC 6749 §5.2, RFC 6750 §3.1, RFC 6585 §4). */
const CLIENT_MISTAKES = new Set([400, 401, 403, 429]);

/**
 * Whether a failure the watcher saw belongs in the Errors list. A watched host also serves pages,
 * images and favicons: their 404s are noise. Listed: the statuses above, a server error, no
 * response, an error carried by a 2xx body or a redirect, and any failed token request (a 404 or
 * 405 there means a wrong token endpoint).
 */
export function isWatchedFailure(exchange: HttpExchange): boolean {
  if (!isErrorExchange(exchange)) return false;
  // The status as isErrorExchange read it (Number() of a stored {"toString": 1} threw).
  const status = statusOf(exchange);
  return CLIENT_MISTAKES.has(status) || status < 400 || status >= 500 || isTokenRequest(exchange?.request);
}

/** A form-encoded token request (RFC 6749 §4.1.3, §6): its body names a grant_type. */
export function isTokenRequest(request: HttpRequest | undefined): boolean {
  const body = request?.body;
  return typeof body === 'string' && /(?:^|&)grant_type=/.test(body);
}

import type { IncomingMessage } from 'node:http';
import { interceptResponse, peekForm, send, type Layer } from '../layer';
import { basicClientId, exposeHeaders, isTokenRequest, jsonError } from './token-endpoint';

export type RateLimitOptions = {
  /** Requests allowed per client (or address) in one minute. */
  perMinute: number;
  /** Count every endpoint, not only the token endpoint. */
  allEndpoints?: boolean;
  /** Milliseconds since the epoch; tests hand in a clock they can move forward. */
  now?: () => number;
};

const WINDOW_MS = 60_000;
/** Readable by the extension, which reads the bundled server's answers by CORS. */
const EXPOSED = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/**
 * A per-minute request limit, as most providers have one: fixed one-minute windows that start
 * at a client's first request, counted per client_id (HTTP Basic, the form body or, for GETs
 * such as /auth, the query) or else per remote address. Every answer carries `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds, GitHub's convention); a request
 * over the limit gets `429 Too Many Requests` with `Retry-After` (RFC 9110 §10.2.3) and a JSON
 * error, and does not count.
 */
export function rateLimit({ perMinute, allEndpoints = false, now = Date.now }: RateLimitOptions): Layer {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`rateLimit: perMinute must be a positive integer, not ${perMinute}`);
  const windows = new Map<string, { resetAt: number; count: number }>();
  return async (req, res, next) => {
    if (!allEndpoints && !isTokenRequest(req)) return next();
    const key = await keyOf(req);
    const time = now();
    for (const [k, w] of windows) if (w.resetAt <= time) windows.delete(k);
    const window = windows.get(key) ?? { resetAt: time + WINDOW_MS, count: 0 };
    windows.set(key, window);
    const headers = (remaining: number) => ({
      'x-ratelimit-limit': String(perMinute),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(Math.ceil(window.resetAt / 1000)),
    });
    if (window.count >= perMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - time) / 1000));
      const description = `rate limit of ${perMinute} requests per minute exceeded for ${key}; retry in ${retryAfter} s`;
      const limited = { 'retry-after': String(retryAfter), ...headers(0) };
      return send(res, jsonError(req, 429, 'rate_limited', description, { headers: limited, expose: EXPOSED }));
    }
    window.count += 1;
    const remaining = perMinute - window.count;
    interceptResponse(res, (response) => {
      for (const [name, value] of Object.entries(headers(remaining))) response.setHeader(name, value);
      exposeHeaders(response, EXPOSED.slice(1));
    });
    return next();
  };
}

async function keyOf(req: IncomingMessage): Promise<string> {
  const clientId =
    basicClientId(req) ??
    (await peekForm(req)).get('client_id') ??
    (req.method === 'GET' ? new URL(req.url ?? '/', 'http://x').searchParams.get('client_id') : null);
  return clientId ? `client ${clientId}` : `address ${req.socket.remoteAddress ?? 'unknown'}`;
}

import type { ServerResponse } from 'node:http';
import { setHeaders, type Layer } from '../layer';
import { isTokenRequest } from './token-endpoint';

/**
 * No refresh token for a browser, as Auth0: "If a browser application, with an Origin header,
 * makes a POST request to the /oauth/token endpoint, Auth0 doesn't issue refresh tokens, even if
 * the application has Allow Refresh Token Rotation enabled and sends the offline_access scope."
 * https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow
 * and, for SPAs, "when a browser requests a refresh token from the /token endpoint, Auth0 will
 * only return a refresh token if Refresh Token Rotation is enabled for that client":
 * https://auth0.com/docs/secure/tokens/refresh-tokens/use-refresh-token-rotation
 *
 * So a successful token response (code grant or refresh) to a request with `Origin` loses its
 * `refresh_token`; the rest of the JSON is sent as it was, with its `Content-Length` fixed.
 * The provider still keeps the refresh token it made: the client just never learns it, which is
 * what it sees at Auth0. Stand it closest to the provider: it holds the whole body back until
 * the provider has finished it.
 */
export function noRefreshWithOrigin(): Layer {
  return (req, res, next) => {
    if (isTokenRequest(req) && req.headers.origin !== undefined) rewriteBody(res, withoutRefreshToken);
    return next();
  };
}

function withoutRefreshToken(res: ServerResponse, body: Buffer): Buffer {
  const json = /[/+]json\b/i.test(String(res.getHeader('content-type') ?? ''));
  if (!json || res.statusCode < 200 || res.statusCode > 299) return body;
  let tokens: unknown;
  try {
    tokens = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (!tokens || typeof tokens !== 'object' || !('refresh_token' in tokens)) return body;
  const { refresh_token: _dropped, ...rest } = tokens as Record<string, unknown>;
  return Buffer.from(JSON.stringify(rest), 'utf8');
}

/**
 * Holds back what the later layers write (status, headers, body) until they end the response,
 * then sends it with the body `rewrite` returns and a `Content-Length` to match. interceptResponse
 * in layer.ts decides before the body exists, so it cannot do this.
 */
function rewriteBody(res: ServerResponse, rewrite: (res: ServerResponse, body: Buffer) => Buffer): void {
  const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
  const end = res.end.bind(res) as (body: Buffer, callback?: () => void) => ServerResponse;
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, encoding as BufferEncoding | undefined));
    else chunks.push(Buffer.from(chunk as Uint8Array));
  };
  res.writeHead = ((status: number, reasonOrHeaders?: unknown, headers?: unknown) => {
    res.statusCode = status;
    if (typeof reasonOrHeaders === 'string') res.statusMessage = reasonOrHeaders;
    setHeaders(res, typeof reasonOrHeaders === 'string' ? headers : reasonOrHeaders);
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, typeof encoding === 'string' ? encoding : undefined);
    const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (done) queueMicrotask(done);
    return true;
  }) as ServerResponse['write'];
  let ended = false;
  res.end = ((...args: unknown[]) => {
    if (ended) return res;
    ended = true;
    keep(args[0], typeof args[1] === 'string' ? args[1] : undefined);
    const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    const body = rewrite(res, Buffer.concat(chunks));
    res.setHeader('content-length', body.length);
    writeHead(res.statusCode, res.statusMessage);
    return end(body, done);
  }) as ServerResponse['end'];
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Replacement } from '../layer';

/** Where the bundled server's token endpoint is (bundled-server.ts sets it in the provider's `routes`). */
export const TOKEN_ENDPOINT_PATH = '/token';

export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://x').pathname;
}

/** A POST to the token endpoint itself (not to /token/introspection or /token/revocation). */
export function isTokenRequest(req: IncomingMessage): boolean {
  return req.method === 'POST' && pathOf(req) === TOKEN_ENDPOINT_PATH;
}

/**
 * The client id of HTTP Basic client authentication, decoded as RFC 6749 §2.3.1 says (form
 * encoding inside base64), or undefined when the request has no (well-formed) Basic header.
 */
export function basicClientId(req: IncomingMessage): string | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const credentials = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = credentials.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return decodeURIComponent(credentials.slice(0, colon).replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** The issuer as the client addressed it, for `WWW-Authenticate` realms (oidc-provider uses the issuer too). */
export function issuerOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

/**
 * An OAuth error answered by a quirk layer instead of the provider, with the CORS headers the
 * provider would have sent (the extension reads the bundled server's answers by CORS, without a
 * host permission); `expose` names the headers a page may read besides the safelisted ones.
 */
export function jsonError(
  req: IncomingMessage,
  status: number,
  error: string,
  description: string,
  { headers = {}, expose = [] }: { headers?: Record<string, string>; expose?: string[] } = {},
): Replacement {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': req.headers.origin ?? '*',
      ...(expose.length ? { 'access-control-expose-headers': expose.join(', ') } : {}),
      vary: 'Origin',
      ...headers,
    },
    body: JSON.stringify({ error, error_description: description }),
  };
}

/** Adds header names to a response's `Access-Control-Expose-Headers`, if it is a CORS response at all. */
export function exposeHeaders(res: ServerResponse, names: string[]): void {
  if (!res.hasHeader('access-control-allow-origin')) return;
  const current = String(res.getHeader('access-control-expose-headers') ?? '');
  res.setHeader('access-control-expose-headers', [current, ...names].filter(Boolean).join(', '));
}

import type { IncomingMessage } from 'node:http';
import { interceptResponse, peekForm, type Layer } from './layer';
import { isTokenRequest, pathOf } from './quirks/token-endpoint';

/** One request as the bundled server received it, for tests to assert what reached the server. */
export type LoggedRequest = {
  method: string;
  /** Without the query. */
  path: string;
  /** The `Origin` header, undefined when the request had none. */
  origin: string | undefined;
  /**
   * Set for a POST to the token endpoint: its `grant_type`, and whether the provider issued
   * tokens for it (oidc-provider's `grant.success`), which a quirk's rewritten status can hide
   * (error-200 sends failures as 200, reused-code-401 replaces a revocation) and a quirk that
   * refuses the request before the provider never sets.
   */
  token?: { grantType: string | undefined; issued: boolean };
  /** The status that went out, after every quirk; undefined until the status line has been sent. */
  status?: number;
};

export type RequestLog = {
  /** Stands first, in front of every quirk, so that it sees every request and every final status. */
  layer: Layer;
  /** In arrival order; a test may empty it (`requests.length = 0`) between cases. */
  requests: LoggedRequest[];
  /** Marks a token request as answered with tokens: bundled-server.ts calls it on the provider's `grant.success`. */
  issued: (req: IncomingMessage) => void;
};

/**
 * What the server received. Cheap enough to be always on: one small object per request, and for
 * token requests a read of the form body, which bufferBody keeps for the layers behind
 * (the quirks and the provider read the same bytes).
 */
export function requestLog(): RequestLog {
  const requests: LoggedRequest[] = [];
  const byRequest = new WeakMap<IncomingMessage, LoggedRequest>();
  return {
    requests,
    issued: (req) => {
      const entry = byRequest.get(req);
      if (entry?.token) entry.token.issued = true;
    },
    layer: async (req, res, next) => {
      const entry: LoggedRequest = { method: req.method ?? 'GET', path: pathOf(req), origin: req.headers.origin };
      if (isTokenRequest(req)) entry.token = { grantType: (await peekForm(req)).get('grant_type') ?? undefined, issued: false };
      requests.push(entry);
      byRequest.set(req, entry);
      // Installed before any quirk's, so it decides last: it sees the status the client gets.
      interceptResponse(res, (response) => {
        entry.status = response.statusCode;
      });
      return next();
    },
  };
}

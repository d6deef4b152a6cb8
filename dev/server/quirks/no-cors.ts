import { interceptResponse, send, type Layer } from '../layer';

const CORS_HEADER = /^access-control-/i;

/**
 * No CORS at all, as GitHub's token endpoint and providers that expect their clients to be
 * servers: no `Access-Control-*` header on any answer, and a preflight (`OPTIONS`) is answered
 * `404` without them, so a browser refuses to send the request it was asking about. GitHub's
 * docs say nothing of it; users report that https://github.com/login/oauth/access_token does
 * not "support the OPTIONS method or CORS headers" (https://github.com/isaacs/github/issues/330)
 * and asked for the docs to say so (https://github.com/github/docs/issues/22270). Which status
 * GitHub gives that OPTIONS is written down nowhere, hence a plain 404.
 *
 * Every other request is processed as usual: a simple cross-origin POST (form body, no custom
 * header) needs no preflight, so it still reaches the server and redeems the code; only the
 * browser then hides the answer from the page.
 *
 * It must stand in front of every other layer that answers or rewrites (QUIRKS in index.ts puts
 * it first): an answer made in front of it (jsonError adds `Access-Control-Allow-Origin`) never
 * passes through it, while one made behind it, even a whole replacement, does — the outermost
 * `interceptResponse` decides last, after the inner ones (`Vary: Origin` may stay; it is harmless).
 */
export function noCors(): Layer {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      return Promise.resolve(send(res, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found' }));
    }
    interceptResponse(res, (response) => {
      for (const name of response.getHeaderNames()) if (CORS_HEADER.test(name)) response.removeHeader(name);
    });
    return next();
  };
}

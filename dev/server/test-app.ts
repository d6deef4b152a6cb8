import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CLIENTS } from '../../src/core';

export type TestApp = {
  origin: string;
  redirectUri: string;
  /** The servers its pages call: set once they run (they must know the app's origin first). */
  use(servers: { issuer: string; limited?: string }): void;
  close(): Promise<void>;
};

// A fixed verifier: this app is a test fixture; what matters is what the browser sends.
const VERIFIER = 'test-app-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

/** What the n-th answer of /large-errors starts with. */
export const largeErrorMarker = (n: number) => `[large error #${n}]`;

/** `size` bytes of text: the marker, then words of random letters. */
function largeBody(marker: string, size: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let text = `${marker} `;
  for (const byte of randomBytes(Math.max(0, size - text.length))) text += byte % 7 === 0 ? ' ' : letters[byte % 26];
  return text;
}

/**
 * A developer's web app on 127.0.0.1, for the traffic watcher to watch: each page calls the
 * bundled server from the browser as a real front end would, reading each answer whole (DevTools
 * counts a request finished only then), and writes what came back into <pre id=result>, setting
 * data-done on <body> when finished.
 * - /api: the userinfo endpoint with a token that is no token (401 with WWW-Authenticate);
 * - /login → the bundled server's sign-in → /callback, which redeems the code twice (demo-public, PKCE);
 * - /login?case=mismatch: the same, but /callback redeems the code once, with a redirect_uri that
 *   differs from the authorization request's by a trailing slash;
 * - /login?case=clean: the same, done right: discovery read, the code redeemed once, then the
 *   userinfo endpoint called with the access token (200);
 * - /limited: two token requests to a server limited to one a minute (429 with Retry-After);
 * - /large-errors?count=N&size=B: N requests to the app itself, one after the other, each answered
 *   by /oauth/large-error/<i> (an OAuth endpoint's path, whose bodies a watcher reads) with a 500 of B bytes (largeErrorMarker(i) first, then random words that
 *   nothing compresses away), as a framework's debug page would; writes "<count of 500s> 500".
 */
export async function startTestApp(): Promise<TestApp> {
  let issuer = '';
  let limited = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const page = (script: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Test app</title><pre id="result"></pre><script>
const show = (line) => { document.getElementById('result').textContent += line + '\\n'; };
(async () => { ${script} })().catch((e) => show('error ' + e.message)).finally(() => { document.body.dataset.done = 'true'; });
</script>`);
    };
    const form = (fields: Record<string, string>) => JSON.stringify(new URLSearchParams(fields).toString());
    switch (url.pathname) {
      case '/api':
        return page(`const r = await fetch(${JSON.stringify(`${issuer}/me`)}, { headers: { Authorization: 'Bearer not-a-real-token' } }); show(r.status); await r.text();`);
      case '/login': {
        const authorize = new URL(`${issuer}/auth`);
        for (const [name, value] of Object.entries({ response_type: 'code', client_id: DEMO_CLIENTS.public.clientId, redirect_uri: redirectUri, scope: 'openid', state: url.searchParams.get('case') ?? 'reuse', code_challenge: CHALLENGE, code_challenge_method: 'S256' })) {
          authorize.searchParams.set(name, value);
        }
        res.writeHead(302, { location: authorize.href });
        return res.end();
      }
      case '/callback': {
        const state = url.searchParams.get('state');
        const mismatch = state === 'mismatch';
        const body = form({ grant_type: 'authorization_code', code: url.searchParams.get('code') ?? '', redirect_uri: mismatch ? `${redirectUri}/` : redirectUri, client_id: DEMO_CLIENTS.public.clientId, code_verifier: VERIFIER });
        const redeem = `fetch(${JSON.stringify(`${issuer}/token`)}, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: ${body} })`;
        if (state === 'clean') {
          return page(`await (await fetch(${JSON.stringify(`${issuer}/.well-known/openid-configuration`)})).text(); const r = await ${redeem}; show(r.status); const { access_token } = await r.json(); const me = await fetch(${JSON.stringify(`${issuer}/me`)}, { headers: { Authorization: 'Bearer ' + access_token } }); show(me.status); await me.text();`);
        }
        // The classic bugs: the callback handler runs twice; the token request builds its redirect_uri differently.
        return page(`for (let i = 0; i < ${mismatch ? 1 : 2}; i++) { const r = await ${redeem}; show(r.status); await r.text(); }`);
      }
      case '/limited': {
        const body = form({ grant_type: 'authorization_code', code: 'no-such-code', redirect_uri: redirectUri, client_id: DEMO_CLIENTS.public.clientId, code_verifier: VERIFIER });
        return page(`for (let i = 0; i < 2; i++) { const r = await fetch(${JSON.stringify(`${limited}/token`)}, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: ${body} }).catch(() => ({ status: 'no response', text: async () => '' })); show(r.status); await r.text(); }`);
      }
      case '/large-errors': {
        const count = Number(url.searchParams.get('count')) || 1;
        const size = Number(url.searchParams.get('size')) || 1024;
        return page(`let failed = 0; for (let i = 1; i <= ${count}; i++) { const r = await fetch('/oauth/large-error/' + i + '?size=${size}'); await r.text(); if (r.status === 500) failed++; } show(failed + ' 500');`);
      }
      default:
        if (url.pathname.startsWith('/oauth/large-error/')) {
          const i = Number(url.pathname.slice('/oauth/large-error/'.length));
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          return res.end(largeBody(largeErrorMarker(i), Number(url.searchParams.get('size')) || 1024));
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${origin}/callback`;
  return {
    origin,
    redirectUri,
    use(servers) {
      issuer = servers.issuer;
      limited = servers.limited ?? '';
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

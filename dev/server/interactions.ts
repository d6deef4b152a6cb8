import type { ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { checkLogin } from './accounts';
import { readForm, type Layer } from './layer';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/;

/**
 * The sign-in and consent pages. oidc-provider leaves these to the host application; ours
 * check the demo account's password (a wrong one shows the form again with an error) and
 * grant exactly the scopes and claims the client asked for.
 */
export function interactions(provider: Provider): Layer {
  return async (req, res, next) => {
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return next();
    const action = match[2];
    try {
      const details = await provider.interactionDetails(req, res);
      if (!action && req.method === 'GET') {
        if (details.prompt.name === 'login') return page(res, loginPage(details.uid));
        return page(res, consentPage(details.uid, String(details.params.client_id), details.prompt.details));
      }
      if (action === 'login' && req.method === 'POST') {
        const form = await readForm(req);
        const accountId = checkLogin(form.get('login') ?? '', form.get('password') ?? '');
        if (!accountId) return page(res, loginPage(details.uid, 'Wrong login or password.'), 401);
        return void (await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false }));
      }
      if (action === 'confirm' && req.method === 'POST') {
        const grantId = await grantRequested(provider, details);
        return void (await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true }));
      }
      if (action === 'abort') {
        const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
        return void (await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false }));
      }
      return next();
    } catch (error) {
      return page(res, `<h1>Sign-in failed</h1><p>${escape(String((error as Error).message))}</p>`, 400);
    }
  };
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

async function grantRequested(provider: Provider, details: Details): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id);
  if (!accountId) throw new Error('No signed-in account for this consent.');
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error('The grant being amended no longer exists.');
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

function loginPage(uid: string, error?: string): string {
  return `<title>Sign-in</title>
<h1>Sign in to the OAuth Lens demo server</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
  <label>Login <input name="login" autocomplete="username" autofocus required></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Sign in</button>
</form>
<p><small>Demo account: <code>demo</code> / <code>demo</code></small> · <a href="/interaction/${uid}/abort">Cancel</a></p>`;
}

function consentPage(uid: string, clientId: string, prompt: Record<string, unknown>): string {
  const scopes = (prompt.missingOIDCScope as string[] | undefined) ?? [];
  return `<title>Consent</title>
<h1>Allow ${escape(clientId)}?</h1>
<p>It asks for: ${scopes.map((s) => `<code>${escape(s)}</code>`).join(', ') || 'nothing new'}.</p>
<form method="post" action="/interaction/${uid}/confirm">
  <button type="submit">Allow</button>
</form>
<p><a href="/interaction/${uid}/abort">Deny</a></p>`;
}

function page(res: ServerResponse, body: string, status = 200): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(`<!doctype html><meta charset="utf-8"><style>body{font:15px system-ui;max-width:28em;margin:3em auto}label{display:block;margin:.5em 0}</style>${body}`);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

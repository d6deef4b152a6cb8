// Real providers' non-standard answers, each one layer in front of oidc-provider. Tests pass the
// layers to startBundledServer({ quirks }); `npm run server` and `npm start` take their names
// from OAUTH_LENS_QUIRKS, e.g. OAUTH_LENS_QUIRKS=reused-code-401,rate-limit=3.
import { DEMO_CLIENTS } from '../../../src/core';
import type { Layer } from '../layer';
import { errorWith200 } from './error-with-200';
import { noCors } from './no-cors';
import { noRefreshWithOrigin } from './no-refresh-with-origin';
import { originCheck } from './origin-check';
import { postOnlyClient } from './post-only-client';
import { rateLimit } from './rate-limit';
import { reusedCodeBasic401 } from './reused-code-basic-401';
import { wrongIss, WRONG_ISSUER } from './wrong-iss';
import { wrongNonce, WRONG_NONCE } from './wrong-nonce';
import { wrongRedirect, WRONG_REDIRECT_PATH } from './wrong-redirect';

export { errorWith200, noCors, noRefreshWithOrigin, originCheck, postOnlyClient, rateLimit, reusedCodeBasic401, wrongIss, wrongNonce, wrongRedirect, WRONG_ISSUER, WRONG_NONCE, WRONG_REDIRECT_PATH };
export type { RateLimitOptions } from './rate-limit';

export const QUIRKS_ENV = 'OAUTH_LENS_QUIRKS';

type Quirk = { usage: string; argument: 'none' | 'optional'; make: (argument: string | undefined) => Layer };

/**
 * By name, in the order they stand in front of the provider, whatever order they are named in:
 * no-cors first, so that it strips the CORS headers from every answer, the other quirks' own
 * (jsonError adds them) and replacements included (an outer interceptResponse decides after the
 * inner ones); the rate limit answers next (its 429 is never rewritten); error-200 also turns the
 * origin-check and post-only refusals into 200s; origin-check refuses before the code is looked
 * at, as Entra does; the reused-code answer is plain text, which error-200 leaves alone;
 * wrong-iss and wrong-redirect change only the redirect's Location; and no-refresh-with-origin and wrong-nonce,
 * which hold the body back, stand next to the provider.
 */
const QUIRKS: Record<string, Quirk> = {
  'no-cors': { usage: 'no-cors', argument: 'none', make: () => noCors() },
  'rate-limit': {
    usage: 'rate-limit[=N]',
    argument: 'optional',
    make: (n) => rateLimit({ perMinute: n === undefined ? 5 : positiveInteger(n) }),
  },
  'error-200': { usage: 'error-200', argument: 'none', make: () => errorWith200() },
  'origin-check': { usage: 'origin-check', argument: 'none', make: () => originCheck() },
  'post-only': {
    usage: `post-only[=client_id] (default ${DEMO_CLIENTS.postOnly.clientId})`,
    argument: 'optional',
    make: (clientId) => postOnlyClient(clientId || DEMO_CLIENTS.postOnly.clientId),
  },
  'reused-code-401': { usage: 'reused-code-401', argument: 'none', make: () => reusedCodeBasic401() },
  'wrong-iss': { usage: `wrong-iss[=issuer] (default ${WRONG_ISSUER})`, argument: 'optional', make: (issuer) => wrongIss(issuer || WRONG_ISSUER) },
  'wrong-redirect': {
    usage: `wrong-redirect[=path] (default ${WRONG_REDIRECT_PATH})`,
    argument: 'optional',
    make: (path) => wrongRedirect(path || WRONG_REDIRECT_PATH),
  },
  'no-refresh-with-origin': { usage: 'no-refresh-with-origin', argument: 'none', make: () => noRefreshWithOrigin() },
  'wrong-nonce': { usage: `wrong-nonce[=nonce|missing] (default ${WRONG_NONCE})`, argument: 'optional', make: (nonce) => wrongNonce(nonce || WRONG_NONCE) },
};

export const KNOWN_QUIRKS = Object.values(QUIRKS).map((q) => q.usage);

/** Layers for quirk names such as `reused-code-401`, `rate-limit=3`; throws on an unknown or malformed name. */
export function quirksFromNames(names: readonly string[]): Layer[] {
  const chosen = new Map<string, string | undefined>();
  for (const raw of names) {
    const item = raw.trim();
    if (!item) continue;
    const [name = '', argument] = splitOnce(item, '=');
    const quirk = QUIRKS[name];
    if (!quirk) throw new Error(`Unknown provider quirk "${name}". Known quirks: ${KNOWN_QUIRKS.join(', ')}.`);
    if (argument !== undefined && quirk.argument === 'none') throw new Error(`The provider quirk "${name}" takes no "=…" value.`);
    if (chosen.has(name)) throw new Error(`The provider quirk "${name}" is named twice.`);
    chosen.set(name, argument);
  }
  return Object.entries(QUIRKS)
    .filter(([name]) => chosen.has(name))
    .map(([name, quirk]) => quirk.make(chosen.get(name)));
}

/** The quirk names in `OAUTH_LENS_QUIRKS` (comma-separated), empty when it is unset. */
export function quirkNamesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[QUIRKS_ENV] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
}

/** The layers `OAUTH_LENS_QUIRKS` asks for: what `npm run server` and `npm start` pass to startBundledServer. */
export function quirksFromEnv(env: NodeJS.ProcessEnv = process.env): Layer[] {
  try {
    return quirksFromNames(quirkNamesFromEnv(env));
  } catch (error) {
    throw new Error(`${QUIRKS_ENV}: ${(error as Error).message}`);
  }
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function positiveInteger(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`rate-limit=N needs a positive whole number of requests per minute, not "${text}".`);
  return Number(text);
}

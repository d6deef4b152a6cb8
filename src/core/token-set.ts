import type { TokenSet } from './flow-run';

export type TokenSetResult = { ok: true; tokens: TokenSet } | { ok: false; reason: string };

/**
 * Accepts a token endpoint's 2xx body as a token set only when it is a JSON object with an
 * access_token (RFC 6749 §5.1). Some providers answer errors with HTTP 200, so the status
 * alone proves nothing. Never throws.
 */
export function readTokenSet(body: string): TokenSetResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: `The token response is not JSON: ${body.slice(0, 120)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'The token response is not a JSON object.' };
  }
  const fields = json as Record<string, unknown>;
  if (typeof fields.error === 'string') {
    const description = typeof fields.error_description === 'string' ? `: ${fields.error_description}` : '';
    return { ok: false, reason: `The token endpoint answered ${fields.error}${description}` };
  }
  if (typeof fields.access_token !== 'string' || fields.access_token === '') {
    return { ok: false, reason: 'The token response has no access_token.' };
  }
  return { ok: true, tokens: fields as TokenSet };
}

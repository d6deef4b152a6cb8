import type { TokenSet } from './flow-run';
import { parseJsonObject } from './json-object';

export type TokenSetResult = { ok: true; tokens: TokenSet } | { ok: false; reason: string };

/**
 * Accepts a token endpoint's 2xx body as a token set only when it is a JSON object with an
 * access_token (RFC 6749 §5.1). Some providers answer errors with HTTP 200, so the status
 * alone proves nothing. Never throws.
 */
export function readTokenSet(body: string): TokenSetResult {
  const json = parseJsonObject(body, 'The token response');
  if (!json.ok) return json;
  const fields = json.value;
  if (typeof fields.error === 'string') {
    const description = typeof fields.error_description === 'string' ? `: ${fields.error_description}` : '';
    return { ok: false, reason: `The token endpoint answered ${fields.error}${description}` };
  }
  if (typeof fields.access_token !== 'string' || fields.access_token === '') {
    return { ok: false, reason: 'The token response has no access_token.' };
  }
  return { ok: true, tokens: fields as TokenSet };
}

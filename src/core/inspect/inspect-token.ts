import { cleanToken } from './clean-token';
import { decodeJose } from './decode-jose';
import { withoutTrailing } from '../lib/without-trailing';
import { recognizeTokenFormat } from './recognize-token-format';
import type { TokenInspection } from './token-inspection';
import { judgeSafety } from './token-safety';

/**
 * Says what a pasted value is: the token inside it, its kind and provider, whether it looks
 * intact, and where its characters can travel unencoded. Decodes JWTs without verifying them.
 * Never throws, whatever the string.
 */
export function inspectToken(input: string, options: { now?: number } = {}): TokenInspection {
  const now = options.now ?? Date.now();
  const cleaned = cleanToken(input);
  const { token } = cleaned;
  const warnings = [...cleaned.warnings];
  const inspection: TokenInspection = {
    input,
    token,
    kind: token === '' ? 'empty' : 'opaque',
    length: token.length,
    warnings,
    safety: judgeSafety(token),
    ...(cleaned.extractedFrom ? { extractedFrom: cleaned.extractedFrom } : {}),
    ...(cleaned.basicClientId !== undefined ? { basicClientId: cleaned.basicClientId } : {}),
  };
  if (token === '') return inspection;

  const match = recognizeTokenFormat(token);
  if (match) {
    const { provider, kind, prefix, source } = match.format;
    inspection.provider = { name: provider, kind, prefix, source };
    if (match.truncated) warnings.push({ code: 'truncated', message: match.truncated });
    if (match.tooLong) {
      warnings.push({ code: 'longer_than_documented', message: `${match.tooLong} Something may have been pasted with it (a second token, a suffix), or the format has changed.` });
    }
  }

  const jose = match ? undefined : decodeJose(token, now);
  if (jose) {
    inspection.kind = jose.kind;
    if (jose.jwt) inspection.jwt = jose.jwt;
    warnings.push(...jose.warnings);
  }

  const body = withoutTrailing(token, /=/);
  const inside = body.indexOf('=');
  if (inside !== -1) {
    let count = 0;
    for (let at = inside; at !== -1; at = body.indexOf('=', at + 1)) count++;
    warnings.push({
      code: 'padding_inside',
      message: `"=" at position ${inside + 1}${count > 1 ? ` (and ${count - 1} more inside)` : ''}, not only at the end: this is not a b64token (RFC 6750 §2.1). Percent-encode it in URLs and cookies (= is %3D); treat the token as an opaque string and never split or re-pad it.`,
    });
  }
  return inspection;
}

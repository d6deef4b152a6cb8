import { decodeBase64 } from '../lib/base64';
import { maskSecret } from './mask-secret';
import { MASK } from './mask-value';

const REDACTED = new RegExp(`^<redacted (?:${MASK}|client_id "[^"]*", secret •••• \\(\\d+ chars\\))>$`);

// The scheme is what a developer checks ("Basic or Bearer?"), and it is no secret.
const SCHEME_THEN_CREDENTIALS = /^(\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]+)(\S[\s\S]*)$/;
const BARE_SCHEME = /^\s*(?:basic|bearer|dpop|digest|negotiate|ntlm|token|mac|hoba|mutual|scram-sha-\d+|aws4-hmac-sha256)\s*$/i;

/**
 * An Authorization-style value (`scheme credentials`, RFC 9110 §11.4) with its credentials hidden
 * and its scheme kept: `Bearer <redacted •••• (22 chars)>`. Redacting it again changes nothing.
 */
export function redactCredentials(value: string): string {
  if (value.trim() === '' || BARE_SCHEME.test(value) || REDACTED.test(value.trim())) return value;
  const match = SCHEME_THEN_CREDENTIALS.exec(value);
  if (!match) return redactedCredentials(value);
  const credentials = match[2]!;
  if (REDACTED.test(credentials.trim())) return value;
  return match[1]! + (/^\s*basic\s/i.test(match[1]!) ? redactedBasic(credentials) : redactedCredentials(credentials));
}

/**
 * Basic credentials keep their client id, which is what a developer checks, and lose all of the
 * secret: masking the base64 itself would show its last characters, which decode to the secret's.
 */
function redactedBasic(credentials: string): string {
  const bytes = decodeBase64(credentials.trim());
  let decoded: string | undefined;
  try {
    decoded = bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    decoded = undefined;
  }
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 0) return `<redacted ${maskSecret(credentials, 'password')}>`;
  return `<redacted client_id ${JSON.stringify(decoded.slice(0, colon))}, secret ${maskSecret(decoded.slice(colon + 1), 'password')}>`;
}

function redactedCredentials(credentials: string): string {
  return `<redacted ${maskSecret(credentials)}>`;
}

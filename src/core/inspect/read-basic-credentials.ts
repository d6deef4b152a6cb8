import { decodeBase64 } from '../lib/base64';
import { percentDecode } from '../lib/percent-decode';
import type { BasicCredentials } from './paste-classification';

const RFC6749_2_3_1 = 'RFC 6749 §2.3.1';

/**
 * The client id and secret in HTTP Basic credentials (RFC 7617 §2: base64 of "id:secret"), as
 * they were sent, with what is worth knowing about their encoding. Undefined when the text is not
 * base64 of UTF-8 with a colon in it. Never throws.
 */
export function readBasicCredentials(base64: string): BasicCredentials | undefined {
  const text = base64.trim();
  if (text === '' || text.length > 8192 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const pair = splitBasic(text);
  if (!pair) return undefined;
  const basic = userAndPassword(pair.user, pair.password);
  if (/[-_]/.test(text)) basic.notes.unshift('It is written in base64url ("-" or "_"): Basic credentials are standard base64 (RFC 7617 §2, RFC 4648 §4), and servers may not decode them.');
  return basic;
}

/** Base64 of UTF-8 "user:password", split at its first colon (RFC 7617 §2); undefined otherwise. Never throws. */
export function splitBasic(base64: string): { user: string; password: string } | undefined {
  const bytes = decodeBase64(base64);
  if (!bytes) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Client credentials given as they are (curl's `-u id:secret`), with the same notes. */
export function userAndPassword(clientId: string, clientSecret: string, secretMissing = false): BasicCredentials {
  const notes: string[] = [];
  for (const [label, value] of [
    ['client id', clientId],
    ['client secret', clientSecret],
  ] as const) {
    if (/%[0-9A-Fa-f]{2}/.test(value)) {
      notes.push(`The ${label} is form-encoded, as ${RFC6749_2_3_1} asks before Basic: decoded it is "${percentDecode(value, { plusIsSpace: true })}".`);
    } else if (/[+]/.test(value)) {
      notes.push(`The ${label} holds "+" not form-encoded: ${RFC6749_2_3_1} asks that id and secret be form-encoded before Basic, and a server that decodes them reads "+" as a space. If the server answers invalid_client, send "+" as %2B.`);
    }
  }
  if (/[^\x20-\x7e]/.test(clientId + clientSecret)) notes.push('It holds characters outside printable ASCII: servers differ in how they decode them (RFC 7617 §2.1).');
  return { clientId, clientSecret, ...(secretMissing ? { secretMissing } : {}), notes };
}

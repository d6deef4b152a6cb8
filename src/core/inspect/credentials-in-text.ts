import { findNamedValues } from '../redact/find-named-values';
import { recognizeTokenFormat } from './recognize-token-format';
import type { FoundCredential } from './paste-classification';
import { credentialsInHeader, distinct, MOST_CREDENTIALS, tokenCredential } from './find-credentials';

// A log is read up to here: a credential in a log is near the request it belongs to, and a
// megabyte of text read line by line for names costs more than it finds.
const MOST_TEXT = 200_000;
// A header line, as logs, curl -v ("> ", "< ") and the network panel print them.
const HEADER_LINE = /^[ \t]*(?:[<>][ \t])?([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})[ \t]*:[ \t]*(.*)$/;
const HEADERS_READ_WHOLE = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
// Runs of the characters JWTs and prefixed tokens are made of, each taken whole: a run is never
// matched again from inside, so a long one costs its length once.
const TOKEN_RUN = /[A-Za-z0-9_.-]{16,}/g;
// The longest run judged by its prefix: documented token formats are at most a few hundred characters.
const LONGEST_PREFIXED = 2048;

/**
 * The credentials in free text, a log line or a code snippet, each with its line: header lines
 * (`Authorization: Bearer …`, `Cookie: …`), secret-named values (`access_token=…`,
 * `"client_secret": "…"`, `authorization: 'Bearer …'`) as the redactor finds them, JWTs, and
 * tokens of a documented prefix.
 */
export function credentialsInText(text: string, now: number): FoundCredential[] {
  const read = text.length > MOST_TEXT ? text.slice(0, MOST_TEXT) : text;
  const lines = read.split('\n');
  const numbered = lines.length > 1;
  const found: FoundCredential[] = [];
  // Each value found is inspected; past this many, a paste holds nothing more worth showing.
  const enough = () => found.length >= MOST_CREDENTIALS * 2;
  for (let i = 0; i < lines.length && !enough(); i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const at = numbered ? ` on line ${i + 1}` : '';
    const header = HEADER_LINE.exec(line);
    if (header && HEADERS_READ_WHOLE.has(header[1]!.toLowerCase())) {
      found.push(...credentialsInHeader(header[1]!, header[2]!, at, now));
      continue;
    }
    for (const named of findNamedValues(line)) {
      if (enough()) break;
      const lower = named.name.toLowerCase();
      if (named.kind === 'credentials' || lower === 'cookie' || lower === 'set-cookie') {
        found.push(...credentialsInHeader(named.name, named.value, at, now));
      } else {
        found.push(tokenCredential({ source: 'text', name: named.name, where: `the "${named.name}" value${at}`, value: named.value }, now, named.kind === 'password'));
      }
    }
    for (const [run] of line.matchAll(TOKEN_RUN)) {
      if (enough()) break;
      // A JWS has 3 segments, a JWE 5 (RFC 7515 §7.1, RFC 7516 §7.1); its header is base64url of `{"`.
      const dots = run.split('.').length - 1;
      if (run.startsWith('eyJ') && dots >= 2 && dots <= 4) {
        found.push(tokenCredential({ source: 'text', name: 'JWT', where: `a JWT${at}`, value: run }, now));
        continue;
      }
      const format = run.length <= LONGEST_PREFIXED ? recognizeTokenFormat(run) : undefined;
      if (format && !format.truncated) {
        found.push(tokenCredential({ source: 'text', name: format.format.kind, where: `a ${format.format.provider} ${format.format.kind}${at}`, value: run }, now));
      }
    }
  }
  // In prose, a named value that is a word, a placeholder or three digits ("status code: 200") is
  // no credential; a header's is, even "Bearer undefined": that is the bug being looked for.
  return distinct(found.filter((credential) => credential.source !== 'text' || !credential.notAToken));
}

import { AUTH_SCHEMES } from '../catalog/auth-schemes';
import { parseJsonObject } from '../lib/json-object';
import { readCurlCommand } from '../traffic/curl-command';
import { credentialsInCurl } from './credentials-in-curl';
import { credentialsInRequest, readRawRequest } from './credentials-in-request';
import { credentialsInText } from './credentials-in-text';
import { credentialsInFields, credentialsInUrl, jsonFields } from './find-credentials';
import { inspectToken } from './inspect-token';
import { parseTokenResponse } from './parse-token-response';
import type { NotATokenReason, PasteClassification } from './paste-classification';
import { readAuthorizationError } from './read-authorization-error';
import { readBasicCredentials } from './read-basic-credentials';
import type { TokenInspection } from './token-inspection';
import { isWordLike, whyNotAToken } from './why-not-a-token';

// A header line whose value is one credential: inspectToken reads it whole, and says what it cleaned off.
const CREDENTIAL_LINE = /^(?:proxy-)?authorization[ \t]*:|^(?:set-)?cookie[ \t]*:/i;
const SCHEMES = new Set(AUTH_SCHEMES.map((entry) => entry.scheme.toLowerCase()));
// What tokens are written with (base64, base64url, JOSE's dots, hex, prefixes' "_" and "-"), and what quotes them.
const TOKEN_PIECE = /^["'`“”‘’]?[A-Za-z0-9._~+/=-]+["'`“”‘’]?$/;
// A token response's form (GitHub's default), as InspectView has always taken it.
const FORM_RESPONSE = /^[\w.-]+=[^\s]*&/;

/**
 * Says what was pasted, and reads it as that: a token (alone, with its scheme, or in a header line,
 * cookie, URL or token response); a token response; a curl command, raw HTTP request, log line or
 * snippet, with every credential in it and where it was; an authorization error redirect; or text
 * that is no credential, with the reasons. JWTs are decoded, never verified. Never throws.
 */
export function classifyPaste(text: string, options: { now?: number } = {}): PasteClassification {
  const now = typeof options?.now === 'number' ? options.now : Date.now();
  const input = typeof text === 'string' ? text : '';
  const trimmed = input.trim();
  if (trimmed === '') return input === '' ? { kind: 'empty' } : { kind: 'token', inspection: inspectToken(input, { now }) };

  const command = readCurlCommand(trimmed);
  if (command) {
    return {
      kind: 'credentials',
      container: 'curl',
      description: 'a curl command',
      ...(command.request ? { request: { method: command.request.method, url: command.request.url } } : {}),
      credentials: credentialsInCurl(command, now),
    };
  }
  const request = readRawRequest(trimmed);
  if (request) {
    return { kind: 'credentials', container: 'http_request', description: 'a raw HTTP request', request: { method: request.method, url: request.url }, credentials: credentialsInRequest(request, now) };
  }

  const redirect = readAuthorizationError(trimmed);
  if (redirect) {
    const { location, ...error } = redirect;
    // launchWebAuthFlow and the address bar give only the final URL: the redirect that carried the
    // error is read as the browser saw it, a 302 with this Location, as the flow runner records it.
    return { kind: 'authorization_error', ...error, exchange: { response: { status: 302, headers: { location }, body: '' } } };
  }

  const response = tokenResponse(trimmed, now);
  if (response) return response;

  // One line that inspectToken unwraps (a header or cookie line, a cookie with its attributes, a
  // URL, a query or fragment carrying a token) is the token inside it.
  const oneLine = !/\n/.test(trimmed) ? inspectToken(input, { now }) : undefined;
  if (oneLine && (oneLine.extractedFrom || CREDENTIAL_LINE.test(trimmed))) return judged(oneLine);

  const json = trimmed.startsWith('{') ? parseJsonObject(trimmed, 'The paste') : undefined;
  if (json?.ok) {
    const inspection = oneLine ?? inspectToken(input, { now });
    if (inspection.extractedFrom) return judged(inspection);
    // Not a token response: a credentials file (Google's client_secret.json nests its secret) or a request body.
    const credentials = credentialsInFields(jsonFields(json.value), 'json_field', 'the JSON', now);
    if (credentials.length > 0) return { kind: 'credentials', container: 'json', description: 'a JSON object', credentials };
    return notAToken(inspection, { code: 'no_credential', message: `This is JSON with no token or secret in it (fields: ${Object.keys(json.value).slice(0, 8).join(', ') || 'none'}).` });
  }

  const { pieces, more } = firstPieces(trimmed);
  if (!more && (pieces.length === 1 || (pieces.length === 2 && isScheme(pieces[0]!)) || oneTokenWrapped(pieces))) {
    const inspection = oneLine ?? inspectToken(input, { now });
    if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(trimmed) && !inspection.extractedFrom) {
      const credentials = credentialsInUrl(trimmed, 'the URL', now);
      if (credentials.length > 0) return { kind: 'credentials', container: 'url', description: 'a URL', credentials };
      return notAToken(inspection, {
        code: 'no_credential',
        message: 'This is a URL with no token, code or error in its query or fragment: a redirect carries one of them (RFC 6749 §4.1.2, §4.2.2), an API call a token in its Authorization header (RFC 6750 §2.1).',
      });
    }
    return judged(inspection);
  }

  const credentials = credentialsInText(trimmed, now);
  if (credentials.length > 0) return { kind: 'credentials', container: 'text', description: 'text (a log line, a snippet or notes)', credentials };
  return notAToken(oneLine ?? inspectToken(input, { now }), prose(pieces, more));
}

/** A JSON or form token response, or the query or fragment of an implicit-flow redirect carrying one. */
function tokenResponse(text: string, now: number): PasteClassification | undefined {
  const fragmentOrQuery = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s?#]*)?[?#]([^\s]*)$/i.exec(text);
  const candidates: [body: string, foundIn?: string][] = [];
  if (text.startsWith('{') || FORM_RESPONSE.test(text)) candidates.push([text]);
  if (fragmentOrQuery) {
    const hash = text.indexOf('#');
    const fragment = hash >= 0 ? text.slice(hash + 1) : '';
    const query = hash >= 0 ? text.slice(text.indexOf('?') + 1, hash) : text.slice(text.indexOf('?') + 1);
    if (/(^|&)access_token=/.test(fragment)) candidates.push([fragment, "the redirect's fragment (implicit flow, RFC 6749 §4.2.2)"]);
    if (text.includes('?') && (hash < 0 || text.indexOf('?') < hash) && /(^|&)access_token=/.test(query)) candidates.push([query, "the URL's query"]);
  }
  for (const [body, foundIn] of candidates) {
    const response = parseTokenResponse(body, foundIn ? 'application/x-www-form-urlencoded' : undefined, { now });
    if (response.format !== 'unreadable' && (response.access_token || response.error)) return { kind: 'token_response', response, ...(foundIn ? { foundIn } : {}) };
  }
  return undefined;
}

/**
 * A token wrapped or split when copied ("Bearer" then the token, or a JWT broken over lines): every
 * piece is made of token characters and none reads as a word, but for a leading auth scheme.
 */
function oneTokenWrapped(pieces: string[]): boolean {
  const rest = isScheme(pieces[0]!) ? pieces.slice(1) : pieces;
  if (rest.length === 0 || rest.length > 64) return false;
  return rest.every((piece) => TOKEN_PIECE.test(piece) && !isWordLike(piece));
}

function isScheme(piece: string): boolean {
  return SCHEMES.has(piece.toLowerCase().replace(/:$/, ''));
}

/** A token as inspected, unless what it is made of says it is none (a word, a placeholder, `undefined`). */
function judged(inspection: TokenInspection): PasteClassification {
  const basic = inspection.basicClientId !== undefined ? readBasicCredentials(inspection.token) : undefined;
  if (inspection.kind === 'jwt' || inspection.kind === 'jwe' || inspection.provider || basic) return { kind: 'token', inspection, ...(basic ? { basic } : {}) };
  const reasons = whyNotAToken(inspection.token);
  return reasons.length > 0 ? { kind: 'not_a_token', reasons, inspection } : { kind: 'token', inspection };
}

function notAToken(inspection: TokenInspection, ...reasons: NotATokenReason[]): PasteClassification {
  return { kind: 'not_a_token', reasons, inspection };
}

// The first pieces tell what text is; splitting a megabyte into all of them would only cost time.
const MOST_PIECES = 2000;

/** The text's first whitespace-separated pieces, and whether there are more. */
function firstPieces(text: string): { pieces: string[]; more: boolean } {
  const pieces: string[] = [];
  const piece = /\S+/g;
  for (let match = piece.exec(text); match; match = piece.exec(text)) {
    if (pieces.length === MOST_PIECES) return { pieces, more: true };
    pieces.push(match[0]);
  }
  return { pieces, more: false };
}

/** Why text with spaces between words is no token: how many of its pieces read as words. */
function prose(pieces: string[], more: boolean): NotATokenReason {
  const words = pieces.filter(isWordLike);
  const example = words.slice(0, 5).map((word) => `"${word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')}"`).join(', ');
  return {
    code: 'prose',
    message:
      words.length >= 2
        ? `This looks like text, not a token: it has spaces between words (${words.length} of its ${more ? 'first ' : ''}${pieces.length} pieces read as words: ${example}${words.length > 5 ? ', …' : ''}), and no Authorization header, token field, cookie or JWT was found in it. A token is one unbroken string of random characters.`
        : `This has ${more ? 'more than ' : ''}${pieces.length} pieces separated by spaces, and no Authorization header, token field, cookie or JWT was found in it. A token is one unbroken string; paste it alone, or the whole request or curl command that carries it.`,
  };
}

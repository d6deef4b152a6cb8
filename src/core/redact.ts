import type { HttpExchange, HttpRequest, HttpResponse } from './http-exchange';
import { decodeBase64 } from './base64';
import { maskSecret } from './mask-secret';
import { isRecord } from './lib/is-record';

// Whatever lets its holder act as the client or the user: credentials, grants and tokens.
// Matched in any case: masking a harmless field by mistake costs less than showing a secret.
const SECRET_FIELDS = [
  'client_secret',
  'client_assertion',
  'code_verifier',
  'code',
  'password',
  'refresh_token',
  'access_token',
  'id_token',
  'assertion',
  'token',
  'device_code',
  'subject_token',
  'actor_token',
];
const SECRET_FIELD_SET = new Set(SECRET_FIELDS);
const NAMES = SECRET_FIELDS.join('|');

// What maskSecret produces. An exchange redacted twice keeps its masks: masking a mask
// would replace the length of the secret with the length of the mask.
const MASK = '(?:[\\s\\S]{4}…[\\s\\S]{4}|••••) \\(\\d+ chars\\)';
const MASKED = new RegExp(`^${MASK}$`);
const REDACTED_CREDENTIALS = new RegExp(`^<redacted (?:${MASK}|client_id "[^"]*", secret •••• \\(\\d+ chars\\))>$`);

/** What to show instead of a secret: enough to recognise it, never enough to use it. */
export function redactExchange(exchange: HttpExchange): HttpExchange {
  if (!isRecord(exchange)) return exchange;
  const redacted = { ...exchange };
  if (exchange.request !== undefined) redacted.request = redactRequest(exchange.request);
  if (exchange.response !== undefined) redacted.response = redactResponse(exchange.response);
  return redacted;
}

export function redactRequest(request: HttpRequest): HttpRequest {
  if (!isRecord(request)) return request;
  const redacted = { ...request };
  if (typeof request.url === 'string') redacted.url = redactUrl(request.url);
  if (request.headers !== undefined) redacted.headers = redactHeaders(request.headers);
  if (typeof request.body === 'string') redacted.body = redactBody(request.body, request.headers);
  return redacted;
}

function redactResponse(response: HttpResponse): HttpResponse {
  if (!isRecord(response)) return response;
  const redacted = { ...response };
  if (response.headers !== undefined) redacted.headers = redactHeaders(response.headers);
  if (typeof response.body === 'string') redacted.body = redactBody(response.body, response.headers);
  return redacted;
}


function isSecretField(name: string): boolean {
  return SECRET_FIELD_SET.has(name.trim().toLowerCase());
}

// An empty value hides nothing, and "(0 chars)" would only add noise where nothing was sent.
function mask(value: string): string {
  return value === '' || MASKED.test(value) ? value : maskSecret(value);
}

// ---- Headers

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  if (!isRecord(headers)) return headers;
  // fromEntries, not assignment, so that a header named "__proto__" stays a header.
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, typeof value === 'string' ? redactHeader(name, value) : value]));
}

function redactHeader(name: string, value: string): string {
  switch (name.trim().toLowerCase()) {
    case 'authorization':
    case 'proxy-authorization':
      return redactCredentials(value);
    case 'cookie':
      return value.split(';').map(redactCookiePair).join(';');
    case 'set-cookie':
      return redactSetCookie(value);
    // An authorization response redirects with the code in the URL; a page sends it on as Referer.
    case 'location':
    case 'content-location':
    case 'referer':
      return redactUrl(value);
    default:
      return value;
  }
}

// The scheme is what a developer checks ("Basic or Bearer?"), and it is no secret.
const SCHEME_THEN_CREDENTIALS = /^(\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]+)(\S[\s\S]*)$/;
const BARE_SCHEME = /^\s*(?:basic|bearer|dpop|digest|negotiate|ntlm)\s*$/i;

function redactCredentials(value: string): string {
  if (BARE_SCHEME.test(value) || REDACTED_CREDENTIALS.test(value.trim())) return value;
  const match = SCHEME_THEN_CREDENTIALS.exec(value);
  if (!match) return redactedCredentials(value);
  const credentials = match[2]!;
  if (REDACTED_CREDENTIALS.test(credentials)) return value;
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
  if (decoded === undefined || colon < 0) return `<redacted •••• (${credentials.length} chars)>`;
  return `<redacted client_id ${JSON.stringify(decoded.slice(0, colon))}, secret •••• (${decoded.length - colon - 1} chars)>`;
}

function redactedCredentials(credentials: string): string {
  return `<redacted ${maskSecret(credentials)}>`;
}

// Cookie names and attributes stay: they are what SameSite, Path and Domain problems are made of.
function redactCookiePair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq >= 0) return pair.slice(0, eq + 1) + mask(pair.slice(eq + 1));
  // A cookie without "=" is a value with an empty name (RFC 6265bis §5.6).
  const [, space, value] = /^(\s*)([\s\S]*)$/.exec(pair)!;
  return space! + mask(value!);
}

// Several Set-Cookie headers may come folded into one value, one per line or joined with
// commas as fetch's Headers joins them; a comma starts another cookie only when a name and
// "=" follow, which tells it from the comma of an Expires date. Masks already there are
// stepped over whole, so that a comma they show is not taken for one between cookies.
const SET_COOKIE_BREAK = new RegExp(`${MASK}|(\\r?\\n|,(?=[ \\t]*[^\\s;,=]+=))`, 'g');

function redactSetCookie(value: string): string {
  let out = '';
  let start = 0;
  for (const match of value.matchAll(SET_COOKIE_BREAK)) {
    const separator = match[1];
    if (separator === undefined) continue;
    out += redactOneSetCookie(value.slice(start, match.index)) + separator;
    start = match.index + separator.length;
  }
  return out + redactOneSetCookie(value.slice(start));
}

function redactOneSetCookie(cookie: string): string {
  const semicolon = cookie.indexOf(';');
  return semicolon < 0 ? redactCookiePair(cookie) : redactCookiePair(cookie.slice(0, semicolon)) + cookie.slice(semicolon);
}

// ---- URLs

// Parsed by hand, not with URL, which would re-encode and normalise the parts it keeps.
const PASSWORD_IN_USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#]*)@/;

function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const base = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const userinfo = PASSWORD_IN_USERINFO.exec(base);
  return (
    (userinfo ? `${userinfo[1]}${encodeValue(mask(percentDecode(userinfo[2]!)), '%20')}@${base.slice(userinfo[0].length)}` : base) +
    (question < 0 ? '' : `?${redactPairs(beforeHash.slice(question + 1))}`) +
    (hash < 0 ? '' : `#${redactFragment(url.slice(hash + 1))}`)
  );
}

// The implicit flow and response_mode=fragment put tokens in the fragment; a hash-routed
// single-page app receives them as "#/callback?code=…".
function redactFragment(fragment: string): string {
  const question = fragment.indexOf('?');
  if (question >= 0 && !fragment.slice(0, question).includes('=')) {
    return `${fragment.slice(0, question + 1)}${redactPairs(fragment.slice(question + 1))}`;
  }
  return redactPairs(fragment);
}

// ---- Form-encoded pairs: query strings, fragments, form bodies

// Pairs are rewritten one by one, so the others keep their bytes (a "%2E" stays "%2E").
function redactPairs(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0 || !isSecretField(formDecode(pair.slice(0, eq)))) return pair;
      return pair.slice(0, eq + 1) + encodeValue(mask(formDecode(pair.slice(eq + 1))), '+');
    })
    .join('&');
}

// URLSearchParams decodes as servers do and never throws on a stray "%"; most values have nothing to decode.
function formDecode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  return new URLSearchParams(`x=${text.replaceAll('&', '%26')}`).get('x') ?? text;
}

function percentDecode(text: string): string {
  return formDecode(text.replaceAll('+', '%2B'));
}

// Only ASCII that would change how the value splits or decodes is escaped: the mask's
// ellipsis and bullets stay readable, and URL and form parsers take them as they are.
function encodeValue(text: string, space: '+' | '%20'): string {
  return text.replace(/[^A-Za-z0-9\-._~!*'()\u0080-\uFFFF]/g, (char) =>
    char === ' ' ? space : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

// ---- Bodies

const FORM_TYPE = /^\s*application\/x-www-form-urlencoded\b/i;

function redactBody(body: string, headers: unknown): string {
  const json = /^\s*[[{]/.test(body) ? redactJson(body) : undefined;
  if (json !== undefined) return json;
  const type = contentType(headers);
  // Without a Content-Type, a body with "=" and no white space is read as a form, as GitHub's token response is.
  const form = type === undefined ? /^[^\s=&]+=\S*$/.test(body) : FORM_TYPE.test(type);
  return form ? redactPairs(body) : redactLoosely(body);
}

function contentType(headers: unknown): string | undefined {
  if (!isRecord(headers)) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.trim().toLowerCase() === 'content-type' && typeof value === 'string') return value;
  }
  return undefined;
}

// ---- JSON, rewritten in place: only the masked strings change, not the spacing, key order or number spelling

type Frame = { object: boolean; key: string; secret: boolean };
type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The JSON text with every string under a secret key masked (in arrays too), or undefined if it is not JSON. */
function redactJson(text: string): string | undefined {
  // A loop with its own stack, not recursion: a deeply nested body must not overflow the call stack.
  const stack: Frame[] = [];
  let out = '';
  let copied = 0;
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'commaOrEnd' : 'done');
  for (;;) {
    i = skipJsonWhitespace(text, i);
    if (expect === 'done') return i === text.length ? out + text.slice(copied) : undefined;
    if (i >= text.length) return undefined;
    const char = text[i];
    const top = stack[stack.length - 1];
    if (expect === 'colon') {
      if (char !== ':') return undefined;
      i += 1;
      expect = 'value';
    } else if (expect === 'commaOrEnd') {
      if (char === ',') {
        i += 1;
        expect = top!.object ? 'key' : 'value';
      } else if (char === (top!.object ? '}' : ']')) {
        stack.pop();
        i += 1;
        expect = afterValue();
      } else return undefined;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (char === '}' && expect === 'keyOrEnd') {
        stack.pop();
        i += 1;
        expect = afterValue();
      } else {
        const end = char === '"' ? jsonStringEnd(text, i) : -1;
        if (end < 0) return undefined;
        top!.key = decodeJsonString(text.slice(i, end)) ?? '';
        i = end;
        expect = 'colon';
      }
    } else if (char === ']' && expect === 'valueOrEnd') {
      stack.pop();
      i += 1;
      expect = afterValue();
    } else {
      // Everything beneath a secret key is secret, however it is nested.
      const secret = top ? top.secret || (top.object && isSecretField(top.key)) : false;
      if (char === '{' || char === '[') {
        stack.push({ object: char === '{', key: '', secret });
        i += 1;
        expect = char === '{' ? 'keyOrEnd' : 'valueOrEnd';
      } else if (char === '"') {
        const end = jsonStringEnd(text, i);
        if (end < 0) return undefined;
        if (secret) {
          const value = decodeJsonString(text.slice(i, end)) ?? '';
          const masked = mask(value);
          if (masked !== value) {
            out += text.slice(copied, i) + JSON.stringify(masked);
            copied = end;
          }
        }
        i = end;
        expect = afterValue();
      } else {
        // Numbers stay: under "code" they are far more often an error status than a grant.
        JSON_LITERAL.lastIndex = i;
        if (!JSON_LITERAL.test(text)) return undefined;
        i = JSON_LITERAL.lastIndex;
        expect = afterValue();
      }
    }
  }
}

function skipJsonWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i += 1;
  return i;
}

/** The index just after the closing quote of the JSON string starting at `start`, or -1 if it is not one. */
function jsonStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -1;
    if (code === 0x5c) {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1;
        i += 6;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
      else return -1;
    } else i += 1;
  }
  return -1;
}

function decodeJsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

// ---- Anything else: error pages, form_post pages, logs, broken JSON

// `name=value`, `name="value"`, and `"name": "value"` as in JSON, not inside a longer name
// ("error_code=" is not "code="). A bare `name: value` is left alone: in prose it is mostly not a secret.
const NAMED_VALUE = new RegExp(`(?<![\\w.-])(["']?)(?:${NAMES})\\1[ \\t]*([:=])[ \\t]*`, 'gi');
// response_mode=form_post: the authorization response arrives as hidden inputs of an HTML page.
const INPUT_TAG = /<input\b[^<>]*>/gi;
const SECRET_INPUT_NAME = new RegExp(`\\bname\\s*=\\s*(["']?)(?:${NAMES})\\1(?=[\\s/>]|$)`, 'i');
const INPUT_VALUE = /(\bvalue\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/i;
const UNQUOTED_VALUE = /[^\s&;,"'<>]*/y;

function redactLoosely(text: string): string {
  const withInputs = text.replace(INPUT_TAG, (tag) =>
    SECRET_INPUT_NAME.test(tag)
      ? tag.replace(INPUT_VALUE, (_, prefix: string, double?: string, single?: string, bare?: string) =>
          // An unquoted value gains quotes: the mask has spaces.
          single !== undefined ? `${prefix}'${mask(single)}'` : `${prefix}"${mask(double ?? bare ?? '')}"`,
        )
      : tag,
  );
  return redactNamedValues(withInputs);
}

function redactNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  NAMED_VALUE.lastIndex = 0;
  for (let match = NAMED_VALUE.exec(text); match; match = NAMED_VALUE.exec(text)) {
    const [, nameQuote, separator] = match;
    const start = NAMED_VALUE.lastIndex;
    if (separator === ':' && nameQuote === '') continue;
    const quote = text[start];
    if (quote === '"' || quote === "'") {
      const end = closingQuote(text, start);
      const raw = text.slice(start + 1, end);
      const value = quote === '"' && separator === ':' ? (decodeJsonString(`"${raw}"`) ?? raw) : raw;
      const masked = mask(value);
      if (masked === value) continue;
      out += `${text.slice(copied, start + 1)}${value === raw ? masked : JSON.stringify(masked).slice(1, -1)}`;
      copied = end;
      NAMED_VALUE.lastIndex = end;
    } else {
      UNQUOTED_VALUE.lastIndex = start;
      UNQUOTED_VALUE.test(text);
      const end = UNQUOTED_VALUE.lastIndex;
      if (end === start) continue;
      const raw = text.slice(start, end);
      const decoded = formDecode(raw);
      out += `${text.slice(copied, start)}${MASKED.test(decoded) ? raw : encodeValue(mask(decoded), '+')}`;
      copied = end;
      NAMED_VALUE.lastIndex = end;
    }
  }
  return out + text.slice(copied);
}

/** The index of the quote that closes the one at `start` (backslash escapes it), or the end of its line. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n') return i;
  }
  return text.length;
}

import { parseJsonObject } from '../lib/json-object';

export type Extraction = { token: string; container: 'json' | 'form' | 'url' | 'cookie'; field: string; description: string };

// Which field holds "the token" when a whole response, URL or cookie header is pasted.
const TOKEN_FIELDS = ['access_token', 'id_token', 'refresh_token', 'token', 'code'];

// RFC 6265 §4.1.1 (and RFC 6265bis's SameSite, Partitioned): the attributes after a Set-Cookie's pair.
const COOKIE_ATTRIBUTE = /^(?:path|domain|expires|max-age|secure|httponly|samesite|partitioned|priority)(?:=|$)/i;

/**
 * Finds the token inside a pasted container: a JSON or form-encoded token response, a URL whose
 * query or fragment carries it, the query or fragment alone (`#access_token=…&token_type=…`), a
 * `Cookie:` / `Set-Cookie:` line, or a cookie pair with its attributes and no header name
 * (`id=<jwt>; Path=/; Secure`). Undefined when the text is none of these. Never throws.
 */
export function extractToken(text: string): Extraction | undefined {
  return fromCookieLine(text) ?? fromJson(text) ?? fromUrl(text) ?? fromBareParameters(text) ?? fromForm(text) ?? fromCookiePair(text);
}

function fromJson(text: string): Extraction | undefined {
  if (!text.startsWith('{')) return undefined;
  const json = parseJsonObject(text, 'The pasted JSON');
  if (!json.ok) return undefined;
  const field = pickField(Object.keys(json.value).filter((key) => typeof json.value[key] === 'string'));
  if (!field) return undefined;
  return { token: json.value[field] as string, container: 'json', field, description: `the "${field}" field of the pasted JSON` };
}

function fromUrl(text: string): Extraction | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text) || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  // Implicit and hybrid flows put tokens in the fragment (RFC 6749 §4.2.2), the code flow in the query.
  return fromParameters(url.hash.slice(1), 'url', "the URL's fragment") ?? fromParameters(url.search.slice(1), 'url', "the URL's query");
}

/**
 * A redirect's query or fragment pasted without its URL (RFC 6749 §4.1.2, §4.2.2): with its "?" or
 * "#" in front, or bare when it carries an authorization code (`code=…&state=…`).
 */
function fromBareParameters(text: string): Extraction | undefined {
  if (/\s/.test(text)) return undefined;
  if (/^[?#]./.test(text)) return fromParameters(text.slice(1), 'url', `the pasted ${text[0] === '#' ? 'fragment' : 'query'}`);
  if (!/^[\w.-]+=/.test(text)) return undefined;
  const found = fromParameters(text, 'url', 'the pasted query string');
  return found?.field === 'code' ? { ...found, description: `${found.description} (an authorization response, RFC 6749 §4.1.2)` } : undefined;
}

function fromParameters(whole: string, container: 'url' | 'form', where: string): Extraction | undefined {
  // A hash router's fragment carries a route before its parameters: "#/callback?code=…".
  const question = whole.indexOf('?');
  const equals = whole.indexOf('=');
  if (equals < 0) return undefined;
  const text = question >= 0 && question < equals ? whole.slice(question + 1) : whole;
  const params = new URLSearchParams(text);
  const names: string[] = [];
  params.forEach((_, name) => names.push(name));
  const field = pickField(names);
  if (!field) return undefined;
  // A hybrid response (OIDC Core §3.3.2.5) carries several: the others are named, not lost.
  const others = TOKEN_FIELDS.filter((name) => name !== field && names.includes(name));
  const also = others.length > 0 ? `; it also carries ${others.map((name) => `"${name}"`).join(', ')}` : '';
  return { token: params.get(field) ?? '', container, field, description: `the "${field}" parameter of ${where}${also}` };
}

/**
 * Cookies pasted without a header name: one pair and its attributes (`id=<jwt>; Path=/; Secure`, a
 * Set-Cookie value, RFC 6265 §4.1.1), or several pairs (`a=b; sid=<token>`, a Cookie value, §4.2.1).
 */
function fromCookiePair(text: string): Extraction | undefined {
  if (text.indexOf(';') < 0) return undefined;
  const parts = text.split(';', MAX_COOKIE_PARTS + 1).map((part) => part.trim());
  if (parts.length > MAX_COOKIE_PARTS) return undefined;
  if (parts[parts.length - 1] === '') parts.pop();
  const first = cookiePair(parts[0]!);
  if (!first) return undefined;
  const rest = parts.slice(1);
  if (rest.length > 0 && rest.every((attribute) => COOKIE_ATTRIBUTE.test(attribute))) {
    return { token: first.value, container: 'cookie', field: first.name, description: `the "${first.name}" cookie (a Set-Cookie value with its attributes)` };
  }
  const pairs = parts.map(cookiePair);
  if (pairs.length < 2 || !pairs.every((pair) => pair !== undefined)) return undefined;
  const chosen = chooseCookie(pairs as CookiePair[])!;
  return { token: chosen.value, container: 'cookie', field: chosen.name, description: `the "${chosen.name}" cookie of the ${pairs.length} pasted (a Cookie value)` };
}

// A Cookie header with more pairs than this is not what was meant to be inspected.
const MAX_COOKIE_PARTS = 200;
// RFC 6265 §4.1.1: cookie-name is an RFC 2616 token.
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const JWT_SHAPED = /^"?eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./;

type CookiePair = { name: string; value: string };

function cookiePair(part: string): CookiePair | undefined {
  const eq = part.indexOf('=');
  const name = part.slice(0, eq).trim();
  if (eq <= 0 || !COOKIE_NAME.test(name)) return undefined;
  // Everything after the first "=": a cookie value may itself contain "=".
  return { name, value: part.slice(eq + 1).trim() };
}

/** The cookie that holds the token: a JWT, else one named for it, else the longest value. */
function chooseCookie(pairs: CookiePair[]): CookiePair | undefined {
  const withValue = pairs.filter((pair) => pair.value !== '');
  return (
    withValue.find((pair) => JWT_SHAPED.test(pair.value)) ??
    withValue.find((pair) => /token|auth|jwt|session|bearer/i.test(pair.name)) ??
    withValue.reduce<CookiePair | undefined>((longest, pair) => (longest && longest.value.length >= pair.value.length ? longest : pair), undefined)
  );
}

function fromForm(text: string): Extraction | undefined {
  // GitHub answers token requests form-encoded unless asked for JSON; an implicit response's fragment without its "#" reads the same.
  if (!/(^|&)(access_token|id_token|refresh_token)=/.test(text) || /\s/.test(text)) return undefined;
  const found = fromParameters(text, 'form', 'the form-encoded response (or a fragment without its "#")')!;
  return { ...found, description: found.description.replace(/ parameter of /, ' field of ') };
}

function fromCookieLine(text: string): Extraction | undefined {
  const header = /^(set-cookie|cookie)\s*:\s*/i.exec(text);
  if (!header) return undefined;
  const isSetCookie = header[1]!.toLowerCase() === 'set-cookie';
  // Set-Cookie has one cookie then attributes; Cookie has several name=value pairs.
  const pairs = text
    .slice(header[0].length)
    .split(';', isSetCookie ? 1 : MAX_COOKIE_PARTS)
    .filter((part) => part.includes('='))
    .map((part) => ({ name: part.slice(0, part.indexOf('=')).trim(), value: part.slice(part.indexOf('=') + 1).trim() }));
  const chosen = chooseCookie(pairs) ?? pairs[0];
  if (!chosen) return undefined;
  return { token: chosen.value, container: 'cookie', field: chosen.name, description: `the "${chosen.name}" cookie of the pasted ${header[1]} line` };
}

function pickField(names: string[]): string | undefined {
  return TOKEN_FIELDS.find((field) => names.includes(field)) ?? names.find((name) => /token$/i.test(name));
}

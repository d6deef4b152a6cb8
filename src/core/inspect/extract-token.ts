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
  for (const [part, params] of [
    ['fragment', new URLSearchParams(url.hash.slice(1))],
    ['query', url.searchParams],
  ] as const) {
    const names: string[] = [];
    params.forEach((_, name) => names.push(name));
    const field = pickField(names);
    if (field) return { token: params.get(field) ?? '', container: 'url', field, description: `the "${field}" parameter of the URL's ${part}` };
  }
  return undefined;
}

/** A redirect's query or fragment pasted without its URL, "?" or "#" in front (RFC 6749 §4.1.2, §4.2.2). */
function fromBareParameters(text: string): Extraction | undefined {
  if (!/^[?#][^\s]/.test(text) || /\s/.test(text)) return undefined;
  const part = text[0] === '#' ? 'fragment' : 'query';
  const params = new URLSearchParams(text.slice(1));
  const names: string[] = [];
  params.forEach((_, name) => names.push(name));
  const field = pickField(names);
  if (!field) return undefined;
  return { token: params.get(field) ?? '', container: 'url', field, description: `the "${field}" parameter of the pasted ${part}` };
}

/** `name=value; Path=/; Secure`: a Set-Cookie line without its header name, told by its attributes. */
function fromCookiePair(text: string): Extraction | undefined {
  const semicolon = text.indexOf(';');
  if (semicolon < 0) return undefined;
  const attributes = text.slice(semicolon + 1).split(';').map((part) => part.trim()).filter((part) => part !== '');
  if (attributes.length === 0 || !attributes.every((attribute) => COOKIE_ATTRIBUTE.test(attribute))) return undefined;
  const pair = text.slice(0, semicolon).trim();
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq);
  if (eq <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
  return { token: pair.slice(eq + 1), container: 'cookie', field: name, description: `the "${name}" cookie (a Set-Cookie value with its attributes)` };
}

function fromForm(text: string): Extraction | undefined {
  // GitHub answers token requests form-encoded unless asked for JSON.
  if (!/(^|&)(access_token|id_token|refresh_token)=/.test(text) || /\s/.test(text)) return undefined;
  const params = new URLSearchParams(text);
  const names: string[] = [];
  params.forEach((_, name) => names.push(name));
  const field = pickField(names)!;
  return { token: params.get(field) ?? '', container: 'form', field, description: `the "${field}" field of the form-encoded response` };
}

function fromCookieLine(text: string): Extraction | undefined {
  const header = /^(set-cookie|cookie)\s*:\s*/i.exec(text);
  if (!header) return undefined;
  const isSetCookie = header[1]!.toLowerCase() === 'set-cookie';
  // Set-Cookie has one cookie then attributes; Cookie has several name=value pairs.
  const pairs = text
    .slice(header[0].length)
    .split(';')
    .slice(0, isSetCookie ? 1 : undefined)
    .map((pair) => pair.trim())
    .filter((pair) => pair.includes('='));
  const chosen = pairs.find((pair) => /token|auth|jwt|session|bearer/i.test(pair.split('=')[0]!)) ?? pairs[0];
  if (!chosen) return undefined;
  const name = chosen.slice(0, chosen.indexOf('='));
  // Everything after the first "=": a cookie value may itself contain "=".
  return { token: chosen.slice(name.length + 1), container: 'cookie', field: name, description: `the "${name}" cookie of the pasted ${header[1]} line` };
}

function pickField(names: string[]): string | undefined {
  return TOKEN_FIELDS.find((field) => names.includes(field)) ?? names.find((name) => /token$/i.test(name));
}

import { AUTH_SCHEMES, CREDENTIAL_HEADERS } from '../catalog/auth-schemes';
import { isRecord } from '../lib/is-record';
import { parseJsonObject } from '../lib/json-object';
import { parseUrl } from '../lib/parse-url';
import { secretNameKind } from '../redact/secret-name-kind';
import { inspectToken } from './inspect-token';
import type { CredentialSource, FoundCredential } from './paste-classification';
import { readBasicCredentials, userAndPassword } from './read-basic-credentials';
import { whyNotAToken } from './why-not-a-token';

/** How many credentials one paste is read for: a request carries a handful; a huge log is not read whole. */
export const MOST_CREDENTIALS = 20;

// RFC 9110 §5.6.2 token: an auth scheme, a header name.
const SCHEME_AND_REST = /^[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \t]+([^]*))?$/;
// RFC 6265 §4.1.1 and RFC 6265bis: what follows a Set-Cookie's first pair is attributes, not cookies.
const COOKIE_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'secure', 'httponly', 'samesite', 'partitioned', 'priority', 'version', 'comment']);
// Cookie names are the site's choice: these words are how sites name the ones that authenticate.
const AUTH_COOKIE = /auth|sess|sid|jwt|token|bearer|login|remember|identity|access|refresh|credential/i;
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){1,3}$/;
const RFC6750_2_3 = 'RFC 6750 §2.3 https://www.rfc-editor.org/rfc/rfc6750#section-2.3';

/** A credential read as a token, with why it may not be one. Password-like values are only checked for placeholders. */
export function tokenCredential(
  found: Omit<FoundCredential, 'inspection' | 'notAToken' | 'value'> & { value: string },
  now: number,
  passwordLike = false,
): FoundCredential {
  const inspection = inspectToken(found.value, { now });
  const judged = inspection.kind === 'jwt' || inspection.kind === 'jwe' || inspection.provider ? [] : whyNotAToken(inspection.token);
  const notAToken = passwordLike ? judged.filter((reason) => reason.code === 'placeholder' || reason.code === 'empty_value') : judged;
  return { ...found, inspection, ...(notAToken.length > 0 ? { notAToken } : {}) };
}

/**
 * The credentials in one header: `Authorization` by its scheme (Basic decoded into client id and
 * secret), cookies by their names, and any other header whose name says it holds a secret
 * (`DPoP`, `X-Api-Key`, `PRIVATE-TOKEN`). `how` ends the description ("set with -H").
 */
export function credentialsInHeader(name: string, value: string, how: string, now: number): FoundCredential[] {
  const lower = name.trim().toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return [authorization(name.trim(), value, how, now)];
  if (lower === 'cookie' || lower === 'set-cookie') return credentialsInCookies(value, lower === 'set-cookie', `the ${name.trim()} header${how}`, now);
  const kind = secretNameKind(lower);
  if (!kind || value.trim() === '') return [];
  const known = CREDENTIAL_HEADERS.find((entry) => entry.scheme.toLowerCase() === lower);
  return [
    tokenCredential(
      { source: 'header', name: name.trim(), where: `the ${name.trim()} header${how}`, value: value.trim(), ...(known ? { meaning: `${known.meaning} (${known.source})` } : {}) },
      now,
      kind === 'password',
    ),
  ];
}

function authorization(name: string, value: string, how: string, now: number): FoundCredential {
  const parsed = SCHEME_AND_REST.exec(value);
  const rest = parsed?.[2]?.trim() ?? '';
  // "Authorization: <token>" with no scheme: some APIs take it so; the whole value is the credential.
  if (!parsed || rest === '') return tokenCredential({ source: 'authorization', name, where: `the ${name} header, with no scheme${how}`, value: value.trim() }, now);
  const scheme = parsed[1]!;
  const known = AUTH_SCHEMES.find((entry) => entry.scheme.toLowerCase() === scheme.toLowerCase());
  const common = { source: 'authorization' as const, name, scheme, where: `the ${name} header (${scheme})${how}`, ...(known ? { meaning: `${known.meaning} (${known.source})` } : {}) };
  if (scheme.toLowerCase() === 'basic') {
    const basic = readBasicCredentials(rest);
    if (basic) return { ...common, value: rest, basic };
    return {
      ...tokenCredential({ ...common, value: rest }, now, true),
      notAToken: [
        { code: 'no_credential', message: 'After "Basic" comes base64 of "client_id:client_secret" (RFC 7617 §2); this does not decode to text with a colon, so the server cannot read a client id and secret from it.' },
        ...(whyNotAToken(rest).filter((reason) => reason.code === 'placeholder' || reason.code === 'empty_value')),
      ],
    };
  }
  return tokenCredential({ ...common, value: rest }, now);
}

/** The cookies that look like they authenticate: named so, or holding a JWT or a long random value. */
export function credentialsInCookies(value: string, setCookie: boolean, where: string, now: number): FoundCredential[] {
  const pairs = value.split(';').slice(0, setCookie ? 1 : 50);
  const found: FoundCredential[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const cookie = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (cookie === '' || COOKIE_ATTRIBUTES.has(name.toLowerCase())) continue;
    if (!(secretNameKind(name) || AUTH_COOKIE.test(name) || JWT_SHAPE.test(cookie) || (cookie.length >= 20 && !/\s/.test(cookie)))) continue;
    found.push(tokenCredential({ source: 'cookie', name, where: `the "${name}" cookie of ${where}`, value: cookie }, now));
  }
  return found;
}

/** Secret-named fields of a form or a JSON object, with the client id they go with when there is one. */
export function credentialsInFields(
  fields: [name: string, value: string][],
  source: CredentialSource,
  where: string,
  now: number,
  clientId = fields.find(([name]) => name === 'client_id')?.[1],
): FoundCredential[] {
  const found: FoundCredential[] = [];
  for (const [name, value] of fields) {
    const kind = secretNameKind(name);
    if (!kind || value === '' || found.length >= MOST_CREDENTIALS) continue;
    const forClient = /secret/i.test(name) && clientId ? ` (client_id "${clientId}")` : '';
    const inQuery = (source === 'query' || source === 'fragment') && /token$/i.test(name) && !/hint/i.test(name);
    found.push(
      tokenCredential(
        {
          source,
          name,
          where: `the "${name}" ${source === 'query' || source === 'fragment' ? 'parameter' : 'field'} of ${where}${forClient}`,
          value,
          ...(inQuery && source === 'query' ? { meaning: `A token in a URL's query is written into server, proxy and browser logs and sent on in Referer: ${RFC6750_2_3} allows it only when no header can carry it.` } : {}),
        },
        now,
        kind === 'password',
      ),
    );
  }
  return found;
}

/** The fields of a request body, form-encoded or JSON (nested objects walked, a few levels deep). */
export function bodyFields(body: string): { fields: [string, string][]; json: boolean } {
  const text = body.trim();
  if (text.startsWith('{')) {
    const json = parseJsonObject(text, 'The body');
    return { fields: json.ok ? jsonFields(json.value) : [], json: true };
  }
  const fields: [string, string][] = [];
  if (/^[^\s{}<>=&]+=/.test(text)) new URLSearchParams(text).forEach((value, name) => fields.push([name, value]));
  return { fields, json: false };
}

/** String values of an object and the objects inside it, each by its own key: what a JSON body or credentials file holds. */
export function jsonFields(value: Record<string, unknown>): [string, string][] {
  const fields: [string, string][] = [];
  const walk = (node: Record<string, unknown>, depth: number) => {
    for (const key of Object.keys(node).slice(0, 200)) {
      const child = node[key];
      if (typeof child === 'string') fields.push([key, child]);
      else if (typeof child === 'number' && key === 'client_id') fields.push([key, String(child)]);
      else if (isRecord(child) && depth < 5 && fields.length < 500) walk(child, depth + 1);
    }
  };
  walk(value, 0);
  return fields;
}

/** The secret-named parameters of a URL's query and fragment (OAuth puts tokens in either). */
export function credentialsInUrl(url: string, where: string, now: number): FoundCredential[] {
  const parsed = parseUrl(url) ?? parseUrl(url, 'http://relative.invalid');
  if (!parsed) return [];
  const params = (text: string) => {
    const fields: [string, string][] = [];
    new URLSearchParams(text).forEach((value, name) => fields.push([name, value]));
    return fields;
  };
  return [
    ...credentialsInFields(params(parsed.search.slice(1)), 'query', `${where}'s query`, now),
    ...credentialsInFields(params(parsed.hash.slice(1)), 'fragment', `${where}'s fragment`, now),
  ];
}

/** curl's `-u id:secret` (no colon: curl asks for the password, which the paste does not have). */
export function userOption(value: string, written = '-u'): FoundCredential {
  const colon = value.indexOf(':');
  const basic = colon < 0 ? userAndPassword(value, '', true) : userAndPassword(value.slice(0, colon), value.slice(colon + 1));
  if (colon < 0) basic.notes.unshift('No ":" and no password: curl asks for one when it runs, so what it sent is not in this paste.');
  return {
    source: 'user_option',
    name: written,
    scheme: 'Basic',
    where: `${written}, which curl sends as "Authorization: Basic" (base64 of id:secret)`,
    meaning: `${AUTH_SCHEMES[1]!.meaning} (${AUTH_SCHEMES[1]!.source})`,
    value,
    basic,
  };
}

/** The same value found twice (a header and the JWT inside it) is kept once, as first found. */
export function distinct(credentials: FoundCredential[]): FoundCredential[] {
  const seen = new Set<string>();
  return credentials
    .filter((credential) => {
      const key = credential.inspection?.token ?? credential.value;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MOST_CREDENTIALS);
}

/** A form value as curl's --data-urlencode takes it: "name=value" with the value not yet encoded. */
export function urlencodedPair(value: string): [string, string] | undefined {
  const eq = value.indexOf('=');
  return eq > 0 ? [value.slice(0, eq), value.slice(eq + 1)] : undefined;
}

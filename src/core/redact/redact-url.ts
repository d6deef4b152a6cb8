import { encodeValue, formDecode } from '../lib/form-encoding';
import { percentDecode } from '../lib/percent-decode';
import { isMask } from './mask-value';
import { redactValue } from './redact-value';
import { redactNamedValues } from './redact-named-values';
import { secretNameKind } from './secret-name-kind';
import { maskSecret } from './mask-secret';

// Parsed by hand, not with URL, which would re-encode and normalise the parts it keeps.
const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)@/;

/**
 * A URL with the secrets of its userinfo, query and fragment masked (a hash-routed app's
 * `#/callback?code=…` too); every other byte as it was.
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const base = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const userinfo = USERINFO.exec(base);
  return (
    (userinfo ? `${userinfo[1]}${redactUserinfo(userinfo[2]!)}@${base.slice(userinfo[0].length)}` : base) +
    (question < 0 ? '' : `?${redactPairs(beforeHash.slice(question + 1))}`) +
    (hash < 0 ? '' : `#${redactFragment(url.slice(hash + 1))}`)
  );
}

// What git hosts take as the user when the token is the password (GitHub's x-access-token,
// GitLab's oauth2, Bitbucket's x-token-auth), or as the password when the token is the user
// (GitHub's x-oauth-basic): names, not secrets.
const USER_LITERALS = new Set(['x-access-token', 'oauth2', 'x-token-auth', 'x-oauth-basic', 'git', 'anonymous']);
// A user part shorter than this is a name ("git", "alice"); a token is longer.
const TOKEN_USER_LENGTH = 8;

/**
 * `user:password` of a URL: the password shows only its length; the user part stays, unless it
 * carries the token itself (`https://TOKEN@host/`, `https://TOKEN:x-oauth-basic@host/`).
 */
export function redactUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? undefined : userinfo.slice(colon + 1);
  const placeholder = password === undefined || password === '' || USER_LITERALS.has(percentDecode(password).toLowerCase());
  const shownUser = placeholder ? redactUser(user) : user;
  if (password === undefined) return shownUser;
  return `${shownUser}:${placeholder ? password : encodeValue(maskKept(percentDecode(password), 'password'), '%20')}`;
}

function redactUser(user: string): string {
  const decoded = percentDecode(user);
  if (decoded.length < TOKEN_USER_LENGTH || USER_LITERALS.has(decoded.toLowerCase()) || isMask(decoded)) return user;
  return encodeValue(maskSecret(decoded), '%20');
}

function maskKept(value: string, kind: 'password' | 'token'): string {
  return value === '' || isMask(value) ? value : maskSecret(value, kind);
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

/**
 * Form-encoded pairs (query strings, fragments, form bodies), rewritten one by one so the others
 * keep their bytes (a "%2E" stays "%2E"). `;` separates pairs too, as older servers read it
 * (`?a=1;code=…`), except inside the value of a secret: that is masked whole. A value that is
 * not a secret is read as text for the secrets it quotes (an error_description, a nested URL).
 */
export function redactPairs(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const secret = redactSecretPair(pair);
      if (secret !== undefined) return secret;
      if (pair.includes(';')) {
        const parts = pair.split(';').map((part) => redactSecretPair(part) ?? part).join(';');
        if (parts !== pair) return parts;
      }
      return redactQuotingPair(pair);
    })
    .join('&');
}

/** The pair with its value masked, or undefined when its name is not a secret's. */
function redactSecretPair(pair: string): string | undefined {
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  const name = formDecode(pair.slice(0, eq));
  const kind = secretNameKind(name);
  if (!kind) return undefined;
  const value = formDecode(pair.slice(eq + 1));
  const shown = redactValue(value, kind, name);
  return shown === value ? pair : pair.slice(0, eq + 1) + encodeValue(shown, '+');
}

// Only these separate a name from its value.
const MAY_QUOTE_SECRETS = /[=:]/;

/** A pair whose value, decoded, quotes a secret (`error_description=bad+client_secret%3D…`), with it masked. */
function redactQuotingPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const value = formDecode(pair.slice(eq + 1));
  if (!MAY_QUOTE_SECRETS.test(value)) return pair;
  const shown = redactNamedValues(value);
  return shown === value ? pair : pair.slice(0, eq + 1) + encodeValue(shown, '+');
}

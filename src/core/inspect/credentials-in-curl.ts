import type { CurlCommand } from '../traffic/curl-command';
import type { FoundCredential } from './paste-classification';
import { bodyFields, credentialsInCookies, credentialsInFields, credentialsInHeader, credentialsInUrl, distinct, tokenCredential, urlencodedPair, userOption } from './find-credentials';

const BODY_OPTIONS = new Set(['data', 'data-ascii', 'data-binary', 'data-raw', 'json']);

/**
 * The credentials a curl command sends, each with the option that set it, as written: `-H`
 * headers (`Authorization` by scheme, cookies, `DPoP`, API-key headers), `-u`, `--oauth2-bearer`,
 * `-d` and `--data*` form or JSON fields, `-F` fields, `-b` cookies, and the URL's query and fragment.
 */
export function credentialsInCurl(command: CurlCommand, now: number): FoundCredential[] {
  // Each -d is one field or several; the client id a secret goes with may be in another one.
  const body = command.options.map(({ name, value }) => bodyOf(name, value));
  const clientId = body.flatMap((part) => part?.fields ?? []).find(([name]) => name === 'client_id')?.[1];
  const found: FoundCredential[] = [];
  command.options.forEach(({ name, value, written }, i) => {
    const part = body[i];
    if (part) {
      found.push(...credentialsInFields(part.fields, part.json ? 'json_field' : 'form_field', `the ${part.json ? 'JSON ' : ''}body, set with ${written}`, now, clientId));
    } else if (name === 'header') {
      const colon = value.indexOf(':');
      if (colon > 0) found.push(...credentialsInHeader(value.slice(0, colon), value.slice(colon + 1), `, set with ${written}`, now));
    } else if (name === 'user') {
      if (value !== '') found.push(userOption(value, written));
    } else if (name === 'oauth2-bearer') {
      if (value !== '') found.push(tokenCredential({ source: 'bearer_option', name: written, scheme: 'Bearer', where: `${written}, which curl sends as "Authorization: Bearer"`, value }, now));
    } else if (name === 'cookie' && value.includes('=')) {
      // Without "=", -b names a file of cookies the paste does not have.
      found.push(...credentialsInCookies(value, false, `the Cookie header, set with ${written}`, now));
    } else if (name === 'url') {
      found.push(...credentialsInUrl(value, 'the URL', now));
    } else if (name === 'url-query') {
      const pair = urlencodedPair(value);
      if (pair) found.push(...credentialsInFields([pair], 'query', `the URL's query, set with ${written}`, now));
    }
  });
  for (const url of command.urls) found.push(...credentialsInUrl(url, 'the URL', now));
  return distinct(found);
}

/** The fields an option puts in the body, as written: "@file" and "<file" read files the paste does not have. */
function bodyOf(name: string, value: string): { fields: [string, string][]; json: boolean } | undefined {
  if (BODY_OPTIONS.has(name)) return value.startsWith('@') ? undefined : bodyFields(value);
  // --data-urlencode encodes the value itself; -F sends a multipart field.
  if (name === 'data-urlencode' || name === 'form' || name === 'form-string') {
    const pair = urlencodedPair(value);
    return pair && !(name === 'form' && /^[@<]/.test(pair[1])) ? { fields: [pair], json: false } : undefined;
  }
  return undefined;
}

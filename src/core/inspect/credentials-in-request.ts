import type { FoundCredential } from './paste-classification';
import { bodyFields, credentialsInFields, credentialsInHeader, credentialsInUrl, distinct } from './find-credentials';

// "POST /token HTTP/1.1", as RFC 9112 §3 writes a request line; curl -v prefixes it with "> ".
const REQUEST_LINE = /^(?:> )?([A-Z][A-Z_-]{0,20})[ \t]+(\S{1,8000})[ \t]+HTTP\/\d(?:\.\d)?[ \t]*$/;
const REQUEST_START = /^\uFEFF?\s*(?:> )?[A-Z][A-Z_-]{0,20}[ \t]/;
const HEADER = /^(?:> )?([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})[ \t]*:[ \t]*(.*)$/;

export type RawRequest = { method: string; url: string; headers: [string, string][]; body: string };

/**
 * A raw HTTP/1.1 request (RFC 9112 §2.1: request line, header lines, a blank line, the body), as
 * the network panel's "raw" view, a proxy or `curl -v` (its "> " lines) shows it. Undefined when
 * the paste does not start with a request line.
 */
export function readRawRequest(text: string): RawRequest | undefined {
  // Told by its first characters, before a megabyte is copied to normalise its line ends.
  if (!REQUEST_START.test(text.slice(0, 64))) return undefined;
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/^[ \t]*\n+/, '');
  const firstEnd = normalised.indexOf('\n');
  const first = REQUEST_LINE.exec((firstEnd < 0 ? normalised : normalised.slice(0, firstEnd)).trim());
  if (!first) return undefined;
  const headers: [string, string][] = [];
  let at = firstEnd < 0 ? normalised.length : firstEnd + 1;
  while (at < normalised.length) {
    const end = normalised.indexOf('\n', at);
    const line = normalised.slice(at, end < 0 ? normalised.length : end).trim();
    at = end < 0 ? normalised.length : end + 1;
    if (line === '' || line === '>') break;
    const header = HEADER.exec(line);
    if (header) headers.push([header[1]!, header[2]!.trim()]);
  }
  const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1];
  const target = first[2]!;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || !host ? target : `https://${host}${target.startsWith('/') ? '' : '/'}${target}`;
  return { method: first[1]!, url, headers, body: normalised.slice(at) };
}

/** The credentials a raw request carries: in its headers, its target's query, and its body. */
export function credentialsInRequest(request: RawRequest, now: number): FoundCredential[] {
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const { fields, json } = /multipart/i.test(contentType) ? { fields: [], json: false } : bodyFields(request.body);
  return distinct([
    ...request.headers.flatMap(([name, value]) => credentialsInHeader(name, value, ' of the request', now)),
    ...credentialsInUrl(request.url, 'the request target', now),
    ...credentialsInFields(fields, json ? 'json_field' : 'form_field', `the request's ${json ? 'JSON ' : ''}body`, now),
  ]);
}

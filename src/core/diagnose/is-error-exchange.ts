import type { HttpExchange } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';
import { headerRecord } from '../traffic/header-record';

// Whether an exchange failed, apart from what its error says (readError): the background counts
// errors by this alone, and should not carry the reading of codes, evidence and settings with it.

/** Bodies and request bodies are read up to this many characters. */
export const MAX_BODY_SCAN = 100_000;

/** The response's status as a whole number; 0 when none was read or it is not a finite number. */
export function statusOf(exchange: HttpExchange): number {
  const response: unknown = isRecord(exchange) ? exchange.response : undefined;
  return isRecord(response) && typeof response.status === 'number' && Number.isFinite(response.status) ? Math.trunc(response.status) : 0;
}

/** What of the response tells an error: its status, its headers (names lowercased) and the start of its body. */
export function responseOf(exchange: HttpExchange): { status: number; headers: Record<string, string>; body: string } {
  const response = isRecord(exchange) && isRecord(exchange.response) ? exchange.response : undefined;
  return {
    status: statusOf(exchange),
    headers: headerRecord(response?.headers, 'lower'),
    body: typeof response?.body === 'string' ? response.body.slice(0, MAX_BODY_SCAN) : '',
  };
}

/**
 * Whether an exchange failed: no response (status 0), a 4xx or 5xx status, a redirect whose
 * Location carries an error, or a body that carries one whatever the status (`error`, Slack's
 * `"ok": false`). readError reads the same exchanges, and only these, for what they say. Never
 * throws: an exchange that cannot be read (a throwing getter) counts as failed.
 */
export function isErrorExchange(exchange: HttpExchange): boolean {
  try {
    const { status, headers, body } = responseOf(exchange);
    if (status === 0 || status >= 400) return true;
    if (status >= 300 && headers.location && redirectError(headers.location)) return true;
    return bodyCarriesError(errorBody(body, headers['content-type']));
  } catch {
    return true;
  }
}

/** The error a redirect's Location carries: in the query (RFC 6749 §4.1.2.1) or, for the implicit flow and response_mode=fragment, the fragment. */
export function redirectError(location: string): { codes: string[]; description?: string; uri?: string } | undefined {
  const hash = location.indexOf('#');
  const question = location.indexOf('?');
  for (const part of [question >= 0 ? location.slice(question + 1, hash > question ? hash : undefined) : '', hash >= 0 ? location.slice(hash + 1) : '']) {
    if (part === '') continue;
    const params = new URLSearchParams(part.includes('?') && !part.split('?')[0]!.includes('=') ? part.slice(part.indexOf('?') + 1) : part);
    const error = params.get('error');
    if (error) {
      return {
        codes: [error],
        ...(params.get('error_description') ? { description: params.get('error_description')! } : {}),
        ...(params.get('error_uri') ? { uri: params.get('error_uri')! } : {}),
      };
    }
  }
  return undefined;
}

/**
 * A body as it is read for an error. `json`: `fields` names those that mark an error (what the
 * evidence quotes), empty when none does. `markup`: `code` from `<error>`, `<code>` or `<errorCode>`.
 */
export type ErrorBody =
  | { kind: 'empty' }
  | { kind: 'json'; root: Record<string, unknown> | undefined; fields: string[] }
  | { kind: 'form'; params: URLSearchParams }
  | { kind: 'markup'; text: string; xml: boolean; code: string | undefined }
  | { kind: 'text'; text: string };

/** JSON whatever the Content-Type says, a form by its type or its look, markup, or plain text. */
export function errorBody(body: string, contentType: string | undefined): ErrorBody {
  const text = body.trim();
  if (text === '') return { kind: 'empty' };
  if (/^[[{]/.test(text)) {
    const json = parseJson(text);
    if (json !== undefined) {
      const root = Array.isArray(json) ? json[0] : json;
      return isRecord(root) ? { kind: 'json', root, fields: jsonErrorFields(root) } : { kind: 'json', root: undefined, fields: [] };
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType ?? '') || /^[^\s{}<>=&]+=[^\s]*$/.test(text)) return { kind: 'form', params: new URLSearchParams(text) };
  if (/^</.test(text)) return { kind: 'markup', text, xml: /^<\?xml/i.test(text), code: markupTag(text, 'error') ?? markupTag(text, 'code') ?? markupTag(text, 'errorCode') };
  return { kind: 'text', text };
}

/** Whether the body reports an error: an error field in JSON or a form, an XML error code. An HTML page or plain text may explain one, but does not say there is one. */
export function bodyCarriesError(body: ErrorBody): boolean {
  switch (body.kind) {
    case 'json':
      return body.fields.length > 0;
    case 'form':
      return !!body.params.get('error');
    case 'markup':
      return body.xml && body.code !== undefined;
    default:
      return false;
  }
}

/** One JSON shape per provider family: the fields that say the answer is an error, as the evidence quotes them. */
function jsonErrorFields(root: Record<string, unknown>): string[] {
  const fields: string[] = [];
  const error = root.error;
  if (typeof error === 'string' && error !== '') fields.push(`"error": "${error}"`);
  // Google APIs, Microsoft Graph, Stripe, Spotify's Web API, Dropbox: {"error": {"code"|"status"|"type"|".tag", "message"}}.
  else if (isRecord(error)) fields.push(`"error": {${Object.keys(error).slice(0, 4).map((k) => `"${k}"`).join(', ')}}`);
  if (root.ok === false) fields.push('"ok": false');
  for (const name of ['errorCode', 'error_code', 'errorSummary', 'error_summary']) {
    if (root[name] !== undefined && root[name] !== null) fields.push(`"${name}"`);
  }
  // Twitter v1.1 {"errors":[{"code":89,"message":…}]}, Shopify {"errors": "…"}, Intuit {"Fault":{"Error":[…]}}.
  const errors = isRecord(root.Fault) ? root.Fault.Error : root.errors;
  if (Array.isArray(errors) && isRecord(errors[0])) fields.push(isRecord(root.Fault) ? '"Fault"' : '"errors"');
  else if (typeof errors === 'string') fields.push('"errors"');
  return fields;
}

/** An HTML error page's or an XML error's element text, when short enough to be a message. */
export function markupTag(text: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]{0,200}>([^<]{1,300})</${name}>`, 'i').exec(text)?.[1]?.trim();
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

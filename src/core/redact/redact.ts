import type { HttpExchange, HttpRequest, HttpResponse } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';
import { redactHeaders } from './redact-header';
import { redactJson } from './redact-json';
import { redactPairs, redactUrl } from './redact-url';
import { redactText } from './redact-text';

// Whatever lets its holder act as the client or the user (credentials, grants, tokens, keys) is
// recognised by the name it comes under (secret-names.ts), wherever that name appears: headers,
// URLs, form, multipart, JSON, XML and HTML bodies, and free text. Masking a harmless field by
// mistake costs less than showing a secret.

export { redactText, redactUrl };

/** What to show instead of a secret: enough to recognise it, never enough to use it. Never throws. */
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

export function redactResponse(response: HttpResponse): HttpResponse {
  if (!isRecord(response)) return response;
  const redacted = { ...response };
  if (response.headers !== undefined) redacted.headers = redactHeaders(response.headers);
  if (typeof response.body === 'string') redacted.body = redactBody(response.body, response.headers);
  return redacted;
}

const FORM_TYPE = /^\s*application\/x-www-form-urlencoded\b/i;

/** A body by what it is: JSON whatever its Content-Type says, a form, or text (multipart, XML, HTML, logs). */
function redactBody(body: string, headers: unknown): string {
  const json = /^\s*[[{]/.test(body) ? redactJson(body) : undefined;
  if (json !== undefined) return json;
  const type = contentType(headers);
  // Without a Content-Type, a body with "=" and no white space is read as a form, as GitHub's token response is.
  const form = type === undefined ? /^[^\s=&]+=\S*$/.test(body) : FORM_TYPE.test(type);
  return form ? redactPairs(body) : redactText(body);
}

function contentType(headers: unknown): string | undefined {
  if (!isRecord(headers)) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.trim().toLowerCase() === 'content-type' && typeof value === 'string') return value;
  }
  return undefined;
}

import type { HttpRequest } from './http-exchange';
import { headerRecord, type HeaderFields } from './header-record';
import { redactRequest } from '../redact/redact';

/** What webRequest's onBeforeRequest hands over as `requestBody` (same shape in Chrome and Firefox). */
export type CapturedBody = { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[]; error?: string };

/** How much of a request body is kept. Token requests are a few hundred bytes; an upload is not worth keeping. */
export const CAPTURED_BODY_LIMIT = 16 * 1024;

/**
 * A request a source saw, redacted the moment it is taken in: client secrets, verifiers,
 * passwords, codes, tokens and Authorization values never reach storage. Its headers take the
 * one shape (`headerRecord`); its body is webRequest's `requestBody` or text. Never throws.
 */
export function captureRequest(method: string, url: string, headers: HeaderFields | undefined, body: CapturedBody | string | undefined): HttpRequest {
  const fields = headerRecord(headers);
  const text = typeof body === 'string' ? body : bodyText(body);
  if (typeof body === 'object' && body?.formData && !Object.keys(fields).some((name) => name.toLowerCase() === 'content-type')) fields['Content-Type'] = 'application/x-www-form-urlencoded';
  const request: HttpRequest = { method, url, ...(Object.keys(fields).length > 0 ? { headers: fields } : {}), ...(text !== undefined ? { body: text } : {}) };
  const redacted = redactRequest(request);
  if (redacted.body !== undefined && redacted.body.length > CAPTURED_BODY_LIMIT) {
    redacted.body = `${redacted.body.slice(0, CAPTURED_BODY_LIMIT)}… (${redacted.body.length - CAPTURED_BODY_LIMIT} more characters not kept)`;
  }
  return redacted;
}

function bodyText(body: CapturedBody | undefined): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  if (body.formData && typeof body.formData === 'object') {
    const params = new URLSearchParams();
    for (const [name, values] of Object.entries(body.formData)) for (const value of Array.isArray(values) ? values : []) if (typeof value === 'string') params.append(name, value);
    return params.toString();
  }
  if (Array.isArray(body.raw)) {
    // Only the head of a large body is decoded; redaction then sees whole fields up to there.
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const part of body.raw) {
      if (!(part?.bytes instanceof ArrayBuffer) || size >= CAPTURED_BODY_LIMIT * 4) continue;
      const bytes = new Uint8Array(part.bytes, 0, Math.min(part.bytes.byteLength, CAPTURED_BODY_LIMIT * 4 - size));
      chunks.push(bytes);
      size += bytes.length;
    }
    const all = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return new TextDecoder('utf-8').decode(all);
  }
  return undefined;
}

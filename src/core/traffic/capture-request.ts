import type { HttpRequest } from './http-exchange';
import { isRecord } from '../lib/is-record';
import { redactRequest } from '../redact/redact';

/** What webRequest's onBeforeRequest hands over as `requestBody` (same shape in Chrome and Firefox). */
export type CapturedBody = { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[]; error?: string };

/** How much of a request body is kept. Token requests are a few hundred bytes; an upload is not worth keeping. */
export const CAPTURED_BODY_LIMIT = 16 * 1024;

/**
 * A request the watcher saw, redacted the moment it is captured: client secrets, verifiers,
 * passwords, codes, tokens and Authorization values never reach storage. Never throws.
 */
export function captureRequest(method: string, url: string, headers: { name: string; value?: string }[] | undefined, body: CapturedBody | undefined): HttpRequest {
  const headerRecord: Record<string, string> = {};
  // webRequest's details, as the browser (or a test's fake of it) hands them over: only text is kept.
  for (const header of Array.isArray(headers) ? (headers as unknown[]) : []) {
    const { name, value } = isRecord(header) ? header : {};
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    headerRecord[name] = headerRecord[name] === undefined ? value : `${headerRecord[name]}, ${value}`;
  }
  const text = bodyText(body);
  if (body?.formData && !Object.keys(headerRecord).some((name) => name.toLowerCase() === 'content-type')) {
    headerRecord['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const request: HttpRequest = { method, url, ...(Object.keys(headerRecord).length > 0 ? { headers: headerRecord } : {}), ...(text !== undefined ? { body: text } : {}) };
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

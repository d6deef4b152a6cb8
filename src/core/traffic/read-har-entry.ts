import { decodeBase64 } from '../lib/base64';
import { isRecord } from '../lib/is-record';
import { parseUrl } from '../lib/parse-url';
import { CAPTURED_BODY_LIMIT } from './capture-request';
import { capBody } from './storage-budget';

/**
 * One HAR entry as the judgement needs it, raw (it is redacted where the reducer takes it in).
 * HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/#entries
 */
export type HarExchange = {
  /** When the request started, ISO 8601 in UTC; the text as written when it is no date. */
  at: string;
  /** `at` in milliseconds, undefined when the entry gives no readable date. */
  startedMs?: number;
  /** When the answer was complete (`startedDateTime` + `time`). */
  answeredAt?: string;
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  /** undefined: the file records no answer (still pending when it was saved). */
  answer?: HarAnswer;
};

/** status 0: no answer (blocked, refused, cancelled), `error` saying why as the tool did. */
export type HarAnswer = { status: number; headers: [string, string][]; body?: string; location?: string; error?: string };

/** How much of a request body is read: a token request is a few hundred bytes; captureRequest keeps 16 KB. */
const REQUEST_BODY_READ = CAPTURED_BODY_LIMIT * 4;
/** How much of a base64 body is decoded: a response is cut to 64 KB anyway (capBody). */
const BASE64_READ = 96 * 1024;

/**
 * Reads what judgement needs of a HAR entry, tolerant of what real tools write: Chrome's HTTP/2
 * pseudo-headers (`:authority`), its `_error` on a blocked request, fields left out (Safari,
 * Charles, Fiddler), a body only as `params`, `content.encoding: "base64"`. An entry that cannot
 * be a request (no URL) is a problem, said in words naming the field. Never throws.
 */
export function readHarEntry(entry: unknown, index: number): { exchange: HarExchange; notes: string[] } | { problem: string } {
  if (!isRecord(entry)) return { problem: `entry ${index} is not an object` };
  const request = entry.request;
  if (!isRecord(request)) return { problem: `entry ${index} has no request object` };
  if (typeof request.url !== 'string' || request.url.trim() === '') return { problem: `entry ${index} has no request.url` };
  const notes: string[] = [];
  const method = typeof request.method === 'string' && request.method.trim() !== '' ? request.method.trim().toUpperCase() : undefined;
  if (!method) notes.push(`entry ${index} has no request.method: read as GET`);
  const startedMs = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : Number.NaN;
  const started = Number.isFinite(startedMs) ? startedMs : undefined;
  const took = typeof entry.time === 'number' && Number.isFinite(entry.time) && entry.time >= 0 ? entry.time : 0;
  const at = started !== undefined ? isoOf(started) : typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '';
  const answeredAt = started !== undefined ? isoOf(started + took) : undefined;
  const headers = headersOf(request.headers);
  const body = requestBody(request.postData);
  // The form's type, so redaction reads its fields, when the headers were not recorded (Chrome's provisional headers).
  const mimeType = isRecord(request.postData) && typeof request.postData.mimeType === 'string' ? request.postData.mimeType.trim() : '';
  if (body !== undefined && mimeType !== '' && !headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', mimeType]);
  const answer = readAnswer(entry.response, request.url);
  if (entry.response !== undefined && !answer) notes.push(`entry ${index} has a response without a numeric status: its answer is not judged`);
  const exchange: HarExchange = {
    at,
    ...(started !== undefined ? { startedMs: started } : {}),
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    method: method ?? 'GET',
    url: request.url.trim(),
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(answer ? { answer } : {}),
  };
  return { exchange, notes };
}

function readAnswer(response: unknown, url: string): HarAnswer | undefined {
  if (!isRecord(response)) return undefined;
  const status = typeof response.status === 'number' ? response.status : typeof response.status === 'string' && /^\s*-?\d+\s*$/.test(response.status) ? Number(response.status) : Number.NaN;
  if (!Number.isFinite(status)) return undefined;
  const headers = headersOf(response.headers);
  // Some tools write -1 for "no status": as Chrome's 0, no answer.
  if (status <= 0) {
    const error = [response._error, response.statusText].find((text): text is string => typeof text === 'string' && text.trim() !== '');
    return { status: 0, headers, error: error ?? 'no answer recorded (status 0)' };
  }
  const location = status >= 300 && status < 400 ? locationOf(response, headers, url) : undefined;
  const body = responseBody(response.content);
  return { status: Math.floor(status), headers, ...(body !== undefined ? { body } : {}), ...(location !== undefined ? { location } : {}) };
}

/** Where a redirect went: HAR's `redirectURL`, else the Location header; relative to the request (RFC 9110 §10.2.2). */
function locationOf(response: Record<string, unknown>, headers: [string, string][], url: string): string | undefined {
  const given = typeof response.redirectURL === 'string' && response.redirectURL.trim() !== '' ? response.redirectURL.trim() : headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (given === undefined) return undefined;
  return parseUrl(given, url)?.href ?? given;
}

/** HAR's `[{name, value}]`, without HTTP/2's pseudo-headers (`:authority`, `:path`), which are no fields (RFC 9113 §8.3). */
function headersOf(list: unknown): [string, string][] {
  if (!Array.isArray(list)) return [];
  const out: [string, string][] = [];
  for (const field of list as unknown[]) {
    if (!isRecord(field) || typeof field.name !== 'string' || field.name.startsWith(':')) continue;
    out.push([field.name, typeof field.value === 'string' ? field.value : typeof field.value === 'number' ? String(field.value) : '']);
  }
  return out;
}

/**
 * `postData.text`, else its `params` as a form (Chrome and Firefox write both for a form; Charles
 * and Fiddler 2 only params). An empty one is no body: Fiddler and Insomnia write
 * `{"text": "", "mimeType": ""}` on every GET.
 */
function requestBody(postData: unknown): string | undefined {
  if (!isRecord(postData)) return undefined;
  if (typeof postData.text === 'string' && postData.text !== '') return postData.text.slice(0, REQUEST_BODY_READ);
  if (!Array.isArray(postData.params) || postData.params.length === 0) return undefined;
  const form = new URLSearchParams();
  for (const param of postData.params as unknown[]) if (isRecord(param) && typeof param.name === 'string') form.append(param.name, typeof param.value === 'string' ? param.value : '');
  return form.toString().slice(0, REQUEST_BODY_READ);
}

/** `content.text`, decoded when base64; a binary body (not UTF-8) is left out, as is one the tool did not save. */
function responseBody(content: unknown): string | undefined {
  if (!isRecord(content) || typeof content.text !== 'string') return undefined;
  if (content.encoding !== 'base64') return capBody(content.text);
  const text = content.text.replace(/\s+/g, '');
  const cut = text.length > BASE64_READ;
  const bytes = decodeBase64(cut ? text.slice(0, BASE64_READ) : text);
  return bytes ? utf8Text(bytes, cut) : undefined;
}

/** The bytes as UTF-8 text, or undefined when they are not text. A body cut short may end inside a character. */
function utf8Text(bytes: Uint8Array, cut: boolean): string | undefined {
  for (let drop = 0; drop <= (cut ? 3 : 0); drop += 1) {
    try {
      return capBody(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - drop)));
    } catch {
      // Not text at this length.
    }
  }
  return undefined;
}

function isoOf(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : '';
}

import type { HttpExchange } from './http-exchange';

/**
 * `storage.session` holds 10 MiB in Chrome and in Firefox
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/session).
 * Each store gets a share counted in bytes, not entries: 200 small errors and 30 large ones
 * weigh the same, and whatever comes in, the shares add up to less than the quota in either
 * browser's count (`storedBytes`). Chrome also counts some memory per value beyond its text
 * (200 error entries without bodies: 164 KB of JSON, 438 KB counted); the entry limits (200
 * errors, 20 runs) keep that well within what the shares leave.
 */
export const STORAGE_BUDGET = {
  /** One stored body: enough for any OAuth error, token response or discovery document, not for a download. */
  body: 64 * 1024,
  /** The Errors view's list, newest first. */
  errorLog: 4 * 1024 * 1024,
  /** Flow runs with their exchanges, newest first. */
  runs: 3 * 1024 * 1024,
} as const;

/** The UTF-8 length of a string, counted without encoding it. Lone surrogates count as U+FFFD does (3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * What a value weighs in `storage.session`, as the larger of the two browsers' counts of its
 * JSON. Chrome counts a string's UTF-8 bytes. Firefox counts the value's structured clone, in
 * which a string takes two bytes per UTF-16 code unit unless the engine keeps it one byte wide,
 * and it keeps every string read from the network (a TextDecoder's, a response's `text()`) two
 * bytes wide, whatever its characters: probed in Firefox ESR 153, 100 000 "x" from either
 * weigh about 200 000 bytes, the same typed in code or parsed from JSON about 100 000. Counted
 * in UTF-8 alone, a 4 MiB error log took 8.35 MB of Firefox's 10 MiB.
 */
export function storedBytes(value: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return json === undefined ? 0 : Math.max(utf8Length(json), 2 * json.length);
}

// Stored entries are never changed once made, so what one weighs is worked out once.
const weights = new WeakMap<object, number>();

function weightOf(item: unknown): number {
  if (typeof item !== 'object' || item === null) return storedBytes(item);
  let weight = weights.get(item);
  if (weight === undefined) weights.set(item, (weight = storedBytes(item)));
  return weight;
}

/** The body cut to `limit` bytes (at a character boundary) with a note of what was left out; unchanged if it fits. */
export function capBody(body: string, limit: number = STORAGE_BUDGET.body): string {
  if (typeof body !== 'string' || body.length <= limit / 3 || utf8Length(body) <= limit) return body;
  let end = 0;
  let bytes = 0;
  while (end < body.length) {
    const code = body.charCodeAt(end);
    const pair = code >= 0xd800 && code <= 0xdbff && end + 1 < body.length && (body.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > limit) break;
    bytes += size;
    end += pair ? 2 : 1;
  }
  return `${body.slice(0, end)}\n… [OAuth Lens kept the first ${bytes} of ${utf8Length(body)} bytes]`;
}

/** The exchange with its request and response bodies capped for storage. */
export function capExchangeBodies<T extends HttpExchange>(exchange: T, limit: number = STORAGE_BUDGET.body): T {
  if (typeof exchange !== 'object' || exchange === null) return exchange;
  const request = exchange.request && typeof exchange.request.body === 'string' ? { ...exchange.request, body: capBody(exchange.request.body, limit) } : exchange.request;
  const response = exchange.response && typeof exchange.response.body === 'string' ? { ...exchange.response, body: capBody(exchange.response.body, limit) } : exchange.response;
  if (request === exchange.request && response === exchange.response) return exchange;
  return { ...exchange, ...(request ? { request } : {}), ...(response ? { response } : {}) };
}

/**
 * The longest newest-first prefix of `items` that fits in `budget` bytes. The newest item is
 * always kept: it is what the person is looking at now (its bodies are capped, so it is small).
 */
export function keepNewestWithin<T>(items: readonly T[], budget: number, size: (item: T) => number = weightOf): T[] {
  // A list read from storage may be of another shape: then nothing is kept of it.
  if (!Array.isArray(items)) return [];
  let used = 0;
  let count = 0;
  for (const item of items) {
    used += size(item) + 1;
    if (count > 0 && used > budget) break;
    count += 1;
  }
  return items.slice(0, count);
}

import type { RateLimit } from './diagnosis';
import { RATE_LIMIT_HEADERS, type RateLimitField, type RateLimitHeader } from '../catalog/rate-limit-headers';
import { shorten } from '../lib/shorten';

export type RateLimitReading = {
  /** Whole seconds (>= 0) to wait, counted from the response's Date header, or from `nowMs` when it has none. */
  retryAfterSeconds?: number;
  /** resetAt is ISO 8601. */
  rateLimit?: RateLimit;
  /** One line per header read, e.g. "Retry-After: 120 (seconds)". */
  evidence: string[];
  /** "RFC 9110 §10.2.3 https://…" or a provider's page, only for headers present. */
  references: string[];
};

const HTTP_DATE_REFERENCE = 'RFC 9110 §5.6.7 https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7';
const DATE_REFERENCE = 'RFC 9110 §6.6.1 https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1';

// A reset without a documented unit is judged by size. 10^9 seconds is 31 years, too long to be a
// wait, and as a Unix time it is 2001-09-09: any real reset time is above it. Past 10^12 a value
// can only be milliseconds: as seconds it would fall in the year 33658.
const UNIX_SECONDS_FLOOR = 1e9;
const UNIX_MILLISECONDS_FLOOR = 1e12;
const HEURISTIC = 'judged by size: no provider documents this header here, and values above 10^9 are Unix times, below it seconds to wait';
// ECMAScript dates end 8.64e15 ms either side of 1970; toISOString throws beyond.
const MAX_DATE_MS = 8.64e15;
const MAX_EVIDENCE_VALUE = 120;

/**
 * Reads Retry-After and the rate-limit headers (the IETF drafts' and the providers' own) of a
 * response. `nowMs` is used only when the response has no readable Date header. `provider` (a
 * display name such as "GitHub") makes that provider's documented meaning of a header win.
 * Never throws: unreadable values are skipped and say so in the evidence.
 */
export function readRateLimit(headers: Record<string, string>, nowMs: number, provider?: string): RateLimitReading {
  const fields = collectFields(headers);
  const reading: Reading = { evidence: [], references: [], state: {}, clockUsed: false };
  const clock = serverClock(fields.get('date'), nowMs);
  const wanted = typeof provider === 'string' ? provider.trim().toLowerCase() : '';

  for (const name of HEADER_NAMES) {
    const field = fields.get(name);
    if (field === undefined) continue;
    const entries = RATE_LIMIT_HEADERS.filter((e) => e.header.toLowerCase() === name);
    const documented = wanted === '' ? [] : entries.filter((e) => e.providers?.some((p) => p.toLowerCase() === wanted));
    const generic = entries.filter((e) => e.providers === undefined);
    const candidates = documented.length > 0 ? documented : generic.length > 0 ? generic : entries;
    const context: Context = { clock, byProvider: documented.length > 0, reading, field };
    let found: Found | undefined;
    let used = candidates[0]!;
    for (const entry of candidates) {
      found = READERS[entry.field](field.value, entry, context);
      if (found !== undefined) {
        used = entry;
        break;
      }
    }
    addReference(reading, `${used.cite} ${used.source}`);
    if (found === undefined) {
      reading.evidence.push(`${field.name}: ${shorten(field.value, MAX_EVIDENCE_VALUE)} (could not be read; ignored)`);
      continue;
    }
    reading.evidence.push(`${field.name}: ${shorten(field.value, MAX_EVIDENCE_VALUE)}${found.note}`);
    for (const reference of found.references ?? []) addReference(reading, reference);
  }

  return finish(reading, clock);
}

type Field = { name: string; value: string };
type Clock = { anchorMs: number; date?: Field; dateReadable: boolean };
type State = {
  limit?: number;
  remaining?: number;
  used?: number;
  resetMs?: number;
  /** The reset was a point in time, so a wait from it depends on whose clock says "now". */
  resetIsTime?: boolean;
  retryAfterSeconds?: number;
  /** The draft's RateLimit names the policy whose quota RateLimit-Policy gives. */
  policyName?: string;
  policies?: { name?: string; quota: number }[];
};
type Reading = { evidence: string[]; references: string[]; state: State; clockUsed: boolean };
type Context = { clock: Clock; byProvider: boolean; reading: Reading; field: Field };
/** What a reader adds to the evidence line after the value; a reader returns undefined for an unreadable value. */
type Found = { note: string; references?: string[] };
type Reader = (value: string, entry: RateLimitHeader, context: Context) => Found | undefined;

/** Lower-cased header names in the order of RATE_LIMIT_HEADERS, each once. */
const HEADER_NAMES = [...new Set(RATE_LIMIT_HEADERS.map((e) => e.header.toLowerCase()))];

/**
 * Field names are case-insensitive (RFC 9110 §5.1), so "X-RateLimit-Reset" and
 * "x-ratelimit-reset" are the same field; differing repeats are joined with ", " as §5.3 allows.
 */
function collectFields(headers: unknown): Map<string, Field> {
  const fields = new Map<string, Field>();
  if (headers === null || typeof headers !== 'object') return fields;
  for (const [name, raw] of Object.entries(headers)) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    const key = name.trim().toLowerCase();
    const seen = fields.get(key);
    if (seen === undefined) fields.set(key, { name: name.trim(), value });
    else if (seen.value !== value) seen.value = `${seen.value}, ${value}`;
  }
  return fields;
}

/**
 * Absolute times in a response (an HTTP-date, a Unix reset) were set by the server's clock, and a
 * client's clock can drift minutes or hours from it. Measuring them against the response's own
 * Date header gives the wait the server meant; the local clock is only the fallback.
 */
function serverClock(date: Field | undefined, nowMs: number): Clock {
  const dateMs = date === undefined ? undefined : parseHttpDate(date.value, nowMs);
  if (dateMs !== undefined) return { anchorMs: dateMs, date, dateReadable: true };
  return date === undefined ? { anchorMs: nowMs, dateReadable: false } : { anchorMs: nowMs, date, dateReadable: false };
}

const READERS: Record<RateLimitField, Reader> = {
  'retry-after': readRetryAfter,
  limit: (value, _entry, { reading }) => {
    const count = parseCount(value);
    if (count === undefined) return undefined;
    reading.state.limit ??= count;
    return { note: '' };
  },
  remaining: (value, _entry, { reading }) => {
    const count = parseCount(value);
    if (count === undefined) return undefined;
    reading.state.remaining ??= count;
    const limit = reading.state.limit;
    return { note: limit === undefined ? '' : ` of ${limit}` };
  },
  used: (value, _entry, { reading }) => {
    const count = parseCount(value);
    if (count === undefined) return undefined;
    reading.state.used ??= count;
    return { note: paren('used in this window') };
  },
  reset: readReset,
  'used-of-limit': readUsedOfLimit,
  'service-limit': readServiceLimit,
  policy: (value, _entry, { reading }) => {
    const members = parseStructuredList(value);
    const policies = members?.flatMap((m) => {
      const quota = m.params.get('q');
      return typeof m.item === 'string' && isCount(quota) ? [{ name: m.item, quota, window: m.params.get('w') }] : [];
    });
    if (policies === undefined || policies.length === 0) return undefined;
    reading.state.policies ??= policies;
    return { note: paren(policies.map((p) => `"${p.name}": ${p.quota}${isCount(p.window) ? ` per ${p.window} s` : ''}`).join('; ')) };
  },
  'legacy-dictionary': (value, _entry, { reading, clock }) => {
    const members = parseStructuredList(value);
    if (members === undefined) return undefined;
    const byKey = new Map(members.flatMap((m) => (m.key === undefined ? [] : [[m.key, m.item] as const])));
    const limit = byKey.get('limit');
    const remaining = byKey.get('remaining');
    const reset = byKey.get('reset');
    if (!isCount(limit) && !isCount(remaining) && !isCount(reset)) return undefined;
    const { state } = reading;
    if (isCount(limit)) state.limit ??= limit;
    if (isCount(remaining)) state.remaining ??= remaining;
    if (isCount(reset)) state.resetMs ??= clock.anchorMs + reset * 1000;
    return { note: isCount(reset) ? paren(`reset in ${reset} s`) : '' };
  },
  'legacy-policy': (value, _entry, { reading }) => {
    const members = parseStructuredList(value);
    const policies = members?.flatMap((m) => (isCount(m.item) ? [{ quota: m.item, window: m.params.get('w') }] : []));
    if (policies === undefined || policies.length === 0) return undefined;
    reading.state.policies ??= policies;
    return { note: paren(policies.map((p) => `${p.quota}${isCount(p.window) ? ` per ${p.window} s` : ''}`).join('; ')) };
  },
};

function readRetryAfter(value: string, entry: RateLimitHeader, { clock, reading }: Context): Found | undefined {
  const { state } = reading;
  if (/^\d+$/.test(value)) {
    const seconds = Number(value);
    if (!Number.isSafeInteger(seconds)) return undefined;
    state.retryAfterSeconds ??= seconds;
    return { note: paren('seconds') };
  }
  // Not RFC 9110's delay-seconds, which is a whole number, but sent in the wild ("2.0"); rounding
  // up never retries too early.
  if (/^\d{1,15}\.\d+$/.test(value)) {
    const seconds = Math.ceil(Number(value));
    state.retryAfterSeconds ??= seconds;
    return { note: paren(`seconds, read as ${seconds}: RFC 9110 allows only whole seconds`) };
  }
  const dateMs = parseHttpDate(value, clock.anchorMs);
  if (dateMs !== undefined) {
    const seconds = wholeSecondsUntil(dateMs, clock);
    if (seconds === undefined) return undefined;
    reading.clockUsed = true;
    state.retryAfterSeconds ??= seconds;
    return { note: paren(`an HTTP-date, ${describeWait(seconds, clock)}`), references: [HTTP_DATE_REFERENCE] };
  }
  const isoMs = parseIsoUtc(value);
  if (isoMs !== undefined) {
    const seconds = wholeSecondsUntil(isoMs, clock);
    if (seconds === undefined) return undefined;
    reading.clockUsed = true;
    state.retryAfterSeconds ??= seconds;
    const documented = entry.resetUnit === 'iso-8601' ? `${entry.providers?.join(', ')} documents this form` : 'not an RFC 9110 form';
    return { note: paren(`an ISO 8601 time, ${documented}; ${describeWait(seconds, clock)}`) };
  }
  return undefined;
}

function readReset(value: string, entry: RateLimitHeader, context: Context): Found | undefined {
  const { clock, reading, byProvider, field } = context;
  const { state } = reading;
  if (entry.resetUnit === 'http-date') {
    const ms = parseHttpDate(value, clock.anchorMs);
    if (ms === undefined || toIso(ms) === undefined) return undefined;
    setResetTime(state, ms);
    return { note: paren(`an HTTP-date: ${toIso(ms)}`), references: [HTTP_DATE_REFERENCE] };
  }
  const match = /^(\d{1,16})(?:\.\d{1,9})?$/.exec(value);
  if (match === null) return undefined;
  const number = Number(value);
  const unit = byProvider || entry.resetUnit === 'unix-seconds' ? entry.resetUnit : judgeBySize(number);
  const judged = !byProvider && unit !== entry.resetUnit;
  if (unit === 'delta-seconds' || unit === undefined) {
    state.resetMs ??= clock.anchorMs + number * 1000;
    return { note: paren(`seconds until the quota resets${judged ? `, ${HEURISTIC}` : ''}`) };
  }
  const ms = unit === 'unix-milliseconds' ? number : number * 1000;
  const iso = toIso(ms);
  if (iso === undefined) return { note: paren('a Unix time too far from 1970 to be a date; ignored') };
  setResetTime(state, ms);
  const kind = unit === 'unix-milliseconds' ? 'a Unix time in milliseconds' : 'a Unix time';
  if (!judged) return { note: paren(`${kind}: ${iso}`) };
  // A documented delta read as a Unix time: name who sends it that way, and cite them.
  const senders = RATE_LIMIT_HEADERS.filter((e) => e.header.toLowerCase() === field.name.toLowerCase() && e.resetUnit === 'unix-seconds' && e.providers !== undefined);
  if (entry.resetUnit === 'delta-seconds' && senders.length > 0) {
    const who = senders.flatMap((e) => e.providers ?? []).join(', ');
    return {
      note: paren(`${kind}: ${iso}; ${entry.cite} defines seconds to wait, but a value above 10^9 cannot be one (${who} sends a Unix time here)`),
      references: senders.map((e) => `${e.cite} ${e.source}`),
    };
  }
  return { note: paren(`${kind}: ${iso}, ${HEURISTIC}`) };
}

function setResetTime(state: State, ms: number): void {
  if (state.resetMs !== undefined) return;
  state.resetMs = ms;
  state.resetIsTime = true;
}

function judgeBySize(value: number): 'delta-seconds' | 'unix-seconds' | 'unix-milliseconds' {
  if (value >= UNIX_MILLISECONDS_FLOOR) return 'unix-milliseconds';
  return value >= UNIX_SECONDS_FLOOR ? 'unix-seconds' : 'delta-seconds';
}

function readUsedOfLimit(value: string, entry: RateLimitHeader, { reading }: Context): Found | undefined {
  let pair = value;
  if (entry.key !== undefined) {
    const wanted = entry.key.toLowerCase();
    const part = value
      .split(/[;,]/)
      .map((p) => p.trim())
      .find((p) => p.toLowerCase().startsWith(`${wanted}=`));
    if (part === undefined) return undefined;
    pair = part.slice(wanted.length + 1).trim();
  }
  const match = /^(\d{1,15})\s*\/\s*(\d{1,15})$/.exec(pair);
  if (match === null) return undefined;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  const remaining = Math.max(0, limit - used);
  const { state } = reading;
  state.limit ??= limit;
  state.used ??= used;
  state.remaining ??= remaining;
  return { note: paren(`${used} of ${limit} used, ${remaining} remaining`) };
}

function readServiceLimit(value: string, _entry: RateLimitHeader, { reading, clock }: Context): Found | undefined {
  const members = parseStructuredList(value);
  const limits = members?.flatMap((m) => {
    const remaining = m.params.get('r');
    const reset = m.params.get('t');
    if (m.key !== undefined || typeof m.item !== 'string' || !isCount(remaining)) return [];
    return [{ name: m.item, remaining, reset: isCount(reset) ? reset : undefined }];
  });
  if (limits === undefined || limits.length === 0) return undefined;
  // Several policies can apply at once; the one with the least left is the one that throttles,
  // and among equals the longest wait is the one that holds.
  const tightest = limits.reduce((a, b) => (b.remaining < a.remaining || (b.remaining === a.remaining && (b.reset ?? 0) > (a.reset ?? 0)) ? b : a));
  const { state } = reading;
  state.remaining ??= tightest.remaining;
  state.policyName ??= tightest.name;
  if (tightest.reset !== undefined) state.resetMs ??= clock.anchorMs + tightest.reset * 1000;
  return {
    note: paren(limits.map((l) => `"${l.name}": ${l.remaining} remaining${l.reset === undefined ? '' : `, more in ${l.reset} s`}`).join('; ')),
  };
}

function finish(reading: Reading, clock: Clock): RateLimitReading {
  const { state, evidence, references } = reading;
  if (state.limit === undefined && state.policies !== undefined) {
    const named = state.policies.find((p) => p.name !== undefined && p.name === state.policyName);
    const only = state.policies.length === 1 ? state.policies[0] : undefined;
    state.limit = (named ?? only)?.quota;
  }
  if (state.remaining === undefined && state.limit !== undefined && state.used !== undefined) {
    state.remaining = Math.max(0, state.limit - state.used);
  }

  const result: RateLimitReading = { evidence, references };
  let retryAfterSeconds = state.retryAfterSeconds;
  if (retryAfterSeconds === undefined && state.remaining === 0 && state.resetMs !== undefined) {
    retryAfterSeconds = wholeSecondsUntil(state.resetMs, clock);
    if (state.resetIsTime === true) reading.clockUsed = true;
  }
  if (retryAfterSeconds !== undefined) result.retryAfterSeconds = retryAfterSeconds;

  const rateLimit: RateLimit = {};
  if (state.limit !== undefined) rateLimit.limit = state.limit;
  if (state.remaining !== undefined) rateLimit.remaining = state.remaining;
  const resetAt = state.resetMs === undefined ? undefined : toIso(state.resetMs);
  if (resetAt !== undefined) rateLimit.resetAt = resetAt;
  if (Object.keys(rateLimit).length > 0) result.rateLimit = rateLimit;

  if (reading.clockUsed) {
    if (clock.dateReadable && clock.date !== undefined) {
      evidence.push(`${clock.date.name}: ${shorten(clock.date.value, MAX_EVIDENCE_VALUE)} (the server's clock: the times above are measured against it, since the server set them by it)`);
      addReference(reading, DATE_REFERENCE);
    } else if (clock.date !== undefined) {
      evidence.push(`${clock.date.name}: ${shorten(clock.date.value, MAX_EVIDENCE_VALUE)} (not an HTTP-date, so the times above are measured against this computer's clock, which may differ from the server's)`);
    } else {
      evidence.push("No Date header: the times above are measured against this computer's clock, which may differ from the server's");
    }
  }
  return result;
}

function describeWait(seconds: number, clock: Clock): string {
  if (seconds === 0) return 'already past: retry now';
  return clock.dateReadable ? `${seconds} s after the response's Date` : `${seconds} s from now`;
}

/** Seconds from the clock's anchor to `ms`, rounded up (retrying early is refused), never negative. */
function wholeSecondsUntil(ms: number, clock: Clock): number | undefined {
  const seconds = Math.ceil((ms - clock.anchorMs) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

function addReference(reading: Reading, reference: string): void {
  if (!reading.references.includes(reference)) reading.references.push(reference);
}

function paren(text: string): string {
  return ` (${text})`;
}

function toIso(ms: number): string | undefined {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return undefined;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A count, or the first item of a list such as "100, 100;window=60" (sent as X-RateLimit-Limit by some APIs). */
function parseCount(value: string): number | undefined {
  const match = /^(\d{1,15})(?:\s*[,;].*)?$/.exec(value);
  return match === null ? undefined : Number(match[1]);
}

// --- HTTP-date (RFC 9110 §5.6.7) ---------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// HTTP-date is case-sensitive, and all three forms must be accepted by a recipient.
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Milliseconds since 1970 of an HTTP-date in any of its three forms; `nowMs` places rfc850's two-digit year. */
function parseHttpDate(value: string, nowMs: number): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match !== null) return utc(Number(match[3]), match[2]!, Number(match[1]), match.slice(4));
  match = ASCTIME_DATE.exec(value);
  if (match !== null) return utc(Number(match[6]), match[1]!, Number(match[2]!.trim()), match.slice(3, 6));
  match = RFC850_DATE.exec(value);
  if (match === null) return undefined;
  // §5.6.7: a two-digit year that would put the date more than 50 years ahead is in the past century.
  const thisYear = Number.isFinite(nowMs) && Math.abs(nowMs) <= MAX_DATE_MS ? new Date(nowMs).getUTCFullYear() : 1970;
  let year = thisYear - (thisYear % 100) + Number(match[3]);
  if (year - thisYear > 50) year -= 100;
  return utc(year, match[2]!, Number(match[1]), match.slice(4));
}

/** An ISO 8601 UTC time, the form Zoom documents in Retry-After. */
function parseIsoUtc(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/.exec(value);
  if (match === null) return undefined;
  return utc(Number(match[1]), MONTHS[Number(match[2]) - 1] ?? '', Number(match[3]), match.slice(4, 7));
}

function utc(year: number, monthName: string, day: number, time: (string | undefined)[]): number | undefined {
  const month = MONTHS.indexOf(monthName);
  const [hour, minute, second] = time.map(Number) as [number, number, number];
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  // Rejects 31 Feb and the like, which Date would roll into March.
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  return date.getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
}

// --- Structured Field lists and dictionaries (RFC 9651), as far as the draft uses them ----------

type Bare = number | string | boolean;
type Member = { key?: string; item: Bare; params: Map<string, Bare> };

/**
 * The members of a Structured Field list or dictionary, or undefined if the value is malformed,
 * which the draft says to ignore whole. Sticky regexes keep the scan linear on hostile input.
 */
function parseStructuredList(input: string): Member[] | undefined {
  const members: Member[] = [];
  const scanner = { s: input, i: 0 };
  skipSpaces(scanner);
  if (scanner.i >= input.length) return undefined;
  while (scanner.i < input.length) {
    const key = take(scanner, DICTIONARY_KEY);
    const item = parseBareItem(scanner);
    if (item === undefined) return undefined;
    const params = new Map<string, Bare>();
    for (;;) {
      const name = take(scanner, PARAMETER_KEY);
      if (name === undefined) break;
      const paramName = name.replace(/^;\s*/, '');
      let paramValue: Bare | undefined = true;
      if (input[scanner.i] === '=') {
        scanner.i += 1;
        paramValue = parseBareItem(scanner);
        if (paramValue === undefined) return undefined;
      }
      params.set(paramName, paramValue);
    }
    members.push(key === undefined ? { item, params } : { key: key.slice(0, -1), item, params });
    skipSpaces(scanner);
    if (scanner.i >= input.length) break;
    if (input[scanner.i] !== ',') return undefined;
    scanner.i += 1;
    skipSpaces(scanner);
    if (scanner.i >= input.length) return undefined;
  }
  return members;
}

const DICTIONARY_KEY = /[a-z*][a-z0-9_\-.*]*=/y;
const PARAMETER_KEY = /;\s*[a-z*][a-z0-9_\-.*]*/y;
const NUMBER = /-?\d{1,15}(?:\.\d{1,3})?/y;
const TOKEN = /[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*/y;
const BYTES = /:[A-Za-z0-9+/=]*:/y;
const BOOLEAN = /\?[01]/y;
const SPACES = /[ \t]*/y;

type Scanner = { s: string; i: number };

function take(scanner: Scanner, pattern: RegExp): string | undefined {
  pattern.lastIndex = scanner.i;
  const match = pattern.exec(scanner.s);
  if (match === null) return undefined;
  scanner.i = pattern.lastIndex;
  return match[0];
}

function skipSpaces(scanner: Scanner): void {
  take(scanner, SPACES);
}

function parseBareItem(scanner: Scanner): Bare | undefined {
  const { s } = scanner;
  if (s[scanner.i] === '"') return parseString(scanner);
  const number = take(scanner, NUMBER);
  if (number !== undefined) return Number(number);
  const flag = take(scanner, BOOLEAN);
  if (flag !== undefined) return flag === '?1';
  return take(scanner, TOKEN) ?? take(scanner, BYTES);
}

function parseString(scanner: Scanner): string | undefined {
  const { s } = scanner;
  let out = '';
  for (let i = scanner.i + 1; i < s.length; i += 1) {
    const char = s[i]!;
    if (char === '"') {
      scanner.i = i + 1;
      return out;
    }
    if (char === '\\') {
      const next = s[i + 1];
      if (next !== '"' && next !== '\\') return undefined;
      out += next;
      i += 1;
    } else if (char < ' ' || char > '~') {
      return undefined;
    } else {
      out += char;
    }
  }
  return undefined;
}

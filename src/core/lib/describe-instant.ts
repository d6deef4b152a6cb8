/** One instant in the forms that do not depend on where the reader is. */
export type Instant = {
  /** ISO 8601 in UTC, milliseconds only when there are any: "2026-12-01T14:02:11Z". */
  iso: string;
  /** Date and time in UTC: "2026-12-01 14:02:11 UTC". */
  utc: string;
  /** The time of day in UTC, as the core's texts write it: "14:02:11 UTC". */
  clock: string;
};

// ECMAScript dates end 8.64e15 ms either side of 1970; toISOString throws beyond.
const MAX_DATE_MS = 8.64e15;

/**
 * An instant (an ISO 8601 text, anything `Date.parse` reads, or milliseconds since 1970) in the
 * forms a view puts beside the local time, and that the core's own texts use: they must read the
 * same wherever they are shown or pasted, and server logs are mostly in UTC. Local time is the
 * view's to add. undefined when it is no instant. Never throws.
 */
export function describeInstant(value: unknown): Instant | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return undefined;
  const iso = new Date(ms).toISOString().replace('.000Z', 'Z');
  // Years past 9999 are written "+010000-…": the time follows the T either way.
  const t = iso.indexOf('T');
  const time = iso.slice(t + 1, t + 9);
  return { iso, utc: `${iso.slice(0, t)} ${time} UTC`, clock: `${time} UTC` };
}

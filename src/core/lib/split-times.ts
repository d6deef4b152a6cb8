import { describeInstant } from './describe-instant';

/** A piece of text, or one of the instants it names, written as `describeInstant`'s clock. */
export type TextPart = string | { time: string; text: string };

// A diagnosis names a handful; a longer list is no list of ours.
const MAX_TIMES = 16;

/**
 * `text` cut where it names one of `times` (ISO 8601 instants) as the core writes them ("at
 * 14:02:11 UTC"), so that a view can show each in local time while the text itself, copied into
 * a report, stays the same for every reader. Only the instants given are looked for: any other
 * time in the text (a server's own words) stays text. Never throws.
 */
export function splitTimes(text: unknown, times: unknown): TextPart[] {
  if (typeof text !== 'string') return [];
  const found = (Array.isArray(times) ? times.slice(0, MAX_TIMES) : [])
    .map((time) => describeInstant(time))
    .filter((instant) => instant !== undefined)
    .map(({ iso, clock }) => ({ iso, clock, at: text.indexOf(clock) }));
  const parts: TextPart[] = [];
  let from = 0;
  for (;;) {
    // Each instant's next place is looked up again only once passed: one pass over the text each.
    for (const time of found) if (time.at >= 0 && time.at < from) time.at = text.indexOf(time.clock, from);
    const next = found.reduce<(typeof found)[number] | undefined>((first, time) => (time.at >= 0 && (first === undefined || time.at < first.at) ? time : first), undefined);
    if (next === undefined) break;
    if (next.at > from) parts.push(text.slice(from, next.at));
    parts.push({ time: next.iso, text: next.clock });
    from = next.at + next.clock.length;
  }
  if (from < text.length || parts.length === 0) parts.push(text.slice(from));
  return parts;
}

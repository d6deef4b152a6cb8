/** "45 s", "12 min", "3 h", "3 days": the largest unit that fits, rounded down, as people say it. */
export function describeDuration(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  if (days < 730) return `${days} days`;
  return `${Math.floor(days / 365)} years`;
}

/** "in 12 min" / "3 days ago", relative to `now`. */
export function describeRelative(atMs: number, now: number): string {
  return atMs > now ? `in ${describeDuration(atMs - now)}` : `${describeDuration(now - atMs)} ago`;
}

/** "expires in 12 min" / "expired 3 days ago". */
export function describeExpiry(expiresAtMs: number, now: number): string {
  return `${expiresAtMs > now ? 'expires' : 'expired'} ${describeRelative(expiresAtMs, now)}`;
}

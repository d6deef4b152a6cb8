import { describeInstant } from '../core';

/**
 * One instant, as every view shows one: local time, the date too when it is not today, and UTC
 * with ISO 8601 on hover (a developer compares with server logs, mostly in UTC). Anything that
 * is no instant is shown as it came.
 */
export function Time({ at, now = Date.now() }: { at: string | number; now?: number }) {
  const instant = describeInstant(at);
  if (!instant) return <>{String(at)}</>;
  const date = new Date(instant.iso);
  const today = new Date(now).toDateString() === date.toDateString();
  return (
    <time dateTime={instant.iso} title={`${instant.utc}\n${instant.iso}`}>
      {today ? date.toLocaleTimeString() : date.toLocaleString()}
    </time>
  );
}

import { useEffect, useState } from 'preact/hooks';

/** Seconds left of a Retry-After, counted from when the response came (`from`), ticking while shown. */
export function RetryCountdown({ seconds, from, now = Date.now }: { seconds: number; from?: string | undefined; now?: () => number }) {
  const start = from !== undefined && Number.isFinite(Date.parse(from)) ? Date.parse(from) : undefined;
  const [mountedAt] = useState(now);
  const until = (start ?? mountedAt) + seconds * 1000;
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil((until - now()) / 1000)));
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((until - now()) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [until, left <= 0]);
  return (
    <p class={left > 0 ? 'retry waiting' : 'retry ready'} data-testid="retry-countdown" data-seconds-left={left}>
      {left > 0 ? `Retry in ${left} s (Retry-After: ${seconds} s).` : `The ${seconds} s of Retry-After have passed: you can retry now.`}
    </p>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { useCapabilities } from './capabilities';

/** A burst of writes (a watched page failing 200 times) is read back once, this long after its last. */
const SETTLE_MS = 250;

/**
 * Calls `reread` when any of `keys` changed in storage, once per burst: rereading a run list or
 * the error log costs a message and megabytes, and a view needs only the state the burst left.
 */
export function useStored(keys: readonly string[], reread: () => void): void {
  const { onStored } = useCapabilities();
  const latest = useRef(reread);
  latest.current = reread;
  const wanted = keys.join(' ');
  useEffect(() => {
    if (!onStored) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const names = wanted.split(' ');
    const stop = onStored((changed) => {
      if (!changed.some((key) => names.includes(key))) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), SETTLE_MS);
    });
    return () => (clearTimeout(timer), stop());
  }, [onStored, wanted]);
}

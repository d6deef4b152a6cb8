import { useEffect, useState } from 'preact/hooks';

/**
 * What `load` resolves to, once it has (undefined until then, or while `when` is false): a view
 * that is not on the first screen arrives in a chunk of its own, so the popup's start stays light.
 * `load` is called once per `when` becoming true; a chunk that fails to load leaves undefined.
 */
export function useLazy<T>(load: () => Promise<T>, when = true): T | undefined {
  const [loaded, setLoaded] = useState<{ value: T }>();
  useEffect(() => {
    if (!when || loaded) return;
    let current = true;
    load().then((value) => current && setLoaded({ value }), () => {});
    return () => void (current = false);
  }, [when]);
  return loaded?.value;
}

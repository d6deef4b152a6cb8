import { useEffect, useState } from 'preact/hooks';

/** From this width a view shows its list and the entry opened side by side (a tab, a wide panel). */
const TWO_PANES = '(min-width: 900px)';

/** Whether the page is wide enough for two panes, following the window as it is resized. */
export function useWide(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(TWO_PANES) : undefined;
  const [wide, setWide] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = () => setWide(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return wide;
}

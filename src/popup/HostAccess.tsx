import { useState } from 'preact/hooks';
import { useCapabilities } from './capabilities';

/**
 * When a request got no answer, the provider may simply refuse cross-origin requests from an
 * extension: offer to ask for access to that host, at that moment and for that host only.
 * Nothing is offered where no permission can be asked for. With `onGranted`, what failed is
 * tried again at once (fetching keys); without, the person runs it again.
 */
export function HostAccess({ url, onGranted }: { url: string | undefined; onGranted?: (() => void) | undefined }) {
  const { requestHosts } = useCapabilities();
  const [outcome, setOutcome] = useState<string>();
  if (!requestHosts || !url || !URL.canParse(url)) return null;
  const host = new URL(url).host;
  const ask = () =>
    requestHosts([url]).then(
      (granted) => {
        setOutcome(granted ? `Access to ${host} granted${onGranted ? '.' : ': run it again.'}` : `Access to ${host} was not granted.`);
        if (granted) onGranted?.();
      },
      (error: Error) => setOutcome(`Could not ask for access: ${error.message}`),
    );
  return (
    <p class="host-access">
      <button type="button" class="secondary" data-action="grant-host" onClick={ask}>
        Allow OAuth Lens to reach {host}
      </button>{' '}
      <small class="muted">{outcome ?? 'Without it, a provider that refuses the extension’s origin (CORS) gives no readable answer.'}</small>
    </p>
  );
}

import { useState } from 'preact/hooks';
import { hostOfPermission, type FlowRun } from '../core';
import { useCapabilities } from './capabilities';

/**
 * A run that waits for the person's answer to a host prompt: seen when the popup reopens after
 * Chromium closed it under its prompt. Allow asks again from this click; the background, which
 * waits for the grant, carries the run on. Cancel stops it before anything was requested.
 */
export function AwaitingHosts({ run }: { run: FlowRun }) {
  const { ask, requestHosts } = useCapabilities();
  const [note, setNote] = useState<string>();
  const permissions = run.awaitingHosts?.permissions ?? [];
  const hosts = permissions.map(hostOfPermission).join(', ');
  const decline = () => void ask('declineHosts', undefined).catch(() => {});
  const allow = () =>
    requestHosts?.(permissions).then(
      (granted) => (granted ? setNote('Allowed: the run goes on.') : decline()),
      (error: Error) => setNote(`Could not ask: ${error.message}`),
    );
  return (
    <div class="awaiting" data-testid="awaiting-hosts" role="status">
      <p>
        A run of “{run.profileName}” waits for permission to reach <strong>{hosts}</strong>. Nothing has been sent to the provider yet.
      </p>
      <p class="actions">
        {requestHosts && (
          <button type="button" data-action="allow-hosts" onClick={allow}>
            Allow
          </button>
        )}
        <button type="button" class="secondary" data-action="decline-hosts" onClick={decline}>
          Cancel run
        </button>
      </p>
      {note && <p class="muted">{note}</p>}
    </div>
  );
}

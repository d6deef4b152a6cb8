import { useEffect, useState } from 'preact/hooks';
import type { AccessEntry } from '../core';
import { useCapabilities } from './capabilities';

type List = { state: 'loading' } | { state: 'ready'; entries: AccessEntry[] } | { state: 'failed'; message: string };

/**
 * Everything the extension holds, in one place: each host and API permission with what uses it,
 * and a button to give it back. A grant nothing uses is said to be one, first in the list.
 */
export function AccessView({ active }: { active: boolean }) {
  const { ask } = useCapabilities();
  const [list, setList] = useState<List>({ state: 'loading' });
  const [note, setNote] = useState<string>();

  useEffect(() => {
    if (!active) return;
    ask('listAccess', undefined).then(
      (entries) => setList({ state: 'ready', entries }),
      (error: Error) => setList({ state: 'failed', message: error.message }),
    );
  }, [active, ask]);

  const giveBack = (permission: string) =>
    ask('giveBack', { permission }).then(
      (entries) => (setList({ state: 'ready', entries }), setNote(`${permission} was given back.`)),
      (error: Error) => setNote(error.message),
    );

  if (list.state === 'loading') return <p class="muted">Loading…</p>;
  if (list.state === 'failed') return <p class="error" role="alert">Could not list what OAuth Lens holds: {list.message}</p>;
  const optional = list.entries.filter((entry) => !entry.required).sort((a, b) => Number(a.uses.length > 0) - Number(b.uses.length > 0));
  const required = list.entries.filter((entry) => entry.required);
  return (
    <section class="access" aria-label="Access">
      <p class="muted">What OAuth Lens may reach or do in this browser, and why. Hosts are asked for when a feature needs them; give back what you no longer use.</p>
      {optional.length === 0 ? (
        <p class="muted" data-testid="no-access">No host and no optional permission is held.</p>
      ) : (
        <ul class="access-list" data-testid="access-list">
          {optional.map((entry) => (
            <li key={entry.permission} data-permission={entry.permission} data-used={entry.uses.length > 0}>
              <code>{entry.permission}</code>{' '}
              <button type="button" class="secondary" data-action="give-back" onClick={() => giveBack(entry.permission)}>
                Give back
              </button>
              {entry.uses.length > 0 ? (
                <ul class="muted">{entry.uses.map((use) => <li key={use}>{use}</li>)}</ul>
              ) : (
                <p class="warning">No feature uses it now.</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Asked for at install</h3>
      <ul class="muted">
        {required.map((entry) => (
          <li key={entry.permission}>
            <code>{entry.permission}</code>: {entry.uses.join('; ')}
          </li>
        ))}
      </ul>
      {note && <p role="status" class="muted">{note}</p>}
    </section>
  );
}

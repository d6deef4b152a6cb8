import { useEffect, useState } from 'preact/hooks';
import { originsOf, parseHostPattern, parseHostPatterns } from '../core';
import type { WatchState } from '../messages';
import { useCapabilities } from './capabilities';
import { HarImport } from './HarImport';
import { Time } from './Time';

function originsFor(pattern: string): string[] {
  const parsed = parseHostPattern(pattern);
  return parsed.ok ? parsed.value.origins : [];
}

/**
 * The hosts whose traffic the watcher reads. Adding one asks the browser for that host at that
 * moment; removing it gives the permission back. Failures appear in the Errors tab.
 */
export function WatchView({ active }: { active: boolean }) {
  const { ask, requestWatch } = useCapabilities();
  const [state, setState] = useState<WatchState>();
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  useEffect(() => {
    if (!active) return;
    ask('getWatch', undefined).then(setState, (error: Error) => setMessage({ text: error.message, error: true }));
  }, [active, ask]);

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseHostPattern(input);
    if (!parsed.ok) {
      setMessage({ text: parsed.reason, error: true });
      return;
    }
    const { pattern, origins } = parsed.value;
    setMessage({ text: `Asking for access to ${pattern}…`, error: false });
    // Both from this click: what it means goes to the background first, which waits for the
    // answer and adds the host, even if this popup is closed under the prompt (Chromium); the
    // permission request must come straight from the click, or the browser refuses it.
    const added = ask('addWatch', { pattern, asking: true });
    askFor(origins);
    added.then(
      (next) => {
        setState(next);
        setInput('');
        setMessage({ text: `Watching ${pattern}. Its failed requests will appear in the Errors tab.`, error: false });
      },
      (error: Error) => (setMessage({ text: error.message, error: true }), ask('getWatch', undefined).then(setState, () => {})),
    );
  };
  /** Asks the browser from the click; a "no" is told to the background, which is waiting for the answer. */
  const askFor = (origins: string[]) =>
    // App shows this view only where permissions can be asked for; without, the answer is "no".
    (requestWatch ? requestWatch(origins) : Promise.resolve(false)).then(
      (granted) => granted || void ask('declineWatch', undefined).catch(() => {}),
      () => void ask('declineWatch', undefined).catch(() => {}),
    );
  const act = (send: Promise<WatchState>, done: string) =>
    send.then(
      (next) => (setState(next), setMessage({ text: done, error: false })),
      (error: Error) => setMessage({ text: error.message, error: true }),
    );

  // Pausing gives the webRequest permission back; resuming asks for it again, from this click,
  // the background waiting for the answer as for an addition.
  const pause = (paused: boolean) => {
    const sent = ask('setWatchPaused', { paused, asking: !paused });
    if (!paused) askFor(originsOf(parseHostPatterns(state?.patterns ?? [])));
    act(sent, paused ? 'Watching paused; the permission to watch was given back.' : 'Watching resumed.');
  };

  return (
    <section class="watch" aria-label="Watch">
      <p class="muted">
        Watch your own app's traffic on the hosts you choose: its 400, 401, 403 and 429 responses, and token responses that carry an error, are explained in the Errors tab.
        Nothing else is read. Secrets are redacted as requests are captured.
      </p>
      <p class="muted" data-testid="devtools-hint">
        With bodies: open DevTools on your app's tab and choose the <strong>OAuth</strong> panel. It reads what the browser's network panel has, response bodies included (which Chrome does not give a watcher), and costs nothing while DevTools is closed.
      </p>
      <form class="watch-add" onSubmit={add}>
        <input name="watchPattern" placeholder="api.freeagent.com, localhost:3000, *.example.com" value={input} onInput={(e) => setInput(e.currentTarget.value)} aria-label="Host to watch" />
        <button type="submit" data-action="add-watch">
          Watch
        </button>
      </form>
      {state && (
        <>
          <label class="inline">
            <input
              type="checkbox"
              name="pauseWatch"
              checked={state.paused}
              onChange={(e) => pause(e.currentTarget.checked)}
            />{' '}
            Pause watching
          </label>
          {state.pending && (
            <p class="warning" data-testid="watch-pending" role="status">
              Waiting for permission to watch <code>{state.pending.pattern}</code> (the browser's prompt).{' '}
              <button type="button" class="secondary" data-action="allow-watch" onClick={() => askFor(originsFor(state.pending!.pattern))}>
                Allow
              </button>{' '}
              <button type="button" class="secondary" data-action="decline-watch" onClick={() => void ask('declineWatch', undefined).then(() => ask('getWatch', undefined)).then(setState, () => {})}>
                Cancel
              </button>
            </p>
          )}
          {state.patterns.length === 0 ? (
            <p class="muted" data-testid="no-watch">
              No host is watched: the extension has no access to any site's traffic.
            </p>
          ) : (
            <ul class="watch-list" data-testid="watch-list" data-active={state.active}>
              {state.patterns.map((pattern) => (
                <li key={pattern} data-pattern={pattern}>
                  <code>{pattern}</code>{' '}
                  <button type="button" class="secondary" data-action="remove-watch" onClick={() => act(ask('removeWatch', { pattern }), `${pattern} is no longer watched; its permission was given back.`)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.patterns.length > 0 && !state.paused && (
            <p class="muted" data-testid="watch-seen" data-requests={state.seen.requests}>
              {state.seen.requests === 0
                ? 'No request to a watched host seen yet: load a page of your app.'
                : (
                  <>
                    {state.seen.requests} request{state.seen.requests === 1 ? '' : 's'} to watched hosts seen since <Time at={state.seen.since} />, the last at{' '}
                    <Time at={state.seen.lastAt ?? state.seen.since} />.
                  </>
                )}
            </p>
          )}
        </>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      <p class="muted">
        Chrome does not let extensions read response bodies: there, errors are judged from the status and headers, and an opened error takes the body pasted from
        the network panel. Firefox shows the body of error and token responses.
      </p>
      <HarImport />
    </section>
  );
}

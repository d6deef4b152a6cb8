import { useEffect, useState } from 'preact/hooks';
import type { PasteResult } from './PasteResult';

/**
 * Paste anything: a token, a token response, a header line, a cookie, a redirect URL, a curl
 * command, a raw request or a log line. It says what it was given before it reads it.
 */
export function InspectView({ now = Date.now, given }: { now?: () => number; given?: { text: string } | undefined }) {
  const [input, setInput] = useState('');
  // Sent from another view (a run's token): each sending pastes it anew.
  useEffect(() => void (given && setInput(given.text)), [given]);
  // The reader, its catalogues and the views of what it finds are not on the first screen (an
  // empty box): they load right after it, so the popup is ready sooner.
  const [Result, setResult] = useState<typeof PasteResult>();
  useEffect(() => {
    void import('./PasteResult').then((module) => setResult(() => module.PasteResult));
  }, []);

  return (
    <section aria-labelledby="inspect-title">
      <h2 id="inspect-title">Inspect a token</h2>
      <textarea
        name="paste"
        aria-label="Token, token response, header or cookie"
        placeholder="Paste an access token, a token response, an Authorization header, a cookie, a redirect URL, a curl command or a log line…"
        rows={4}
        spellcheck={false}
        autocomplete="off"
        value={input}
        onInput={(event) => setInput(event.currentTarget.value)}
      />
      {input !== '' && (Result ? <Result input={input} now={now} /> : <p class="muted">Reading…</p>)}
    </section>
  );
}

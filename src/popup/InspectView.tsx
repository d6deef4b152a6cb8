import { useEffect, useMemo, useState } from 'preact/hooks';
import { inspectToken, parseTokenResponse, type TokenInspection, type TokenResponse } from '../core';
import { TokenInspectionView } from './TokenInspectionView';
import { TokenResponseView } from './TokenResponseView';

/** Paste anything: a token, a token response, a header line, a cookie, a redirect URL. */
export function InspectView({ now = Date.now, given }: { now?: () => number; given?: { text: string } | undefined }) {
  const [input, setInput] = useState('');
  // Sent from another view (a run's token): each sending pastes it anew.
  useEffect(() => void (given && setInput(given.text)), [given]);
  const result = useMemo(() => inspect(input, now()), [input, now]);

  return (
    <section aria-labelledby="inspect-title">
      <h2 id="inspect-title">Inspect a token</h2>
      <textarea
        name="paste"
        aria-label="Token, token response, header or cookie"
        placeholder="Paste an access token, a token response, an Authorization header, a cookie…"
        rows={4}
        spellcheck={false}
        autocomplete="off"
        value={input}
        onInput={(event) => setInput(event.currentTarget.value)}
      />
      {result.kind === 'response' && <TokenResponseView response={result.response} now={result.now} />}
      {result.kind === 'token' && <TokenInspectionView inspection={result.inspection} now={result.now} />}
    </section>
  );
}

type Result =
  | { kind: 'none' }
  | { kind: 'response'; response: TokenResponse; now: number }
  | { kind: 'token'; inspection: TokenInspection; now: number };

/** A whole token response gets every field shown; anything else is one token (perhaps inside a container). */
function inspect(input: string, now: number): Result {
  if (input === '') return { kind: 'none' };
  const text = input.trim();
  if (text.startsWith('{') || /^[\w.-]+=[^\s]*&/.test(text)) {
    const response = parseTokenResponse(text, undefined, { now });
    if (response.format !== 'unreadable' && (response.access_token || response.error)) return { kind: 'response', response, now };
  }
  return { kind: 'token', inspection: inspectToken(input, { now }), now };
}

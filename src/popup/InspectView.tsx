import { useEffect, useMemo, useState } from 'preact/hooks';
import { classifyPaste } from '../core';
import type { AuthorizationErrorView } from './AuthorizationErrorView';
import { FoundCredentials } from './FoundCredentials';
import { NotATokenView } from './NotATokenView';
import { BasicCredentialsView } from './BasicCredentialsView';
import { TokenInspectionView } from './TokenInspectionView';
import { TokenResponseView } from './TokenResponseView';

/**
 * Paste anything: a token, a token response, a header line, a cookie, a redirect URL, a curl
 * command, a raw request or a log line. It says what it was given before it reads it.
 */
export function InspectView({ now = Date.now }: { now?: () => number }) {
  const [input, setInput] = useState('');
  const at = useMemo(() => now(), [input, now]);
  const result = useMemo(() => classifyPaste(input, { now: at }), [input, at]);
  // The explainer and its catalogues load only when an error redirect is pasted: they are not on the first screen.
  const [ErrorExplanation, setErrorExplanation] = useState<typeof AuthorizationErrorView>();
  useEffect(() => {
    if (result.kind === 'authorization_error' && !ErrorExplanation) void import('./AuthorizationErrorView').then((module) => setErrorExplanation(() => module.AuthorizationErrorView));
  }, [result.kind]);

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
      <div data-testid="paste-kind" data-kind={result.kind}>
        {result.kind === 'token_response' && (
          <>
            {result.foundIn && <p class="muted">Read from {result.foundIn}.</p>}
            <TokenResponseView response={result.response} now={at} />
          </>
        )}
        {result.kind === 'token' && (
          <>
            {result.basic && <BasicCredentialsView basic={result.basic} />}
            <TokenInspectionView inspection={result.inspection} now={at} />
          </>
        )}
        {result.kind === 'credentials' && <FoundCredentials found={result} now={at} />}
        {result.kind === 'not_a_token' && <NotATokenView reasons={result.reasons} inspection={result.inspection} now={at} />}
        {result.kind === 'authorization_error' && (
          <article class="authorization-error" data-testid="authorization-error">
            <h3>An authorization error, not a token</h3>
            <p class="error" role="alert">
              The authorization server answered with <code>error={result.error}</code>
              {result.description && `: ${result.description}`} (in the redirect's {result.part}; RFC 6749 §{result.part === 'query' ? '4.1.2.1' : '4.2.2.1'}).
            </p>
            {ErrorExplanation ? <ErrorExplanation exchange={result.exchange} /> : <p class="muted">Explaining…</p>}
          </article>
        )}
      </div>
    </section>
  );
}

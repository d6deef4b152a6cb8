import { useEffect, useMemo, useState } from 'preact/hooks';
import { classifyPaste } from '../core';
import type { AuthorizationErrorView } from './AuthorizationErrorView';
import { BasicCredentialsView } from './BasicCredentialsView';
import { FoundCredentials } from './FoundCredentials';
import { NotATokenView } from './NotATokenView';
import { TokenInspectionView } from './TokenInspectionView';
import { TokenResponseView } from './TokenResponseView';

/** What a paste was taken for, shown as that: a token, a token response, the credentials in a command or log, an error, or no token. */
export function PasteResult({ input, now }: { input: string; now: () => number }) {
  const at = useMemo(() => now(), [input, now]);
  const result = useMemo(() => classifyPaste(input, { now: at }), [input, at]);
  // The explainer and its catalogues load only when an error redirect is pasted.
  const [ErrorExplanation, setErrorExplanation] = useState<typeof AuthorizationErrorView>();
  useEffect(() => {
    if (result.kind === 'authorization_error' && !ErrorExplanation) void import('./AuthorizationErrorView').then((module) => setErrorExplanation(() => module.AuthorizationErrorView));
  }, [result.kind]);

  return (
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
  );
}

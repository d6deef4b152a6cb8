import type { TokenResponse } from '../core';
import { Time } from './Time';
import { TokenInspectionView } from './TokenInspectionView';

/** Every field of a token response; each token field opens to its own inspection. */
export function TokenResponseView({ response, now }: { response: TokenResponse; now: number }) {
  const tokens = {
    ...(response.access_token ? { access_token: response.access_token } : {}),
    ...(response.id_token ? { id_token: response.id_token } : {}),
    ...(response.refresh_token ? { refresh_token: response.refresh_token } : {}),
    ...response.otherTokens,
  };
  const others = Object.entries(response.fields).filter(([name]) => !(name in tokens));
  return (
    <article class="token-response" data-testid="token-response">
      <h3>
        Token response <span class="badge">{response.format === 'json' ? 'JSON' : 'form-encoded'}</span>
      </h3>
      {response.error && (
        <p class="error" role="alert">
          Error <code>{response.error.code}</code>
          {response.error.description && `: ${response.error.description}`}
        </p>
      )}
      {response.problems.length > 0 && (
        <ul class="warnings">
          {response.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
      <dl>
        {others.map(([name, value]) => (
          <>
            <dt>{name}</dt>
            <dd>
              <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              {name === 'expires_in' && response.expiresAt && <small> → <Time at={response.expiresAt} now={now} /></small>}
            </dd>
          </>
        ))}
      </dl>
      {Object.entries(tokens).map(([name, field], i) => (
        <details key={name} open={i === 0} class="token-field">
          <summary>
            <code>{name}</code>
          </summary>
          <TokenInspectionView inspection={field.inspection} now={now} />
        </details>
      ))}
    </article>
  );
}

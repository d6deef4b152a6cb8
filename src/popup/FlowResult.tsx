import { maskSecret, type FlowRun } from '../core';

/** A finished run: what came back, and every HTTP exchange it took. Tokens are shown masked. */
export function FlowResult({ run }: { run: FlowRun }) {
  return (
    <article class={`flow-result ${run.status}`} data-testid="flow-result" data-status={run.status}>
      {run.status === 'succeeded' && run.tokens && (
        <dl>
          <dt>Access token</dt>
          <dd data-testid="access-token">{maskSecret(run.tokens.access_token)}</dd>
          {run.tokens.token_type && (
            <>
              <dt>Type</dt>
              <dd>{run.tokens.token_type}</dd>
            </>
          )}
          {run.tokens.expires_in !== undefined && (
            <>
              <dt>Expires in</dt>
              <dd>{run.tokens.expires_in} s</dd>
            </>
          )}
          {run.tokens.scope && (
            <>
              <dt>Scope</dt>
              <dd>{run.tokens.scope}</dd>
            </>
          )}
          <dt>Refresh token</dt>
          <dd>{run.tokens.refresh_token ? maskSecret(run.tokens.refresh_token) : 'none'}</dd>
          {run.nonceCheck && (
            <>
              <dt>ID token nonce</dt>
              <dd>{run.nonceCheck}</dd>
            </>
          )}
        </dl>
      )}
      {run.failure && (
        <p class="error" role="alert">
          Failed at {run.failure.stage}: {run.failure.message}
        </p>
      )}
      <ol class="exchanges">
        {run.exchanges.map((exchange, i) => (
          <li key={i}>
            <code>
              {exchange.request?.method} {exchange.request?.url}
            </code>{' '}
            → <strong>{exchange.response.status}</strong>
          </li>
        ))}
      </ol>
    </article>
  );
}

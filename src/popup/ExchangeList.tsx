import { useState } from 'preact/hooks';
import { toCurl, toFetch, toPhpCurl, type HttpRequest, type NoResponseKind, type RecordedExchange } from '../core';
import { useCapabilities } from './capabilities';
import { formatRequest, formatResponse } from './format-http';
import { Time } from './Time';

const SNIPPETS = { curl: toCurl, php: toPhpCurl, fetch: toFetch } as const;
const RATE_LIMIT_HEADER = /^(retry-after|x-ratelimit-|ratelimit)/i;
const NO_ANSWER: Record<NoResponseKind, string> = {
  preflight_refused: 'never sent: CORS preflight refused',
  answer_hidden: 'sent, answer hidden by CORS',
  unreachable: 'no connection',
  timeout: 'no answer in time',
  connection_lost: 'connection ended without an answer',
};

/** Every request of a run, as stored (redacted); copied as curl, PHP or fetch, with secrets only on request. */
export function ExchangeList({ exchanges }: { exchanges: RecordedExchange[] }) {
  const { copy } = useCapabilities();
  const [withSecrets, setWithSecrets] = useState(false);
  const [copied, setCopied] = useState<string>();

  const copySnippet = async (raw: HttpRequest, redacted: HttpRequest, kind: keyof typeof SNIPPETS, key: string) => {
    try {
      await copy(SNIPPETS[kind](withSecrets ? raw : redacted));
      setCopied(`${key}:${kind}`);
    } catch (error) {
      setCopied(`error:${(error as Error).message}`);
    }
  };

  return (
    <section class="exchanges" aria-label="Requests and responses">
      <label class="inline">
        <input type="checkbox" name="copyWithSecrets" checked={withSecrets} onChange={(e) => setWithSecrets(e.currentTarget.checked)} /> Copy with secrets
        (tokens, client secret, code) — only where you mean to paste them
      </label>
      <ol>
        {exchanges.map((exchange, i) => {
          const key = String(i);
          const limits = Object.entries(exchange.response.headers).filter(([name]) => RATE_LIMIT_HEADER.test(name));
          return (
            <li key={key} data-step={exchange.context.step} data-status={exchange.response.status}>
              <details>
                <summary>
                  <span class="badge">{exchange.context.step}</span> <code>{exchange.request?.method} {exchange.request?.url}</code> →{' '}
                  {exchange.noResponse ? (
                    <strong class="error" data-no-response={exchange.noResponse.kind}>{NO_ANSWER[exchange.noResponse.kind]}</strong>
                  ) : (
                    <strong class={exchange.response.status >= 400 ? 'error' : ''}>{exchange.response.status}</strong>
                  )}
                  {exchange.context.codeFirstRedeemedAt && (
                    <small class="error">
                      {' '}
                      code {exchange.context.codeFirstRedeemedUnread ? 'possibly redeemed' : 'already sent'} at <Time at={exchange.context.codeFirstRedeemedAt} />
                    </small>
                  )}
                </summary>
                {limits.length > 0 && (
                  <p class="muted">
                    {limits.map(([name, value]) => (
                      <code key={name}>
                        {name}: {value}{' '}
                      </code>
                    ))}
                  </p>
                )}
                <h4>Request</h4>
                <pre>{formatRequest(exchange.request)}</pre>
                <h4>Response</h4>
                <pre data-testid="response-body">{formatResponse(exchange.response)}</pre>
                {exchange.request && (
                  <p class="copy">
                    {(Object.keys(SNIPPETS) as (keyof typeof SNIPPETS)[]).map((kind) => (
                      <button key={kind} type="button" class="secondary" data-snippet={kind} onClick={() => copySnippet(exchange.sent ?? exchange.request!, exchange.request!, kind, key)}>
                        {copied === `${key}:${kind}` ? 'Copied ✓' : `Copy as ${kind === 'php' ? 'PHP curl' : kind}`}
                      </button>
                    ))}
                  </p>
                )}
              </details>
            </li>
          );
        })}
      </ol>
      {copied?.startsWith('error:') && <p class="error">Could not copy: {copied.slice(6)}</p>}
    </section>
  );
}

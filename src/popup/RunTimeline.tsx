import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { runTimeline, toCurl, toFetch, toPhpCurl, type FlowRun, type HttpRequest, type RecordedExchange, type TimelineStep } from '../core';
import { useCapabilities } from './capabilities';
import { formatRequest, formatResponse } from './format-http';
import { Time } from './Time';

const SNIPPETS = { curl: toCurl, php: toPhpCurl, fetch: toFetch } as const;
const RATE_LIMIT_HEADER = /^(retry-after|x-ratelimit-|ratelimit)/i;
const STEP_NAMES: Record<TimelineStep['kind'], string> = {
  discovery: 'discovery',
  authorize: 'authorization',
  redirect: 'redirect',
  token: 'token',
  refresh: 'refresh',
  revoke: 'revoke',
  introspect: 'introspect',
  userinfo: 'userinfo',
  api: 'API call',
};

/**
 * A run's steps in order (discovery, authorization request, redirect, token request, then every
 * action), each with how it ended, how long it took and its size; each opens to what was sent
 * and what came back, as stored (redacted), copied as curl, PHP or fetch with secrets only on request.
 */
export function RunTimeline({ run }: { run: FlowRun }) {
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
    <section class="exchanges" aria-label="Steps of the run">
      <label class="inline">
        <input type="checkbox" name="copyWithSecrets" checked={withSecrets} onChange={(e) => setWithSecrets(e.currentTarget.checked)} /> Copy with secrets
        (tokens, client secret, code) — only where you mean to paste them
      </label>
      <ol class="timeline">
        {runTimeline(run).map((step, i) => {
          const key = String(i);
          const exchange = step.exchange === undefined ? undefined : run.exchanges[step.exchange];
          return (
            <li key={key} data-step={step.kind} data-exchange={step.exchange} data-status={exchange ? exchange.response.status : step.outcome} data-failed={step.failed}>
              <details>
                <summary>
                  <span class="badge">{STEP_NAMES[step.kind] ?? step.kind}</span> <code class="url">{step.method} {step.url}</code>{' '}
                  <span class="measures">
                    → <strong class={step.failed ? 'error' : ''} data-outcome>{step.outcome}</strong>
                    {step.durationMs !== undefined && <small> {describeMs(step.durationMs)}</small>}
                    {step.sizeBytes !== undefined && <small> {describeBytes(step.sizeBytes)}</small>} <small class="muted"><Time at={step.at} /></small>
                  </span>
                  {exchange?.context.codeFirstRedeemedAt && (
                    <small class="error">
                      {' '}
                      code {exchange.context.codeFirstRedeemedUnread ? 'possibly redeemed' : 'already sent'} at <Time at={exchange.context.codeFirstRedeemedAt} />
                    </small>
                  )}
                </summary>
                {exchange ? <ExchangeDetail exchange={exchange} copySnippet={copySnippet} copied={copied} at={key} /> : <Params params={step.params ?? []} />}
              </details>
            </li>
          );
        })}
      </ol>
      {copied?.startsWith('error:') && <p class="error">Could not copy: {copied.slice(6)}</p>}
    </section>
  );
}

type CopySnippet = (raw: HttpRequest, redacted: HttpRequest, kind: keyof typeof SNIPPETS, key: string) => Promise<void>;

function ExchangeDetail({ exchange, copySnippet, copied, at }: { exchange: RecordedExchange; copySnippet: CopySnippet; copied: string | undefined; at: string }) {
  const limits = Object.entries(exchange.response.headers).filter(([name]) => RATE_LIMIT_HEADER.test(name));
  return (
    <>
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
            <button key={kind} type="button" class="secondary" data-snippet={kind} onClick={() => copySnippet(exchange.sent ?? exchange.request!, exchange.request!, kind, at)}>
              {copied === `${at}:${kind}` ? 'Copied ✓' : `Copy as ${kind === 'php' ? 'PHP curl' : kind}`}
            </button>
          ))}
        </p>
      )}
    </>
  );
}

/** A front-channel URL's parameters (secrets masked as stored): what was asked for, what came back. */
function Params({ params }: { params: Array<[string, string]> }) {
  if (params.length === 0) return <p class="muted">No parameters.</p>;
  return (
    <dl class="params">
      {params.map(([name, value], i) => (
        <Fragment key={i}>
          <dt>{name}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function describeMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function describeBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}

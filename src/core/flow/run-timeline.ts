import type { NoResponseKind } from '../traffic/http-exchange';
import { formDecode } from '../lib/form-encoding';
import type { FlowRun, FlowStep, FrontChannelStep, RecordedExchange } from './flow-run';

export type TimelineKind = FlowStep | 'redirect';

/** One step of a run as the timeline shows it: what happened, when, how it ended, how long it took, how big it was. */
export type TimelineStep = {
  kind: TimelineKind;
  at: string;
  /** The request's method and URL (redacted), or the front channel's URL (redacted). */
  method?: string;
  url: string;
  /** How it ended: an HTTP status, `sent`, `code`, an OAuth error code, why no answer came. */
  outcome: string;
  failed: boolean;
  durationMs?: number;
  /** The answer's body in bytes; for the front channel, the URL's. */
  sizeBytes?: number;
  /** The parameters of a front-channel URL (query, then fragment), as the redacted URL has them. */
  params?: Array<[string, string]>;
  /** For an HTTP step, its index in `run.exchanges`. */
  exchange?: number;
};

const NO_ANSWER: Record<NoResponseKind, string> = {
  preflight_refused: 'never sent: CORS preflight refused',
  answer_hidden: 'answer hidden by CORS',
  unreachable: 'no connection',
  timeout: 'no answer in time',
  connection_lost: 'connection ended without an answer',
};

/**
 * The run's steps in the order they happened: discovery, the authorization request, the redirect,
 * the token request, then every action after. The front channel has no exchange of its own: it
 * comes after discovery and before the first request that is not discovery, which is how a run
 * proceeds (actions never discover again). Never throws on a stored run of any shape.
 */
export function runTimeline(run: FlowRun): TimelineStep[] {
  const exchanges = Array.isArray(run?.exchanges) ? run.exchanges : [];
  const http = exchanges.map(exchangeStep);
  const front = frontChannelSteps(run);
  const at = exchanges.findIndex((exchange) => exchange?.context?.step !== 'discovery');
  const split = at < 0 ? http.length : at;
  return [...http.slice(0, split), ...front, ...http.slice(split)];
}

function exchangeStep(exchange: RecordedExchange, index: number): TimelineStep {
  const status = typeof exchange?.response?.status === 'number' ? exchange.response.status : 0;
  const noAnswer = exchange?.noResponse ? NO_ANSWER[exchange.noResponse.kind] : undefined;
  const body = typeof exchange?.response?.body === 'string' ? exchange.response.body : '';
  return {
    kind: exchange?.context?.step ?? 'api',
    at: typeof exchange?.at === 'string' ? exchange.at : '',
    ...(exchange?.request ? { method: exchange.request.method } : {}),
    url: exchange?.request?.url ?? '',
    outcome: noAnswer ?? (status === 0 ? 'no answer' : String(status)),
    failed: status === 0 || status >= 400,
    ...(typeof exchange?.durationMs === 'number' ? { durationMs: exchange.durationMs } : {}),
    sizeBytes: typeof exchange?.bodyBytes === 'number' ? exchange.bodyBytes : utf8Bytes(body),
    exchange: index,
  };
}

function frontChannelSteps(run: FlowRun): TimelineStep[] {
  const sent = run?.authorization;
  if (!isStep(sent)) return [];
  const back = isStep(run.redirect) ? run.redirect : undefined;
  // Stopped before the redirect, at the sign-in window: the window is where the run ended.
  const stoppedThere = !back && run.status === 'failed' && (run.failure?.stage === 'authorize' || run.failure?.stage === 'callback');
  const steps: TimelineStep[] = [
    {
      kind: 'authorize',
      at: sent.at,
      method: 'GET',
      url: sent.url,
      outcome: stoppedThere ? reasonWords(run, 'no redirect') : back ? 'sent' : run.status === 'running' ? 'at the sign-in page' : 'sent',
      failed: stoppedThere,
      ...(back ? { durationMs: Math.max(0, Date.parse(back.at) - Date.parse(sent.at)) } : {}),
      sizeBytes: utf8Bytes(sent.url),
      params: urlParams(sent.url),
    },
  ];
  if (back) {
    const refused = back.outcome === 'refused';
    steps.push({
      kind: 'redirect',
      at: back.at,
      url: back.url,
      outcome: back.outcome === 'error' ? String(run.callbackError?.error ?? 'error') : refused ? reasonWords(run, 'refused') : 'code',
      failed: back.outcome !== 'code',
      sizeBytes: utf8Bytes(back.url),
      params: urlParams(back.url),
    });
  }
  return steps;
}

function reasonWords(run: FlowRun, otherwise: string): string {
  const reason = run.failure?.reason;
  return typeof reason === 'string' ? reason.replaceAll('_', ' ') : otherwise;
}

function isStep(value: unknown): value is FrontChannelStep {
  return typeof value === 'object' && value !== null && typeof (value as FrontChannelStep).url === 'string' && typeof (value as FrontChannelStep).at === 'string';
}

/** The query's parameters, then the fragment's (response_mode=fragment, a hash-routed app's `#/cb?code=…`). */
function urlParams(url: string): Array<[string, string]> {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const query = question < 0 ? '' : beforeHash.slice(question + 1);
  let fragment = hash < 0 ? '' : url.slice(hash + 1);
  const routed = fragment.indexOf('?');
  if (routed >= 0 && !fragment.slice(0, routed).includes('=')) fragment = fragment.slice(routed + 1);
  return [query, fragment].flatMap((part) =>
    part
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair): [string, string] => {
        const eq = pair.indexOf('=');
        return eq < 0 ? [formDecode(pair), ''] : [formDecode(pair.slice(0, eq)), formDecode(pair.slice(eq + 1))];
      }),
  );
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

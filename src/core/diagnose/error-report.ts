import type { Diagnosis, DiagnosisCategory } from './diagnosis';
import { CATEGORY_TEXTS } from './diagnosis-texts';
import type { HttpExchange, NoResponseKind } from '../traffic/http-exchange';
import { isRecord } from '../lib/is-record';
import { redactExchange, redactText, redactUrl } from '../redact/redact';

const MAX_BODY = 4000;

// What a forum reader should see instead of "status 0": why nothing was read.
const NO_RESPONSE_STATUS: Readonly<Record<NoResponseKind, string>> = Object.freeze({
  preflight_refused: 'No response: never sent, the browser\'s CORS preflight was refused',
  answer_hidden: 'No response: the browser hid the answer (CORS)',
  unreachable: 'No response: the server could not be reached',
  timeout: 'No response: no answer in time',
  connection_lost: 'No response: the connection ended without an answer',
});

/**
 * A Markdown summary of one error, fit to paste in a forum post or an issue. The exchange, and
 * whatever the diagnosis quotes, are redacted again here whatever the caller passed: a report is
 * the one thing made to leave the browser. Never throws: a stored exchange of another shape is
 * reported as far as it goes.
 */
export function errorReport(exchange: HttpExchange, given: Diagnosis, at?: string): string {
  const redacted: Partial<HttpExchange> = isRecord(exchange) ? redactExchange(exchange) : {};
  const diagnosis = redactDiagnosis(given);
  const request = isRecord(redacted.request) ? redacted.request : undefined;
  const lines = [
    `## OAuth error: ${diagnosis.title}`,
    '',
    ...(at ? [`- **When:** ${text(at)}`] : []),
    ...(request ? [`- **Request:** ${text(request.method)} ${text(request.url)}`] : []),
    `- **Status:** ${statusLine(redacted)}`,
    ...(diagnosis.provider ? [`- **Provider:** ${diagnosis.provider}`] : []),
    ...(diagnosis.errorCode ? [`- **Error code:** \`${diagnosis.errorCode}\``] : []),
    ...(diagnosis.retryAfterSeconds !== undefined ? [`- **Retry after:** ${diagnosis.retryAfterSeconds} s`] : []),
    '',
    '### What happened',
    diagnosis.explanation,
    '',
    '### Evidence',
    ...diagnosis.evidence.map((line) => `- ${line}`),
    '',
    '### How to fix',
    ...diagnosis.fixes.map((fix, index) => `${index + 1}. ${fix}`),
    ...(diagnosis.redirectUris
      ? ['', '### redirect_uri', `- at authorization: \`${diagnosis.redirectUris.atAuthorization}\``, `- at the token request: \`${diagnosis.redirectUris.atExchange}\``]
      : []),
    ...(diagnosis.candidates.length > 1 && !diagnosis.certain
      ? ['', '### Other possible causes', ...diagnosis.candidates.slice(1).map((category) => `- ${CATEGORY_TEXTS[category].title}`)]
      : []),
    '',
    '### References',
    ...diagnosis.references.map((reference) => `- ${reference}`),
    '',
    '<details><summary>Request and response (secrets redacted)</summary>',
    '',
    fenced(transcript(redacted)),
    '',
    '</details>',
    '',
    '_Diagnosed by OAuth Lens._',
  ];
  return lines.join('\n');
}

/**
 * The diagnosis with every text that can quote the exchange or the history redacted. Only text
 * is taken: a value that is not (String() of {"toString": 1} throws) is left out.
 */
function redactDiagnosis(given: Diagnosis): Reported {
  const diagnosis: Partial<Record<keyof Diagnosis, unknown>> = isRecord(given) ? given : {};
  const texts = (lines: unknown): string[] => (Array.isArray(lines) ? lines.filter((line): line is string => typeof line === 'string').map(redactText) : []);
  const uris = isRecord(diagnosis.redirectUris) ? diagnosis.redirectUris : undefined;
  return {
    title: text(diagnosis.title),
    explanation: redactText(text(diagnosis.explanation)),
    evidence: texts(diagnosis.evidence),
    fixes: texts(diagnosis.fixes),
    references: texts(diagnosis.references),
    candidates: Array.isArray(diagnosis.candidates) ? diagnosis.candidates.filter((category): category is DiagnosisCategory => typeof category === 'string' && Object.hasOwn(CATEGORY_TEXTS, category)) : [],
    certain: diagnosis.certain === true,
    ...(typeof diagnosis.provider === 'string' ? { provider: diagnosis.provider } : {}),
    ...(typeof diagnosis.retryAfterSeconds === 'number' ? { retryAfterSeconds: diagnosis.retryAfterSeconds } : {}),
    ...(typeof diagnosis.errorCode === 'string' ? { errorCode: redactText(diagnosis.errorCode) } : {}),
    ...(uris ? { redirectUris: { atAuthorization: redactUrl(text(uris.atAuthorization)), atExchange: redactUrl(text(uris.atExchange)) } } : {}),
  };
}

/** What the report shows of a diagnosis. */
type Reported = Pick<Diagnosis, 'title' | 'explanation' | 'evidence' | 'fixes' | 'references' | 'candidates' | 'certain' | 'provider' | 'retryAfterSeconds' | 'errorCode' | 'redirectUris'>;

/** Text as it is; anything else, which a stored exchange or a diagnosis may hold, as nothing. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The header lines of a record of another shape, as far as they are text. */
function headerLines(headers: unknown): string[] {
  return Object.entries(isRecord(headers) ? headers : {}).flatMap(([name, value]) => (typeof value === 'string' ? [`${name}: ${value}`] : []));
}

function transcript(exchange: Partial<HttpExchange>): string {
  const parts: string[] = [];
  const request = isRecord(exchange.request) ? exchange.request : undefined;
  const response = isRecord(exchange.response) ? exchange.response : undefined;
  if (request) {
    parts.push(`${text(request.method)} ${text(request.url)}`);
    parts.push(...headerLines(request.headers));
    if (typeof request.body === 'string' && request.body !== '') parts.push('', truncate(request.body));
    parts.push('');
  }
  parts.push(response?.status !== 0 ? `HTTP ${statusLine(exchange)}` : exchange.noResponse ? statusLine(exchange) : '(no response)');
  parts.push(...headerLines(response?.headers));
  if (typeof response?.body === 'string' && response.body !== '') parts.push('', truncate(response.body));
  return parts.join('\n');
}

function statusLine(exchange: Partial<HttpExchange>): string {
  const status: unknown = isRecord(exchange.response) ? exchange.response.status : undefined;
  if (status !== 0) return typeof status === 'number' || typeof status === 'string' ? String(status) : 'not recorded';
  const kind: unknown = isRecord(exchange.noResponse) ? exchange.noResponse.kind : undefined;
  return typeof kind === 'string' && Object.hasOwn(NO_RESPONSE_STATUS, kind) ? NO_RESPONSE_STATUS[kind as NoResponseKind] : 'no response';
}

function truncate(text: string): string {
  return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY)}\n… (${text.length - MAX_BODY} more characters)`;
}

// A fence longer than any run of backticks inside, so a body cannot close it early.
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}http\n${text}\n${fence}`;
}

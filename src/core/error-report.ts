import type { Diagnosis } from './diagnosis';
import { CATEGORY_TEXTS } from './diagnosis-texts';
import type { HttpExchange, NoResponseKind } from './http-exchange';
import { redactExchange, redactText, redactUrl } from './redact';

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
 * the one thing made to leave the browser.
 */
export function errorReport(exchange: HttpExchange, given: Diagnosis, at?: string): string {
  const redacted = redactExchange(exchange);
  const diagnosis = redactDiagnosis(given);
  const request = redacted.request;
  const lines = [
    `## OAuth error: ${diagnosis.title}`,
    '',
    ...(at ? [`- **When:** ${at}`] : []),
    ...(request ? [`- **Request:** ${request.method} ${request.url}`] : []),
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

/** The diagnosis with every text that can quote the exchange or the history redacted. */
function redactDiagnosis(diagnosis: Diagnosis): Diagnosis {
  const texts = (lines: unknown): string[] => (Array.isArray(lines) ? lines.filter((line): line is string => typeof line === 'string').map(redactText) : []);
  return {
    ...diagnosis,
    explanation: redactText(String(diagnosis.explanation ?? '')),
    evidence: texts(diagnosis.evidence),
    fixes: texts(diagnosis.fixes),
    references: texts(diagnosis.references),
    candidates: Array.isArray(diagnosis.candidates) ? diagnosis.candidates : [],
    ...(typeof diagnosis.errorCode === 'string' ? { errorCode: redactText(diagnosis.errorCode) } : {}),
    ...(typeof diagnosis.serverMessage === 'string' ? { serverMessage: redactText(diagnosis.serverMessage) } : {}),
    ...(diagnosis.redirectUris
      ? { redirectUris: { atAuthorization: redactUrl(String(diagnosis.redirectUris.atAuthorization)), atExchange: redactUrl(String(diagnosis.redirectUris.atExchange)) } }
      : {}),
  };
}

function transcript(exchange: HttpExchange): string {
  const parts: string[] = [];
  const { request, response } = exchange;
  if (request) {
    parts.push(`${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) parts.push(`${name}: ${value}`);
    if (request.body) parts.push('', truncate(request.body));
    parts.push('');
  }
  parts.push(response.status !== 0 ? `HTTP ${response.status}` : exchange.noResponse ? statusLine(exchange) : '(no response)');
  for (const [name, value] of Object.entries(response.headers ?? {})) parts.push(`${name}: ${value}`);
  if (response.body) parts.push('', truncate(response.body));
  return parts.join('\n');
}

function statusLine(exchange: HttpExchange): string {
  if (exchange.response?.status !== 0) return String(exchange.response?.status);
  const kind = exchange.noResponse?.kind;
  return kind !== undefined && Object.hasOwn(NO_RESPONSE_STATUS, kind) ? NO_RESPONSE_STATUS[kind] : 'no response';
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

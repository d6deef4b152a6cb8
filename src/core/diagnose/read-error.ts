import type { HttpExchange, NoResponse, NoResponseKind } from '../traffic/http-exchange';
import type { ErrorSetting } from '../catalog/oauth-errors';
import { hostOf } from '../lib/host-of';
import { isRecord } from '../lib/is-record';
import { headerRecord } from '../traffic/header-record';
import { parseWwwAuthenticate, type Challenge } from './www-authenticate';
import { redactExchange, redactText } from '../redact/redact';
import { bodyCarriesError, errorBody, markupTag, MAX_BODY_SCAN, parseJson, redirectError, responseOf, type ErrorBody } from './is-error-exchange';

/** How the error reached the client: this decides what else to look at and what to say. */
export type ErrorCarrier = 'status' | 'body' | 'redirect' | 'www-authenticate' | 'network';

/** What a failed exchange says about itself, before any judgement: read by the explainer and the error log. */
export type ErrorSignal = {
  status: number;
  carrier: ErrorCarrier;
  /** Where the exchange happened, guessed from the request when nothing better is known. */
  setting: ErrorSetting;
  /** Every code the server sent, most specific first: `error`, AADSTS numbers, `errorCode`, numeric API codes. */
  codes: string[];
  description?: string;
  uri?: string;
  challenges: Challenge[];
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** Form or JSON fields of the request body, when it had one (token requests). */
  requestParams: Record<string, string>;
  requestHost?: string;
  /** The Location an error redirect went to. */
  location?: string;
  /** The Origin header the request carried, when it was recorded: how the provider saw who was asking. */
  requestOrigin?: string;
  /** Why nothing readable came back (status 0), as the recorder classified it. */
  noResponse?: NoResponse;
  evidence: string[];
};

/** The part of the exchange that is read (bodies up to MAX_BODY_SCAN), redacted. */
function redactedHead(exchange: HttpExchange): HttpExchange {
  if (!isRecord(exchange)) return exchange;
  const head = <T>(part: T): T =>
    isRecord(part) && typeof part.body === 'string' && part.body.length > MAX_BODY_SCAN ? { ...part, body: part.body.slice(0, MAX_BODY_SCAN) } : part;
  return redactExchange({
    ...exchange,
    ...(exchange.request !== undefined ? { request: head(exchange.request) } : {}),
    ...(exchange.response !== undefined ? { response: head(exchange.response) } : {}),
  });
}

function redactQuotes(signal: ErrorSignal): ErrorSignal {
  return {
    ...signal,
    codes: signal.codes.map(redactText),
    ...(signal.description !== undefined ? { description: redactText(signal.description) } : {}),
    ...(signal.uri !== undefined ? { uri: redactText(signal.uri) } : {}),
    evidence: signal.evidence.map(redactText),
  };
}

/**
 * Reads an exchange for an error: a 4xx or 5xx status, an error in a 2xx body (`error`, Slack's
 * `"ok": false`), an error on a redirect's Location, or a failure with no response (status 0).
 * null when the exchange succeeded (isErrorExchange tells which, by the same readers). Never
 * throws, whatever the exchange holds.
 *
 * It reads the exchange redacted, and redacts again what it quotes of it (a form-encoded
 * error_description decodes to text that may name a secret): whatever it says can be shown,
 * stored and reported.
 */
export function readError(exchange: HttpExchange, step?: string): ErrorSignal | null {
  try {
    const signal = read(redactedHead(exchange), step);
    return signal && redactQuotes(signal);
  } catch {
    // Only a hostile object (a throwing getter) gets here; the error log must still take it.
    return {
      status: 0,
      carrier: 'status',
      setting: 'resource',
      codes: [],
      challenges: [],
      headers: {},
      requestParams: {},
      evidence: ['The exchange could not be read.'],
    };
  }
}

function read(exchange: HttpExchange, step: string | undefined): ErrorSignal | null {
  const { status, headers, body } = responseOf(exchange);
  const request = isRecord(exchange) && isRecord(exchange.request) ? exchange.request : undefined;
  const requestUrl = typeof request?.url === 'string' ? request.url : '';
  const requestHeaders = headerRecord(request?.headers, 'lower');
  const requestParams = readRequestParams(request?.body, requestHeaders);
  const evidence: string[] = [];
  const noResponse = status === 0 && isRecord(exchange) ? readNoResponse(exchange.noResponse) : undefined;
  // Status 0 means nothing was read: a body or a challenge beside it is not the server's, and is not judged.
  const challenges = status !== 0 && headers['www-authenticate'] ? parseWwwAuthenticate(headers['www-authenticate']) : [];
  const fromBody = status === 0 ? { isError: false, codes: [], evidence: '' } : readBody(body, headers['content-type']);
  const fromRedirect = status >= 300 && status < 400 && headers.location ? redirectError(headers.location) : undefined;
  const bearerError = challenges.find((challenge) => challenge.params.error !== undefined);

  let carrier: ErrorCarrier;
  if (status === 0) carrier = 'network';
  else if (fromRedirect) carrier = 'redirect';
  else if (status >= 400) carrier = bearerError && fromBody.codes.length === 0 ? 'www-authenticate' : 'status';
  else if (fromBody.isError) carrier = 'body';
  else return null;

  const codes: string[] = [];
  let description: string | undefined;
  let uri: string | undefined;
  if (status === 0) {
    evidence.push(noResponseEvidence(noResponse?.kind));
    if (noResponse?.browserMessage) evidence.push(`The browser said only: "${noResponse.browserMessage}".`);
  } else evidence.push(`HTTP ${status}`);

  if (fromRedirect) {
    codes.push(...fromRedirect.codes);
    description = fromRedirect.description;
    uri = fromRedirect.uri;
    evidence.push(`The redirect's Location carries error=${fromRedirect.codes[0]}${description ? ` ("${description}")` : ''}.`);
  }
  if (bearerError) {
    codes.push(bearerError.params.error!);
    description ??= bearerError.params.error_description;
    uri ??= bearerError.params.error_uri;
    evidence.push(`WWW-Authenticate: ${headers['www-authenticate']}`);
  } else if (challenges.length > 0) {
    evidence.push(`WWW-Authenticate: ${headers['www-authenticate']} (the server asks for ${challenges.map((c) => c.scheme).join(' or ')} credentials)`);
  }
  if (fromBody.codes.length > 0 || fromBody.description) {
    codes.push(...fromBody.codes);
    description ??= fromBody.description;
    uri ??= fromBody.uri;
    evidence.push(fromBody.evidence);
  }
  if (status >= 200 && status < 300) evidence.push(`The status is ${status}, yet the body carries an error: the provider reports errors with a success status.`);
  // An AADSTS number can sit in any field, or in a gateway's wrapper around Microsoft's answer.
  if (status !== 0) codes.push(...aadsts(body));

  return {
    status,
    carrier,
    setting: settingOf(step, requestParams, requestUrl, request?.headers, challenges, carrier),
    codes: [...new Set(codes.filter((code) => code !== ''))],
    ...(description !== undefined && description !== '' ? { description } : {}),
    ...(uri !== undefined ? { uri } : {}),
    challenges,
    headers,
    requestParams,
    ...(hostOf(requestUrl) ? { requestHost: hostOf(requestUrl) } : {}),
    ...(fromRedirect ? { location: headers.location } : {}),
    ...(requestHeaders.origin ? { requestOrigin: requestHeaders.origin } : {}),
    ...(noResponse ? { noResponse } : {}),
    evidence,
  };
}

const NO_RESPONSE_KINDS: readonly NoResponseKind[] = ['preflight_refused', 'answer_hidden', 'unreachable', 'timeout', 'connection_lost'];

/** The recorder's classification, kept only as far as it has the documented shape. */
function readNoResponse(value: unknown): NoResponse | undefined {
  if (!isRecord(value) || !NO_RESPONSE_KINDS.includes(value.kind as NoResponseKind)) return undefined;
  const causes = Array.isArray(value.possibleCauses) ? value.possibleCauses.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
  return {
    kind: value.kind as NoResponseKind,
    ...(typeof value.hostPermission === 'string' && value.hostPermission !== '' ? { hostPermission: value.hostPermission } : {}),
    ...(causes.length > 0 ? { possibleCauses: causes } : {}),
    ...(typeof value.browserMessage === 'string' && value.browserMessage.trim() !== '' ? { browserMessage: value.browserMessage.trim().slice(0, 300) } : {}),
  };
}

// What status 0 means, as far as is known. None of these is the server's word: nothing of its was read.
function noResponseEvidence(kind: NoResponseKind | undefined): string {
  switch (kind) {
    case 'preflight_refused':
      return 'No response read: the request was never sent. The browser\'s CORS preflight (OPTIONS) was not approved for the extension\'s origin, so the request itself did not go out.';
    case 'answer_hidden':
      return 'No response read: the request was sent, but the browser hid the answer from the extension (no CORS permission for its origin): no status, headers or body.';
    case 'unreachable':
      return 'No response: no connection could be made, so the request was not sent.';
    case 'timeout':
      return 'No response in time: the request may have reached the server, but nothing came back.';
    case 'connection_lost':
      return 'No response: the connection ended before any answer, though the server was reachable; the request may have reached it.';
    default:
      return 'No response was read (status 0): the request may have failed before reaching the server, been blocked or cancelled, or the browser may have withheld the answer (CORS). Nothing the server may have said is known.';
  }
}

function settingOf(
  step: string | undefined,
  params: Record<string, string>,
  url: string,
  requestHeaders: unknown,
  challenges: Challenge[],
  carrier: ErrorCarrier,
): ErrorSetting {
  switch (step) {
    case 'token':
    case 'refresh':
      return 'token';
    case 'revoke':
      return 'revocation';
    case 'authorize':
      return 'authorization';
    case 'api':
    case 'userinfo':
    case 'introspect':
      return 'resource';
  }
  if (carrier === 'redirect') return 'authorization';
  const grant = params.grant_type ?? '';
  if (grant === 'urn:ietf:params:oauth:grant-type:device_code') return 'device';
  if (grant !== '') return 'token';
  const path = pathOf(url);
  if (/revoke/i.test(path)) return 'revocation';
  if (/token(?:_endpoint)?\/?$|access_token\/?$/i.test(path)) return 'token';
  const authorization = headerRecord(requestHeaders, 'lower').authorization ?? '';
  if (/^\s*(?:bearer|dpop)\s/i.test(authorization) || challenges.some((c) => /^(?:bearer|dpop)$/i.test(c.scheme))) return 'resource';
  if (/^\s*basic\s/i.test(authorization)) return 'token';
  return 'resource';
}

// ---- Request

function readRequestParams(body: unknown, headers: Record<string, string>): Record<string, string> {
  if (typeof body !== 'string' || body === '') return {};
  const text = body.slice(0, MAX_BODY_SCAN).trim();
  if (text.startsWith('{')) {
    const json = parseObject(text);
    if (!json) return {};
    return Object.fromEntries(Object.entries(json).filter(([, value]) => typeof value === 'string' || typeof value === 'number').map(([k, v]) => [k, String(v)]));
  }
  if (headers['content-type'] !== undefined && !/x-www-form-urlencoded/i.test(headers['content-type'])) return {};
  const params: Record<string, string> = {};
  new URLSearchParams(text).forEach((value, name) => {
    params[name] ??= value;
  });
  return params;
}

// ---- Body

type BodyReading = { isError: boolean; codes: string[]; description?: string; uri?: string; evidence: string };

function readBody(text: string, contentType: string | undefined): BodyReading {
  const body = errorBody(text, contentType);
  const isError = bodyCarriesError(body);
  switch (body.kind) {
    case 'json':
      return readJson(body, isError);
    case 'form': {
      const error = body.params.get('error');
      if (!error) return { isError, codes: [], evidence: '' };
      const description = body.params.get('error_description');
      const uri = body.params.get('error_uri');
      return {
        isError,
        codes: [error, ...aadsts(description ?? '')],
        ...(description ? { description } : {}),
        ...(uri ? { uri } : {}),
        evidence: `The form-encoded body has error=${error}.`,
      };
    }
    case 'markup':
      return readMarkup(body, isError);
    case 'text': {
      // Plain text: what some servers send with a 401 ("HTTP Basic: Access denied.").
      const line = body.text.split(/\r?\n/, 1)[0]!.slice(0, 300);
      return { isError, codes: aadsts(body.text), description: line, evidence: `The body says: "${line}"` };
    }
    default:
      return { isError, codes: [], evidence: '' };
  }
}

// The codes and words of each provider family's JSON shape; which fields mark an error is errorBody's.
function readJson({ root, fields }: Extract<ErrorBody, { kind: 'json' }>, isError: boolean): BodyReading {
  const none: BodyReading = { isError: false, codes: [], evidence: '' };
  if (!root) return none;
  const codes: string[] = [];
  const descriptions: string[] = [];
  let uri: string | undefined;
  const add = (value: unknown) => {
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) codes.push(String(value));
  };
  const say = (value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') descriptions.push(value.trim());
  };

  const error = root.error;
  if (typeof error === 'string') add(error);
  else if (isRecord(error)) {
    add(error.status);
    add(error.code);
    add(error.type);
    add(error['.tag']);
    say(error.message);
  }
  add(root.errorCode);
  add(root.error_code);
  if (typeof root.error_summary === 'string') add(root.error_summary.split('/')[0]);
  const errors = isRecord(root.Fault) ? root.Fault.Error : root.errors;
  if (Array.isArray(errors) && isRecord(errors[0])) {
    add(errors[0].code);
    say(errors[0].message ?? errors[0].Message);
    say(errors[0].Detail ?? errors[0].detail);
  } else if (typeof errors === 'string') say(errors);
  // Zoom {"code": 124, "message": …} and Salesforce [{"errorCode": …, "message": …}].
  if (typeof root.code === 'number' || (typeof root.code === 'string' && typeof root.message === 'string')) add(root.code);
  say(root.error_description);
  // Zoom sends the words beside an RFC code as "reason".
  say(root.reason);
  say(root.errorSummary);
  say(root.message);
  say(root.detail ?? root.Detail);
  say(root.error_summary);
  if (typeof root.error_uri === 'string') uri = root.error_uri;
  if (Array.isArray(root.error_codes)) for (const code of root.error_codes) if (typeof code === 'number') codes.push(`AADSTS${code}`);
  for (const text of descriptions) codes.push(...aadsts(text));
  const description = descriptions[0];
  if (!isError && codes.length === 0 && description === undefined) return none;
  return {
    isError,
    codes: [...new Set(codes)],
    ...(description !== undefined ? { description } : {}),
    ...(uri !== undefined ? { uri } : {}),
    evidence: fields.length > 0 ? `The JSON body has ${fields.join(', ')}.` : `The body says: "${description ?? ''}"`,
  };
}

function readMarkup({ text, xml, code }: Extract<ErrorBody, { kind: 'markup' }>, isError: boolean): BodyReading {
  // An HTML error page's <title> or first heading; an XML error's <message>.
  const tag = (name: string) => markupTag(text, name);
  const description = tag('message') ?? tag('error_description') ?? tag('title') ?? tag('h1') ?? tag('h2');
  return {
    isError,
    codes: [...(code ? [code] : []), ...aadsts(text.slice(0, 20_000))],
    ...(description ? { description } : {}),
    evidence: `The ${xml ? 'XML' : 'HTML'} body says: "${description ?? code ?? ''}"`,
  };
}

// Microsoft puts its precise code in the description: "AADSTS70008: The provided authorization code … has expired".
function aadsts(text: string): string[] {
  return [...text.slice(0, 20_000).matchAll(/\bAADSTS(\d{4,8})\b/g)].map((match) => `AADSTS${match[1]}`);
}

// ---- Helpers

function parseObject(text: string): Record<string, unknown> | undefined {
  const value = parseJson(text);
  return isRecord(value) ? value : undefined;
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url.trim());
  return match ? match[1]! : url.split(/[?#]/, 1)[0]!;
}


import { compareRedirectUris } from './compare-redirect-uris';
import type { Diagnosis, DiagnosisCategory, ExplainOptions, FlowHistory } from './diagnosis';
import { CATEGORY_TEXTS } from './diagnosis-texts';
import { TOKEN_REQUESTS_AS_BROWSER, TOKEN_REQUESTS_AS_SERVER } from '../flow/flow-profile';
import type { HttpExchange, NoResponse, NoResponseKind } from '../traffic/http-exchange';
import { mayHaveBeenSent } from './no-response';
import { DESCRIPTION_HINTS, findOAuthError, type OAuthError } from '../catalog/oauth-errors';
import { findOriginRefusal } from './origin-refusals';
import { PROVIDER_ERRORS, type ProviderErrorRule } from '../catalog/provider-errors';
import { PROVIDER_IDENTITIES } from '../catalog/provider-identities';
import { describeInstant } from '../lib/describe-instant';
import { hostOf } from '../lib/host-of';
import { isRecord } from '../lib/is-record';
import { readError, type ErrorSignal } from './read-error';
import { readRateLimit } from './read-rate-limit';
import { redactUrl } from '../redact/redact';

const MAX_CANDIDATES = 5;
const RFC6585 = 'RFC 6585 §4 https://www.rfc-editor.org/rfc/rfc6585#section-4';

/**
 * A fact that ranks a cause, with the sentence that tells the developer how we know. `fixes` come
 * first when the finding's cause wins; `replacesFixes` drops the cause's generic fixes (they would
 * not fit); `supersedesRule` drops a provider rule's meaning and fix for the same cause, when the
 * finding says it more precisely from this very request.
 */
type Finding = {
  category: DiagnosisCategory;
  evidence?: string;
  explanation?: string;
  certain?: boolean;
  fixes?: string[];
  replacesFixes?: boolean;
  supersedesRule?: boolean;
  reference?: string;
};

/**
 * Explains a failed exchange: the most likely cause, the others it could be, how we know and
 * what to change. null when the exchange is not an error. With the flow's history the cause is
 * often certain; without it the candidates are ranked. Never throws.
 *
 * Built from the redacted exchange (readError redacts what it reads) and the history's redirect
 * URIs redacted: nothing it quotes needs redacting before it is shown, stored or reported.
 */
export function explainExchange(exchange: HttpExchange, history: FlowHistory = {}, options: ExplainOptions = {}): Diagnosis | null {
  const signal = readError(exchange, typeof history?.step === 'string' ? history.step : undefined);
  if (!signal) return null;
  try {
    const known = isRecord(history) ? withRedactedUris(history) : {};
    return signal.noResponse ? explainNoResponse(signal, signal.noResponse, known) : explain(signal, known, options);
  } catch {
    // Reached only by hostile history objects; the signal alone still makes a diagnosis.
    return signal.noResponse ? explainNoResponse(signal, signal.noResponse, {}) : explain(signal, {}, {});
  }
}

function explain(signal: ErrorSignal, history: FlowHistory, options: ExplainOptions): Diagnosis {
  const nowMs = momentOf(options.at, signal.headers.date);
  const provider = identifyProvider(signal);
  const rule = provider ? findRule(provider, signal) : undefined;
  const oauthError = signal.codes.map(findOAuthError).find((entry) => entry !== undefined);
  const rate = readRateLimit(signal.headers, nowMs, provider);
  const refresh = history.grantType === 'refresh_token' || history.step === 'refresh' || signal.requestParams.grant_type === 'refresh_token';
  const codeExchange = !refresh && (history.grantType === 'authorization_code' || signal.requestParams.grant_type === 'authorization_code');

  // A rate limit comes first even against history: the server refused before it looked at the code.
  // So does an Origin refusal: servers check the Origin before the grant (oidc-provider as soon as
  // the client is known, Keycloak before any endpoint logic). Status 0 read nothing: only what the
  // status itself means counts, so no history or catalogue can make it sound like a refusal.
  const origin = fromOrigin(signal, history);
  const findings: Finding[] =
    signal.status === 0
      ? fromStatus(signal, refresh)
      : [
          ...fromRateLimit(signal, rate),
          ...origin,
          ...fromHistory(signal, history, codeExchange, refresh, nowMs),
          ...(rule ? fromRule(rule, provider!) : []),
          ...fromDescription(signal, oauthError, refresh),
          ...(oauthError ? fromOAuthError(oauthError, refresh) : []),
          ...fromStatus(signal, refresh),
        ];
  const ruledOut = ruledOutByHistory(history, codeExchange);
  // The server named the Origin as its reason: how the client authenticated was not judged, and
  // advice to switch between Basic and form credentials would only send the developer astray.
  if (origin.length > 0 && signal.status !== 0) ruledOut.add('client_auth_method');
  const ranked = rank(findings.filter((finding) => !ruledOut.has(finding.category)));
  const category = ranked[0]?.category ?? 'other';
  const top = findings.filter((finding) => finding.category === category);
  const certain = top.some((finding) => finding.certain === true);
  const candidates = ranked.map((finding) => finding.category).slice(0, MAX_CANDIDATES);
  const text = CATEGORY_TEXTS[category];
  const ruleApplies = rule !== undefined && rule.category === category && !top.some((finding) => finding.supersedesRule);

  const explanation: string[] = [];
  for (const finding of top) if (finding.explanation) explanation.push(finding.explanation);
  if (ruleApplies && !explanation.includes(`${provider}: ${rule.meaning}`)) explanation.push(`${provider}: ${rule.meaning}`);
  explanation.push(text.explanation);
  if (!certain && candidates.length > 1) {
    explanation.push(
      `The response alone does not tell this apart from ${oneOf(candidates.slice(1).map((c) => CATEGORY_TEXTS[c].title.toLowerCase()))}${history.step ? '' : '; a flow run by OAuth Lens records what is needed to be sure'}.`,
    );
  }
  if (options.bodyUnavailable) {
    explanation.push('Judged from the status and headers alone: the browser does not let an extension read this response body. Paste the body from the network panel to have it judged too.');
  }

  const fixes = [
    ...top.flatMap((finding) => finding.fixes ?? []),
    ...(ruleApplies && rule.fix ? [rule.fix] : []),
    ...redirectFix(history, category),
    ...(top.some((finding) => finding.replacesFixes) ? [] : text.fixes),
  ];
  const evidence = [
    ...signal.evidence,
    ...(signal.description && !signal.evidence.some((line) => line.includes(signal.description!)) ? [`The server says: "${signal.description}"`] : []),
    ...findings.flatMap((finding) => (finding.evidence ? [finding.evidence] : [])),
    ...rate.evidence,
  ];
  const references = [
    ...top.flatMap((finding) => (finding.reference ? [finding.reference] : [])),
    ...(rule ? [rule.source] : []),
    ...(oauthError ? [oauthError.reference] : []),
    ...text.references,
    ...(category === 'rate_limited' || signal.status === 429 ? [RFC6585] : []),
    ...rate.references,
    ...(signal.uri ? [`The server's error_uri: ${signal.uri}`] : []),
  ];
  const said = explanation.join(' ');
  const times = namedTimes(history, [said, ...evidence]);
  const redirectUris =
    history.redirectUriAtAuthorization !== undefined && history.redirectUriAtExchange !== undefined && category === 'redirect_uri_mismatch'
      ? { atAuthorization: history.redirectUriAtAuthorization, atExchange: history.redirectUriAtExchange }
      : undefined;

  return {
    category,
    candidates,
    title: provider && rule?.category === category ? `${text.title} (${provider})` : text.title,
    explanation: said,
    fixes: unique(fixes),
    evidence: unique(evidence),
    references: unique(references),
    ...(provider ? { provider } : {}),
    ...(times.length > 0 ? { times } : {}),
    ...(rate.retryAfterSeconds !== undefined ? { retryAfterSeconds: rate.retryAfterSeconds } : {}),
    ...(rate.rateLimit ? { rateLimit: rate.rateLimit } : {}),
    ...(signal.codes[0] !== undefined ? { errorCode: signal.codes[0] } : {}),
    ...(signal.description !== undefined ? { serverMessage: signal.description } : {}),
    ...(redirectUris ? { redirectUris } : {}),
    certain,
  };
}

// ---- No readable answer

// connection_lost has no category of its own: like a timeout, the server was reachable and the
// request may have reached it and had its effect, unknown from here, and the fixes are the same
// (look at the server's side; do not re-send a code). server_unreachable would say it was never
// sent, cors_blocked that the browser hid an answer: neither is known to be true.
const NO_RESPONSE_CATEGORY: Readonly<Record<NoResponseKind, DiagnosisCategory>> = Object.freeze({
  preflight_refused: 'cors_blocked',
  answer_hidden: 'cors_blocked',
  unreachable: 'server_unreachable',
  timeout: 'timeout',
  connection_lost: 'timeout',
});

// Only the causes the recorder said were possible are named, each with what to check.
const UNREACHABLE_CHECKS: readonly { pattern: RegExp; fix: string }[] = [
  { pattern: /refused/i, fix: 'If the connection was refused: check that the server is running and listens on that port (a local server must be started first).' },
  { pattern: /resolve|dns/i, fix: 'If the name did not resolve: check the host name for typos, and that it resolves from this machine (DNS, VPN, hosts file).' },
  { pattern: /tls|certificate/i, fix: 'If TLS failed: open the URL in a tab to see the certificate error (self-signed, expired, or issued for another name).' },
];

/**
 * No answer was read: the recorder's classification decides the cause, with certainty. Nothing
 * here may say what the server answered, since nothing of it was read.
 */
function explainNoResponse(signal: ErrorSignal, noResponse: NoResponse, history: FlowHistory): Diagnosis {
  const category = NO_RESPONSE_CATEGORY[noResponse.kind];
  const text = CATEGORY_TEXTS[category];
  const refresh = history.grantType === 'refresh_token' || history.step === 'refresh' || signal.requestParams.grant_type === 'refresh_token';
  const codeExchange = !refresh && (history.grantType === 'authorization_code' || signal.requestParams.grant_type === 'authorization_code');
  const host = signal.requestHost ?? 'the server';
  const explanation: string[] = [];
  const fixes: string[] = [];
  const evidence = [...signal.evidence];
  switch (noResponse.kind) {
    case 'preflight_refused':
      explanation.push(`Never sent: the browser's CORS preflight was refused, so the request did not go out to ${host}.`);
      if (codeExchange) explanation.push('This request did not use the code: if it was not exchanged before and has not expired, it can still be exchanged once.');
      break;
    case 'answer_hidden':
      explanation.push(`Sent, but the browser hid the answer from ${host}${codeExchange ? '; the server may have redeemed the code' : ''}.`);
      break;
    case 'unreachable': {
      const causes = noResponse.possibleCauses ?? [];
      explanation.push(`No connection could be made to ${host}${causes.length > 0 ? `. Given the URL, it can be: ${oneOf(causes)}; the browser does not say which` : ''}.`);
      if (codeExchange) explanation.push('This request did not use the code: it was not sent.');
      fixes.push(...UNREACHABLE_CHECKS.filter((check) => causes.some((cause) => check.pattern.test(cause))).map((check) => check.fix));
      break;
    }
    case 'timeout':
      explanation.push(`No answer came from ${host} in time.`);
      break;
    case 'connection_lost':
      explanation.push(`The connection to ${host} ended before any answer came, though the server was reachable and the request was not blocked.`);
      break;
  }
  if (codeExchange && mayHaveBeenSent(noResponse) && noResponse.kind !== 'answer_hidden') {
    explanation.push('The request may have reached the server, and the code may have been redeemed.');
  }
  if (category === 'cors_blocked') {
    // The generic first fix names no host; the recorder knows the permission to ask for.
    const [allowAny, ...others] = text.fixes;
    fixes.push(
      noResponse.hostPermission
        ? `Allow OAuth Lens to reach ${noResponse.hostPermission} (the Errors view offers the button), then run the flow again: with that host permission the browser shares the answer with the extension.`
        : allowAny!,
    );
    if (codeExchange && noResponse.kind === 'answer_hidden') {
      fixes.push('Do not send this code again: if the server redeemed it, a second exchange is refused as a reused code (and may revoke the tokens the first one issued). Start a new authorization for a fresh code once the host is allowed.');
    }
    fixes.push(...others);
  } else {
    fixes.push(...text.fixes);
  }
  if (signal.requestOrigin) evidence.push(`The request carried Origin: ${signal.requestOrigin}.`);
  if (noResponse.hostPermission) evidence.push(`The host permission that lets the extension read this host's answers: ${noResponse.hostPermission}.`);
  explanation.push(text.explanation);
  const provider = identifyProvider(signal);
  return {
    category,
    candidates: [category],
    title: text.title,
    explanation: explanation.join(' '),
    fixes: unique(fixes),
    evidence: unique(evidence),
    references: unique(text.references),
    ...(provider ? { provider } : {}),
    certain: true,
  };
}

// ---- Findings, strongest first

/** A refusal because of the Origin header, from the words of the answer: the host does not matter. */
function fromOrigin(signal: ErrorSignal, history: FlowHistory): Finding[] {
  const refusal = findOriginRefusal(signal.codes, signal.description);
  if (!refusal) return [];
  const sent = signal.requestOrigin;
  const wanted = refusal.origin === 'sent' ? TOKEN_REQUESTS_AS_SERVER : TOKEN_REQUESTS_AS_BROWSER;
  const already = history.tokenRequestsAs === (refusal.origin === 'sent' ? 'server' : 'browser');
  const setFix = already
    ? `The profile is already set to ${wanted}, yet the provider answered this way${sent ? ` to a request carrying Origin: ${sent}` : ''}: check that no proxy or other extension changes the request's Origin header.`
    : refusal.origin === 'sent'
      ? `In the profile, set ${wanted}, and run the flow again: the token request then goes out without an Origin header, as a backend's would.`
      : `In the profile, set ${wanted}, and run the flow again: the token request then carries the extension's Origin, as a single-page app's would.`;
  return [
    {
      category: 'origin_not_allowed',
      certain: true,
      explanation:
        refusal.origin === 'sent'
          ? `${refusal.server} refused the request because of its Origin header${sent ? ` (${sent})` : ''}: ${refusal.meaning}`
          : `${refusal.server} refused the request because it carried no Origin header: ${refusal.meaning}`,
      evidence: `Matched ${refusal.server}'s answer /${refusal.pattern}/: a refusal because of the Origin header, whatever the host.${
        sent ? ` The request carried Origin: ${sent}.` : refusal.origin === 'missing' && signal.requestHost ? ' The request carried no Origin header.' : ''
      }`,
      // The category's generic fixes name both settings; this request tells which one applies.
      fixes: [
        setFix,
        refusal.fix,
        refusal.origin === 'sent'
          ? 'In your own app: redeem the code from the backend (a server sends no Origin header), or register the browser app\'s origin with the provider for this client.'
          : 'In your own app: a client registered as a single-page app redeems codes from the browser; a backend needs a client registered as a web app.',
      ],
      replacesFixes: true,
      supersedesRule: true,
      reference: refusal.source,
    },
  ];
}

function fromHistory(signal: ErrorSignal, history: FlowHistory, codeExchange: boolean, refresh: boolean, nowMs: number): Finding[] {
  const findings: Finding[] = [];
  if (codeExchange && typeof history.codeFirstRedeemedAt === 'string' && history.codeFirstRedeemedUnread === true) {
    // The first send's answer was hidden or never came: the server may have redeemed the code, or
    // the request may never have reached it. A reuse explains the refusal best, so it ranks first
    // among the guesses (history before the catalogue), but it is not known: the RFC's other
    // causes stay candidates, and a provider's certain answer (an expired code, say) outranks it.
    findings.push({
      category: 'code_reused',
      certain: false,
      explanation: `This code was sent at ${timeOf(history.codeFirstRedeemedAt)} in a request whose answer could not be read: the server may have redeemed it then.`,
      evidence: `History: the same authorization code was first sent to the token endpoint at ${timeOf(history.codeFirstRedeemedAt)}, and that request got no readable answer.`,
      fixes: [
        'Start a new authorization for a fresh code, and make the exchange\'s answer readable before sending it (allow OAuth Lens to reach the token endpoint\'s host when the browser hid it): tokens carried by a hidden answer cannot be recovered.',
      ],
    });
  } else if (codeExchange && typeof history.codeFirstRedeemedAt === 'string') {
    findings.push({
      category: 'code_reused',
      certain: true,
      explanation: `This code was already exchanged at ${timeOf(history.codeFirstRedeemedAt)}; this request sent it a second time.`,
      evidence: `History: the same authorization code was first sent to the token endpoint at ${timeOf(history.codeFirstRedeemedAt)}.`,
    });
  }
  const atAuthorization = history.redirectUriAtAuthorization;
  const atExchange = history.redirectUriAtExchange;
  if (codeExchange && typeof atAuthorization === 'string' && typeof atExchange === 'string' && atAuthorization !== atExchange) {
    const differences = compareRedirectUris(atAuthorization, atExchange).differences;
    findings.push({
      category: 'redirect_uri_mismatch',
      certain: true,
      explanation: `The authorization request sent redirect_uri ${atAuthorization}, the token request ${atExchange}: they must be identical.`,
      evidence: `History: redirect_uri differs between the two requests (${differences.map((d) => d.note).join(' ') || 'not the same string'}).`,
    });
  }
  if (typeof history.tokenRevokedAt === 'string' && (refresh || signal.setting === 'resource')) {
    findings.push({
      category: 'token_revoked',
      certain: true,
      explanation: `This token was revoked at ${timeOf(history.tokenRevokedAt)}.`,
      evidence: `History: the token was revoked at ${timeOf(history.tokenRevokedAt)}.`,
    });
  }
  const expiresAt = typeof history.tokenExpiresAt === 'string' ? Date.parse(history.tokenExpiresAt) : NaN;
  if (signal.setting === 'resource' && !refresh && Number.isFinite(expiresAt) && expiresAt <= nowMs) {
    findings.push({
      category: 'token_expired',
      certain: true,
      explanation: `The access token expired at ${timeOf(history.tokenExpiresAt!)}, before this request.`,
      evidence: `History: the access token's lifetime ended at ${timeOf(history.tokenExpiresAt!)}.`,
    });
  }
  const method = history.clientAuth;
  const supported = Array.isArray(history.authMethodsSupported) ? history.authMethodsSupported : undefined;
  if (signal.setting === 'token' && method && supported && supported.length > 0 && !supported.includes(method)) {
    findings.push({
      category: 'client_auth_method',
      certain: signal.codes.some((code) => code.toLowerCase() === 'invalid_client') || signal.status === 401,
      explanation: `The client authenticated with ${method}, which the provider's discovery document does not list (it supports ${supported.join(', ')}).`,
      evidence: `History: token_endpoint_auth_methods_supported is [${supported.join(', ')}]; this request used ${method}.`,
    });
  }
  return findings;
}

/** Causes the history proves did not happen: a first use of a code is no reuse; identical redirect URIs do not mismatch. */
function ruledOutByHistory(history: FlowHistory, codeExchange: boolean): Set<DiagnosisCategory> {
  const out = new Set<DiagnosisCategory>();
  if (!codeExchange) return out;
  if (typeof history.codeHash === 'string' && history.codeFirstRedeemedAt === undefined) out.add('code_reused');
  if (typeof history.redirectUriAtAuthorization === 'string' && history.redirectUriAtAuthorization === history.redirectUriAtExchange) {
    out.add('redirect_uri_mismatch');
  }
  return out;
}

function fromRateLimit(signal: ErrorSignal, rate: ReturnType<typeof readRateLimit>): Finding[] {
  if (signal.status === 429) return [{ category: 'rate_limited', certain: true }];
  // GitHub answers a primary rate limit with 403 and x-ratelimit-remaining: 0.
  if ((signal.status === 403 || signal.status === 503) && (rate.rateLimit?.remaining === 0 || rate.retryAfterSeconds !== undefined)) {
    return [{ category: 'rate_limited', certain: rate.rateLimit?.remaining === 0, evidence: `HTTP ${signal.status} with rate-limit headers: read as a rate limit, not a permission problem.` }];
  }
  return [];
}

function fromRule(rule: ProviderErrorRule, provider: string): Finding[] {
  const evidence = `Matched ${provider}'s documented answer${rule.error ? ` ${rule.error}` : ''}${rule.message ? ` (message /${rule.message}/)` : ''}.`;
  return [
    { category: rule.category, certain: !rule.alsoPossible || rule.alsoPossible.length === 0, evidence },
    ...(rule.alsoPossible ?? []).map((category) => ({ category })),
  ];
}

function fromDescription(signal: ErrorSignal, oauthError: OAuthError | undefined, refresh: boolean): Finding[] {
  // A precise code says more than a free-text description; only vague ones are narrowed.
  if (oauthError && oauthError.causes.length === 1) return [];
  const description = signal.description ?? '';
  if (description === '') return [];
  const tokenSide = refresh || signal.setting === 'resource';
  return DESCRIPTION_HINTS.filter((hint) => hint.pattern.test(description)).map((hint) => ({
    category: tokenSide && hint.category === 'code_expired' ? 'token_expired' : tokenSide && hint.category === 'code_reused' ? 'token_revoked' : hint.category,
    evidence: `The description mentions "${hint.pattern.exec(description)![0]}".`,
  }));
}

function fromOAuthError(entry: OAuthError, refresh: boolean): Finding[] {
  const causes = refresh && entry.forRefresh ? entry.forRefresh : entry.causes;
  return causes.map((category, index) => ({
    category,
    ...(index === 0 ? { evidence: `${entry.error}: ${entry.meaning} (${entry.reference.split(' http')[0]})` } : {}),
    // A code with a single meaning is certain; the others rank guesses.
    certain: causes.length === 1 && index === 0,
  }));
}

function fromStatus(signal: ErrorSignal, refresh: boolean): Finding[] {
  const basic = signal.challenges.some((challenge) => /^basic$/i.test(challenge.scheme));
  switch (true) {
    case signal.status === 401 && signal.setting === 'token':
      // Some providers answer a reused code with a Basic challenge rather than invalid_grant (the FreeAgent seed).
      return (basic ? ['invalid_client_credentials', 'code_reused', 'client_auth_method'] : ['invalid_client_credentials', 'client_auth_method']).map(
        (category) => ({ category }) as Finding,
      );
    case signal.status === 401:
      return (['invalid_token', 'token_expired', 'token_revoked'] as const).map((category) => ({ category }));
    case signal.status === 403:
      return (['insufficient_scope', 'consent_denied', 'rate_limited'] as const).map((category) => ({ category }));
    case signal.status === 400 && signal.setting === 'token':
      return (refresh ? ['token_expired', 'malformed_request'] : ['malformed_request']).map((category) => ({ category }) as Finding);
    case signal.status === 400:
      return [{ category: 'malformed_request' }];
    case signal.status === 0:
      // Recorded without saying why (a pasted or watched entry): the no-answer causes are ranked
      // below 'other', none certain, and nothing is said of what the server did.
      return [
        {
          category: 'other',
          explanation:
            'The request got no response that could be read: it may not have reached the server (unreachable, blocked by an extension or a policy, cancelled), or the browser may have withheld the answer (CORS). Nothing here says what the server did with it.',
          fixes: [
            'Find the request in the browser\'s network panel: its status names the cause (a CORS error, net::ERR_NAME_NOT_RESOLVED, net::ERR_CONNECTION_REFUSED, net::ERR_BLOCKED_BY_CLIENT…).',
            'Check the server\'s logs for the request before sending it again: a code exchange that reached the server has used the code.',
          ],
          replacesFixes: true,
        },
        { category: 'cors_blocked' },
        { category: 'server_unreachable' },
        { category: 'timeout' },
      ];
    default:
      return [{ category: 'other' }];
  }
}

/** Certain findings first, then by how often each cause was named and how early. */
function rank(findings: Finding[]): Finding[] {
  const order = new Map<DiagnosisCategory, { first: number; certain: boolean }>();
  findings.forEach((finding, index) => {
    const seen = order.get(finding.category);
    if (!seen) order.set(finding.category, { first: index, certain: finding.certain === true });
    else if (finding.certain) seen.certain = true;
  });
  return [...order.entries()]
    .sort(([, a], [, b]) => Number(b.certain) - Number(a.certain) || a.first - b.first)
    .map(([category]) => ({ category }));
}

// ---- Provider

function identifyProvider(signal: ErrorSignal): string | undefined {
  const hosts = [signal.requestHost, hostOf(signal.location ?? '')].filter((host): host is string => !!host);
  for (const host of hosts) {
    const identity = PROVIDER_IDENTITIES.find((entry) => entry.hosts.some((pattern) => (pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern)));
    if (identity) return identity.provider;
  }
  if (hosts.length > 0) return undefined;
  // Without a URL (a pasted body), only a signature no one else uses names the provider.
  if (signal.codes.some((code) => /^AADSTS\d+$/.test(code))) return providerNamed(/microsoft|entra/i);
  return undefined;
}

function providerNamed(pattern: RegExp): string | undefined {
  return PROVIDER_IDENTITIES.find((entry) => pattern.test(entry.provider))?.provider;
}

function findRule(provider: string, signal: ErrorSignal): ProviderErrorRule | undefined {
  const codes = signal.codes.map((code) => code.toLowerCase());
  const description = signal.description ?? '';
  return PROVIDER_ERRORS.find(
    (rule) =>
      rule.provider === provider &&
      (rule.error === undefined || codes.includes(rule.error.toLowerCase())) &&
      (rule.status === undefined || rule.status === signal.status) &&
      (rule.message === undefined || safeTest(rule.message, description)) &&
      (rule.error !== undefined || rule.message !== undefined || rule.status !== undefined),
  );
}

function safeTest(source: string, text: string): boolean {
  try {
    return new RegExp(source, 'i').test(text);
  } catch {
    return false;
  }
}

// ---- Small helpers

function withRedactedUris(history: FlowHistory): FlowHistory {
  const { redirectUriAtAuthorization: atAuthorization, redirectUriAtExchange: atExchange } = history;
  return {
    ...history,
    ...(typeof atAuthorization === 'string' ? { redirectUriAtAuthorization: redactUrl(atAuthorization) } : {}),
    ...(typeof atExchange === 'string' ? { redirectUriAtExchange: redactUrl(atExchange) } : {}),
  };
}

function redirectFix(history: FlowHistory, category: DiagnosisCategory): string[] {
  if (category !== 'redirect_uri_mismatch' || typeof history.redirectUriAtAuthorization !== 'string') return [];
  return [`Send redirect_uri=${history.redirectUriAtAuthorization} in the token request, exactly as in the authorization request.`];
}

function momentOf(at: string | undefined, date: string | undefined): number {
  for (const value of [at, date]) {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return Date.now();
}

/**
 * "14:02:11 UTC": the time a developer compares with server logs, which are mostly in UTC, the
 * same in the view and in a copied report. The diagnosis lists it in `times`, for a view to show
 * in local time.
 */
function timeOf(iso: string): string {
  return describeInstant(iso)?.clock ?? iso;
}

/** The history's instants that the texts name as timeOf wrote them, in ISO 8601. */
function namedTimes(history: FlowHistory, texts: string[]): string[] {
  const named: string[] = [];
  for (const at of [history.codeFirstRedeemedAt, history.tokenRevokedAt, history.tokenExpiresAt]) {
    const instant = describeInstant(at);
    if (instant && texts.some((text) => text.includes(instant.clock))) named.push(instant.iso);
  }
  return unique(named);
}

/** Alternatives, as a sentence names them: "a, b or c". */
function oneOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}



import { compareRedirectUris } from './compare-redirect-uris';
import type { Diagnosis, DiagnosisCategory, ExplainOptions, FlowHistory } from './diagnosis';
import { CATEGORY_TEXTS } from './diagnosis-texts';
import type { HttpExchange } from './http-exchange';
import { DESCRIPTION_HINTS, findOAuthError, type OAuthError } from './oauth-errors';
import { PROVIDER_ERRORS, PROVIDER_IDENTITIES, type ProviderErrorRule } from './provider-errors';
import { hostOf } from './lib/host-of';
import { isRecord } from './lib/is-record';
import { readError, type ErrorSignal } from './read-error';
import { readRateLimit } from './read-rate-limit';

const MAX_CANDIDATES = 5;
const RFC6585 = 'RFC 6585 §4 https://www.rfc-editor.org/rfc/rfc6585#section-4';

/** A fact that ranks a cause, with the sentence that tells the developer how we know. */
type Finding = { category: DiagnosisCategory; evidence?: string; explanation?: string; certain?: boolean };

/**
 * Explains a failed exchange: the most likely cause, the others it could be, how we know and
 * what to change. null when the exchange is not an error. With the flow's history the cause is
 * often certain; without it the candidates are ranked. Never throws.
 */
export function explainExchange(exchange: HttpExchange, history: FlowHistory = {}, options: ExplainOptions = {}): Diagnosis | null {
  const signal = readError(exchange, typeof history?.step === 'string' ? history.step : undefined);
  if (!signal) return null;
  try {
    return explain(signal, isRecord(history) ? history : {}, options);
  } catch {
    // Reached only by hostile history objects; the signal alone still makes a diagnosis.
    return explain(signal, {}, {});
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
  const findings: Finding[] = [
    ...fromRateLimit(signal, rate),
    ...fromHistory(signal, history, codeExchange, refresh, nowMs),
    ...(rule ? fromRule(rule, provider!) : []),
    ...fromDescription(signal, oauthError, refresh),
    ...(oauthError ? fromOAuthError(oauthError, refresh) : []),
    ...fromStatus(signal, refresh),
  ];
  const ruledOut = ruledOutByHistory(history, codeExchange);
  const ranked = rank(findings.filter((finding) => !ruledOut.has(finding.category)));
  const category = ranked[0]?.category ?? 'other';
  const top = findings.filter((finding) => finding.category === category);
  const certain = top.some((finding) => finding.certain === true);
  const candidates = ranked.map((finding) => finding.category).slice(0, MAX_CANDIDATES);
  const text = CATEGORY_TEXTS[category];

  const explanation: string[] = [];
  for (const finding of top) if (finding.explanation) explanation.push(finding.explanation);
  if (rule && rule.category === category && !explanation.includes(`${provider}: ${rule.meaning}`)) explanation.push(`${provider}: ${rule.meaning}`);
  explanation.push(text.explanation);
  if (!certain && candidates.length > 1) {
    explanation.push(
      `The response alone does not tell this apart from ${list(candidates.slice(1).map((c) => CATEGORY_TEXTS[c].title.toLowerCase()))}${history.step ? '' : '; a flow run by OAuth Lens records what is needed to be sure'}.`,
    );
  }
  if (options.bodyUnavailable) {
    explanation.push('Judged from the status and headers alone: the browser does not let an extension read this response body. Paste the body from the network panel to have it judged too.');
  }

  const fixes = [...(rule?.fix && rule.category === category ? [rule.fix] : []), ...redirectFix(history, category), ...text.fixes];
  const evidence = [
    ...signal.evidence,
    ...(signal.description && !signal.evidence.some((line) => line.includes(signal.description!)) ? [`The server says: "${signal.description}"`] : []),
    ...findings.flatMap((finding) => (finding.evidence ? [finding.evidence] : [])),
    ...rate.evidence,
  ];
  const references = [
    ...(rule ? [rule.source] : []),
    ...(oauthError ? [oauthError.reference] : []),
    ...text.references,
    ...(category === 'rate_limited' || signal.status === 429 ? [RFC6585] : []),
    ...rate.references,
    ...(signal.uri ? [`The server's error_uri: ${signal.uri}`] : []),
  ];
  const redirectUris =
    history.redirectUriAtAuthorization !== undefined && history.redirectUriAtExchange !== undefined && category === 'redirect_uri_mismatch'
      ? { atAuthorization: history.redirectUriAtAuthorization, atExchange: history.redirectUriAtExchange }
      : undefined;

  return {
    category,
    candidates,
    title: provider && rule?.category === category ? `${text.title} (${provider})` : text.title,
    explanation: explanation.join(' '),
    fixes: unique(fixes),
    evidence: unique(evidence),
    references: unique(references),
    ...(provider ? { provider } : {}),
    ...(rate.retryAfterSeconds !== undefined ? { retryAfterSeconds: rate.retryAfterSeconds } : {}),
    ...(rate.rateLimit ? { rateLimit: rate.rateLimit } : {}),
    ...(signal.codes[0] !== undefined ? { errorCode: signal.codes[0] } : {}),
    ...(signal.description !== undefined ? { serverMessage: signal.description } : {}),
    ...(redirectUris ? { redirectUris } : {}),
    certain,
  };
}

// ---- Findings, strongest first

function fromHistory(signal: ErrorSignal, history: FlowHistory, codeExchange: boolean, refresh: boolean, nowMs: number): Finding[] {
  const findings: Finding[] = [];
  if (codeExchange && typeof history.codeFirstRedeemedAt === 'string') {
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
      return [{ category: 'other', explanation: 'The request got no response: the server is unreachable, the request was blocked (CORS, an ad blocker, a policy), or it was cancelled.' }];
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

/** "14:02:11 UTC": the time a developer compares with server logs, which are mostly in UTC. */
function timeOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(11, 19)} UTC` : iso;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}



// The public surface of the core: pure functions and types, no I/O, no browser globals.
export { encodeBase64, decodeBase64, utf8 } from './base64';
export { generateCodeVerifier, codeChallenge, type PkceMethod } from './pkce';
export { randomToken } from './random-token';
export type { Randomness, Sha256 } from './platform';
export type { HttpRequest, HttpResponse, HttpExchange, NoResponse, NoResponseKind } from './http-exchange';
export {
  tokenRequestsAs,
  TOKEN_REQUESTS_LABELS,
  TOKEN_REQUESTS_AS_SERVER,
  TOKEN_REQUESTS_AS_BROWSER,
  type FlowProfile,
  type ClientAuthMethod,
  type TokenRequestsAs,
} from './flow-profile';
export { BUNDLED_DEMO_ISSUER, BUNDLED_DEMO_PORT, DEMO_CLIENTS, DEMO_ACCOUNT, bundledDemoProfile } from './bundled-demo';
export { buildAuthorizationUrl, type AuthorizationRequest, type AuthorizationUrl } from './authorization-request';
export {
  parseAuthorizationResponse,
  type AuthorizationResponse,
  type AuthorizationResponseExpectation,
  type AuthorizationResponseProblem,
} from './authorization-response';
export {
  authorizationCodeRequest,
  bearerRequest,
  tokenRequest,
  basicAuthorization,
  withSameClientAuthentication,
  type ClientCredentials,
} from './token-request';
export { discoveryUrl, parseDiscovery, type ProviderMetadata, type DiscoveryResult } from './discovery';
export { parseJsonObject, type JsonObjectResult } from './json-object';
export type {
  FlowRun,
  FlowStage,
  FlowStep,
  FailureReason,
  TokenSet,
  ExchangeContext,
  RecordedExchange,
  FlowEndpoints,
  PendingFlow,
  NonceCheck,
} from './flow-run';
export { maskSecret, SHOW_ENDS_FROM } from './mask-secret';
export { SECRET_NAMES, KEPT_NAMES, type SecretKind, type SecretNameRule } from './secret-names';
export type { TokenInspection, TokenWarning, WarningCode, SafetyVerdict, JwtInspection } from './token-inspection';
export { inspectToken } from './inspect-token';
export { parseTokenResponse, type TokenResponse, type TokenField } from './parse-token-response';
export { judgeSafety, describeChar } from './token-safety';
export { describeDuration, describeExpiry, describeRelative } from './describe-duration';
export { TOKEN_FORMATS, type TokenFormat } from './token-formats';
export { recognizeTokenFormat, type FormatMatch } from './recognize-token-format';
export { percentEncode } from './percent-encode';
export { exportProfiles, importProfiles, type ImportedProfiles, type ImportWarning } from './profile-io';
export { endpointWarnings, type EndpointWarning, type EndpointWarningCode, type WarnedEndpoint } from './endpoint-warnings';
export { PROVIDER_PRESETS, fillPreset, type ProviderPreset, type PresetParameter } from './provider-presets';
export { redactExchange, redactRequest, redactText, redactUrl } from './redact';
export { toCurl, toPhpCurl, toFetch } from './request-snippets';
export type { Diagnosis, DiagnosisCategory, FlowHistory, RateLimit, ExplainOptions } from './diagnosis';
export { explainExchange } from './explain-exchange';
export { readError, isErrorExchange, type ErrorSignal, type ErrorCarrier } from './read-error';
export { isWatchedFailure, isTokenRequest } from './is-watched-failure';
export { CATEGORY_TEXTS, type CategoryText } from './diagnosis-texts';
export { ORIGIN_REFUSALS, findOriginRefusal, type OriginRefusal } from './origin-refusals';
export { tokenResponseWarnings, type TokenResponseWarning } from './token-response-warnings';
export { OAUTH_ERRORS, DESCRIPTION_HINTS, type OAuthError, type ErrorSetting } from './oauth-errors';
export { PROVIDER_ERRORS, PROVIDER_IDENTITIES, type ProviderErrorRule, type ProviderIdentity } from './provider-errors';
export { compareRedirectUris, type RedirectUriPart } from './compare-redirect-uris';
export { parseHttpTranscript, type TranscriptReading } from './parse-http-transcript';
export { readRateLimit, type RateLimitReading } from './read-rate-limit';
export { RATE_LIMIT_HEADERS } from './rate-limit-headers';
export { addErrorEntry, unseenCount, ERROR_LOG_LIMIT, type ErrorEntry, type ErrorIndexEntry, type ErrorSource } from './error-entry';
export { STORAGE_BUDGET, capBody, capExchangeBodies, keepNewestWithin, storedBytes, utf8Length } from './storage-budget';
export { historyOf } from './flow-history';
export { errorReport } from './error-report';
export { readTokenFields, type TokenFields } from './read-token-fields';
export { jwtPayload } from './jwt-payload';
export { parseHostPattern, parseHostPatterns, matchesHostPattern, originsOf, type HostPattern, type HostPatternResult } from './host-pattern';
export { captureRequest, CAPTURED_BODY_LIMIT, type CapturedBody } from './capture-request';
export {
  emptyWatchLedger,
  isAuthorizationRequest,
  noteAuthorizationRequest,
  codeInRedirect,
  noteCodeIssued,
  noteCodeRedeemed,
  historyForCodeExchange,
  type WatchLedger,
} from './watch-ledger';
export { hostOfPermission, hostPermissionOf } from './host-permission';
export { needsPreflight } from './cors-preflight';
export { browserSendsOrigin } from './origin-header';
export { classifyNoResponse, possibleNetworkCauses, mayHaveBeenSent, describeNoResponse, type NoResponseFacts } from './no-response';
export { hostsForRun, type RunHost, type RunEndpoint } from './run-hosts';
export { flowEndpoints, needsDiscovery } from './flow-endpoints';
export { accessUses, type AccessEntry, type AccessFacts } from './access-uses';

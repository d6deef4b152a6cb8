// The public surface of the core: pure functions and types, no I/O, no browser globals.
export { encodeBase64, decodeBase64, utf8 } from './lib/base64';
export { generateCodeVerifier, codeChallenge, type PkceMethod } from './flow/pkce';
export { randomToken } from './flow/random-token';
export type { Randomness, Sha256 } from './lib/platform';
export type { HttpRequest, HttpResponse, HttpExchange, NoResponse, NoResponseKind } from './traffic/http-exchange';
export {
  tokenRequestsAs,
  TOKEN_REQUESTS_LABELS,
  TOKEN_REQUESTS_AS_SERVER,
  TOKEN_REQUESTS_AS_BROWSER,
  type FlowProfile,
  type ClientAuthMethod,
  type TokenRequestsAs,
} from './flow/flow-profile';
export { BUNDLED_DEMO_ISSUER, BUNDLED_DEMO_PORT, DEMO_CLIENTS, DEMO_ACCOUNT, bundledDemoProfile } from './flow/bundled-demo';
export { buildAuthorizationUrl, type AuthorizationRequest, type AuthorizationUrl } from './flow/authorization-request';
export {
  parseAuthorizationResponse,
  type AuthorizationResponse,
  type AuthorizationResponseExpectation,
  type AuthorizationResponseProblem,
} from './flow/authorization-response';
export {
  authorizationCodeRequest,
  bearerRequest,
  tokenRequest,
  basicAuthorization,
  withSameClientAuthentication,
  type ClientCredentials,
} from './flow/token-request';
export { discoveryUrl, parseDiscovery, type ProviderMetadata, type DiscoveryResult } from './flow/discovery';
export { parseJsonObject, type JsonObjectResult } from './lib/json-object';
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
  FrontChannelStep,
  RedirectStep,
} from './flow/flow-run';
export { runTimeline, type TimelineStep, type TimelineKind } from './flow/run-timeline';
export { keptRuns } from './flow/kept-runs';
export { summarizeRun, type RunSummary } from './flow/run-summary';
export { maskSecret, SHOW_ENDS_FROM } from './redact/mask-secret';
export { SECRET_NAMES, KEPT_NAMES, type SecretKind, type SecretNameRule } from './catalog/secret-names';
export type { TokenInspection, TokenWarning, WarningCode, SafetyVerdict, JwtInspection } from './inspect/token-inspection';
export { inspectToken } from './inspect/inspect-token';
export { classifyPaste } from './inspect/classify-paste';
export type {
  PasteClassification,
  FoundCredential,
  CredentialSource,
  BasicCredentials,
  NotATokenReason,
  NotATokenCode,
} from './inspect/paste-classification';
export { AUTH_SCHEMES, CREDENTIAL_HEADERS, type AuthScheme } from './catalog/auth-schemes';
export { parseTokenResponse, type TokenResponse, type TokenField } from './inspect/parse-token-response';
export { judgeSafety, describeChar } from './inspect/token-safety';
export { describeDuration, describeExpiry, describeRelative } from './lib/describe-duration';
export { describeInstant, type Instant } from './lib/describe-instant';
export { splitTimes, type TextPart } from './lib/split-times';
export { splitCodeSpans, type NotePart } from './lib/split-code-spans';
export { TOKEN_FORMATS, type TokenFormat } from './catalog/token-formats';
export { recognizeTokenFormat, type FormatMatch } from './inspect/recognize-token-format';
export { percentEncode } from './lib/percent-encode';
export { hostOf } from './lib/host-of';
export { exportProfiles } from './flow/export-profiles';
export { importProfiles, type ImportedProfiles, type ImportWarning } from './flow/import-profiles';
export { readProfiles, type ReadProfiles } from './flow/read-profiles';
export { endpointWarnings, type EndpointWarning, type EndpointWarningCode, type WarnedEndpoint } from './flow/endpoint-warnings';
export { PROVIDER_PRESETS, fillPreset, type ProviderPreset, type PresetParameter } from './catalog/provider-presets';
export { redactExchange, redactRequest, redactResponse, redactText, redactUrl } from './redact/redact';
export { toCurl, toPhpCurl, toFetch } from './traffic/request-snippets';
export type { Diagnosis, DiagnosisCategory, FlowHistory, RateLimit, ExplainOptions } from './diagnose/diagnosis';
export { explainExchange } from './diagnose/explain-exchange';
export { readError, type ErrorSignal, type ErrorCarrier } from './diagnose/read-error';
export { isErrorExchange } from './diagnose/is-error-exchange';
export { isWatchedFailure, isTokenRequest } from './traffic/is-watched-failure';
export { CATEGORY_TEXTS, type CategoryText } from './diagnose/diagnosis-texts';
export { ORIGIN_REFUSALS, findOriginRefusal, type OriginRefusal } from './diagnose/origin-refusals';
export { tokenResponseWarnings, type TokenResponseWarning } from './inspect/token-response-warnings';
export { OAUTH_ERRORS, DESCRIPTION_HINTS, type OAuthError, type ErrorSetting } from './catalog/oauth-errors';
export { PROVIDER_ERRORS, type ProviderErrorRule } from './catalog/provider-errors';
export { PROVIDER_IDENTITIES, type ProviderIdentity } from './catalog/provider-identities';
export { compareRedirectUris, type RedirectUriPart } from './diagnose/compare-redirect-uris';
export { parseHttpTranscript, type TranscriptReading } from './traffic/parse-http-transcript';
export { readRateLimit, type RateLimitReading } from './diagnose/read-rate-limit';
export { RATE_LIMIT_HEADERS } from './catalog/rate-limit-headers';
export { addErrorEntry, unseenCount, ERROR_LOG_LIMIT, type ErrorEntry, type ErrorIndexEntry, type ErrorSource } from './diagnose/error-entry';
export { STORAGE_BUDGET, capBody, capExchangeBodies, keepNewestWithin, storedBytes, utf8Length } from './traffic/storage-budget';
export { historyOf } from './flow/flow-history';
export { errorReport } from './diagnose/error-report';
export { readTokenFields, type TokenFields } from './inspect/read-token-fields';
export { jwtPayload } from './inspect/jwt-payload';
export { parseHostPattern, parseHostPatterns, matchesHostPattern, originsOf, type HostPattern, type HostPatternResult } from './access/host-pattern';
export { captureRequest, CAPTURED_BODY_LIMIT, type CapturedBody } from './traffic/capture-request';
export {
  emptyLedger,
  readLedger,
  codeEvidence,
  isAuthorizationRequest,
  noteAuthorizationRequest,
  codeInRedirect,
  noteCodeIssued,
  noteCodeRedeemed,
  historyForCodeExchange,
  type EvidenceLedger,
  type EvidenceSource,
  type CodeEvidence,
} from './traffic/evidence-ledger';
export { hashCode } from './traffic/hash-code';
export { hostOfPermission, hostPermissionOf } from './access/host-permission';
export { needsPreflight } from './access/cors-preflight';
export { browserSendsOrigin } from './access/origin-header';
export { classifyNoResponse, possibleNetworkCauses, mayHaveBeenSent, describeNoResponse, type NoResponseFacts } from './diagnose/no-response';
export { hostsForRun, type RunHost, type RunEndpoint } from './access/run-hosts';
export { flowEndpoints, needsDiscovery } from './flow/flow-endpoints';
export { accessUses, type AccessEntry, type AccessFacts } from './access/access-uses';
export { headerRecord, type HeaderFields } from './traffic/header-record';
export { judgeTraffic, startTraffic, wantsBody } from './traffic/judge-traffic';
export { analyzeHar, judgeHar, judgeHarFile, startHarFold, foldHarEntries, harFoldNotes, type HarFold, type HarAnalysis, type HarItem, type HarJudgement, type JudgedHarItem } from './traffic/analyze-har';
export type { HarKind } from './traffic/har-kind';
export { wantsHarBody } from './traffic/wants-har-body';
export { bodyWorthyUrls, BODY_WORTHY_PATH_WORDS } from './traffic/body-worthy-urls';
export type { TrafficEvent, TrafficState, TrafficStep, PendingRequest } from './traffic/traffic-event';
export {
  startRun,
  hostsAnswered,
  discoveryRead,
  endpointsKnown,
  authorizationSent,
  redirectReceived,
  codeReceived,
  callbackFailed,
  exchangeRecorded,
  tokensAccepted,
  tokensRefused,
  runSucceeded,
  runFailed,
  runSettled,
} from './flow/run-transitions';
export { readTokenAnswer, type TokenAnswer } from './flow/token-answer';
export { watchApiPermissions } from './access/watch-permissions';
export { tokenStatus, type TokenStatus, type TokenState } from './flow/token-status';
export { runIdToken, type RunIdToken } from './flow/run-id-token';
export { JWS_ALGORITHMS, type JwsAlgorithm, type JwsAlgorithmEntry } from './catalog/jws-algorithms';
// verifyJws brings jose, and through it WebCrypto: a view reaches it through a module of its own
// loaded with import(), so that the popup's start does not carry it (docs/verification.md).
export {
  verifyJws,
  type JwsVerification,
  type JwsFailureReason,
  type VerifyJwsOptions,
  type VerificationKeys,
  type KeyName,
  type KeySource,
} from './verify/verify-jws';
export { validateIdToken, type IdTokenExpectation, type IdTokenValidation, type ClaimFailure } from './verify/validate-id-token';

import fc from 'fast-check';
import type * as core from '../../src/core';
import { PROVIDER_PRESETS, parseHostPattern, startHarFold, exportProfiles, type HostPattern, type Randomness, type Sha256 } from '../../src/core';
import { anyDataOrDeep, anyNumber, anyString, base64ish, data, jsonText, jwtish, optional, piecesString, urlish } from './hostile';
import {
  accessFacts,
  authorizationRequest,
  bodyText,
  capturedBody,
  capturedHeaders,
  clientCredentials,
  diagnosis,
  discoveryPair,
  errorEntry,
  errorIndex,
  explainOptions,
  flowEndpointsShape,
  flowRun,
  recordedExchange,
  flowHistory,
  flowProfile,
  headers,
  hostPattern,
  httpExchange,
  httpRequest,
  isoDate,
  methods,
  noResponse,
  noResponseFacts,
  providerIdentities,
  providerMetadata,
  redirectAndExpectation,
  runAndExchange,
  stringParams,
  tokenFormats,
  evidenceLedger,
  httpResponse,
  harEntry,
  harFile,
  trafficEvent,
  trafficState,
} from './shapes';
import { idToken, idTokenExpectation, jwsToken, verificationKeys, verifyOptions } from './jose-shapes';

// One fuzz target per function the core exports: the arguments a caller could hand it. The
// property (run-target.ts) is that the call does not throw (an async one does not reject) and,
// unless the target says otherwise, returns something.
//
// Which arguments get hostile data: anything that can come from outside the type system (storage
// written by another version, a message, an imported file, a server, a paste, the browser's
// webRequest details) is fuzzed with `data()`: real shapes, mutated at any depth, or anything at
// all. Arguments only ever built by the calling code or by the core itself (option bags, a
// HostPattern from parseHostPattern, a NoResponse from classifyNoResponse), capabilities
// (Randomness, Sha256) and the core's own catalogues get the right types with hostile values:
// any text, any number. Each target says so where it narrows.

type Exports = typeof core;
/** The names of the core's exports that are functions. */
export type CoreFunctionName = { [K in keyof Exports]: Exports[K] extends (...args: never[]) => unknown ? K : never }[keyof Exports];

export type FuzzTarget<F extends (...args: never[]) => unknown = (...args: never[]) => unknown> = {
  args: fc.Arbitrary<Parameters<F>>;
  /** Its type allows undefined (`X | undefined`), or it hands back what it was given when that is not the data it reads. */
  mayReturnUndefined?: true;
};

type Targets = { [K in CoreFunctionName]: FuzzTarget<Exports[K] extends (...args: never[]) => unknown ? Exports[K] : never> };

// ---- Capabilities: what the extension passes is crypto's; a test's fixed bytes are as good.
/** Returns `length` bytes derived from a seed, or (a platform gone wrong) any bytes at all. */
const randomness: fc.Arbitrary<Randomness> = fc.oneof(
  fc.integer().map((seed) => (length: number) => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 17) & 0xff)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => () => bytes),
);
const sha256: fc.Arbitrary<Sha256> = fc.uint8Array({ maxLength: 64 }).map((digest) => async () => digest);

/** Rare and large, made from a seed: generating 64 KB one arbitrary byte at a time would dominate the run. */
const largeBytes = fc.tuple(fc.integer({ min: 1 << 14, max: 1 << 17 }), fc.integer()).map(([length, seed]) => Uint8Array.from({ length }, (_, i) => (seed + i * 131) & 0xff));
/** A caller's measure of an item: any number, in turn. Not fc.func, which stringifies its argument (and overflows on deep ones). */
const sizes = fc.array(anyNumber, { minLength: 1, maxLength: 4 }).map((values) => {
  let call = 0;
  return () => values[call++ % values.length]!;
});
const grant = fc.record({ code: anyString, redirectUri: urlish, codeVerifier: anyString }, { requiredKeys: ['code', 'redirectUri'] });
const presetValues = fc.dictionary(fc.constantFrom('tenant', 'domain', 'instance', '__proto__', 'x'), fc.oneof(anyString, urlish), { maxKeys: 3 });
const transcriptish = piecesString(undefined, 60);
const hostish = fc.oneof(
  fc.tuple(fc.constantFrom('', 'https://', 'HTTP://', '*.', '*', 'a:b://'), fc.oneof(fc.domain(), fc.constantFrom('localhost', '127.0.0.1', '[::1]', '[fe80::1', 'com', '-a.example', 'a..example')), fc.constantFrom('', ':3000', ':0', ':65536', ':99999', '/path?x#y', ':'))
    .map((parts) => parts.join('')),
  anyString,
);
/** A HostPattern is made only by parseHostPattern (the watcher stores the typed text): those, and ones of any text. */
const parsedHostPattern: fc.Arbitrary<HostPattern> = fc.oneof(
  hostish.map((text) => parseHostPattern(text)).filter((result) => result.ok).map((result) => (result as { value: HostPattern }).value),
  hostPattern,
);
const exportedProfiles = fc.array(data(flowProfile), { maxLength: 3 }).map((profiles) => {
  try {
    return exportProfiles(profiles);
  } catch {
    return '{"oauthLensProfiles":1,"profiles":[]}';
  }
});
// A file to import: exported profiles, other JSON in that shape, or anything.
const profilesFile = fc.oneof(exportedProfiles, jsonText([fc.record({ oauthLensProfiles: fc.constant(1), profiles: fc.array(data(flowProfile), { maxLength: 3 }) })]), anyString);
const providerNames = fc.oneof(fc.constantFrom('GitHub', 'github', ' Shopify ', 'Salesforce', 'Microsoft Entra ID', ''), anyString);
const steps = fc.oneof(fc.constantFrom('token', 'refresh', 'revoke', 'authorize', 'api', 'userinfo', 'introspect', 'discovery'), anyString);
const contentType = optional(fc.oneof(fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/html', 'text/plain', 'JSON', 'form'), anyString));
const now = optional(fc.record({ now: anyNumber }, { requiredKeys: [] }));
/** What Inspect is given: commands, requests, log lines, redirects and cookies around tokens, in pieces. */
const pasteish = fc
  .tuple(
    fc.constantFrom('', '$ curl ', 'curl -u ', 'POST /token HTTP/1.1\nHost: a.example\n', 'https://app.example/cb?', '#', '?', 'Location: ', 'sid=', '2024-01-01 INFO ', '> ', '{"web":{'),
    piecesString(undefined, 16),
    fc.constantFrom('', '; Path=/; Secure', " -H 'Authorization: Bearer ", ' -d code=', ' --oauth2-bearer ', '&error=access_denied', ' -b sid=', '"client_secret":"'),
    fc.oneof(jwtish, anyString),
  )
  .map((parts) => parts.join(''));
const nearUriPair = fc.tuple(urlish, fc.nat(40), anyString).map(([uri, at, piece]): [string, string] => [uri, uri.slice(0, at) + piece + uri.slice(at + 1)]);

export const CORE_TARGETS: Targets = {
  // ---- Encoding and randomness
  encodeBase64: { args: fc.tuple(fc.oneof({ weight: 100, arbitrary: fc.uint8Array({ maxLength: 300 }) }, { weight: 1, arbitrary: largeBytes }), optional(fc.constantFrom('standard' as const, 'url' as const))) },
  decodeBase64: { args: fc.tuple(fc.oneof(base64ish, anyString)), mayReturnUndefined: true },
  utf8: { args: fc.tuple(anyString) },
  utf8Length: { args: fc.tuple(anyString) },
  percentEncode: { args: fc.tuple(anyString) },
  hostOf: { args: fc.tuple(fc.oneof(urlish, hostish.map((host) => `http://${host}`), anyString), optional(fc.record({ port: fc.boolean() }, { requiredKeys: [] }))), mayReturnUndefined: true },
  generateCodeVerifier: { args: fc.tuple(randomness) },
  randomToken: { args: fc.tuple(randomness) },
  codeChallenge: { args: fc.tuple(anyString, fc.constantFrom('S256' as const, 'plain' as const), sha256) },

  // ---- Profiles, presets, discovery, endpoints
  tokenRequestsAs: { args: fc.tuple(data(flowProfile)) },
  bundledDemoProfile: { args: fc.tuple(optional(urlish)) },
  fillPreset: { args: fc.tuple(fc.constantFrom(...PROVIDER_PRESETS), data(presetValues)) },
  exportProfiles: { args: fc.tuple(data(fc.array(flowProfile, { maxLength: 3 }))) },
  importProfiles: { args: fc.tuple(profilesFile, optional(providerIdentities)) },
  readProfiles: { args: fc.tuple(profilesFile) },
  discoveryUrl: { args: fc.tuple(fc.oneof(urlish, anyString.map((text) => `${text}${'/'.repeat(text.length % 7)}`))) },
  parseDiscovery: { args: discoveryPair },
  parseJsonObject: { args: fc.tuple(fc.oneof(jsonText(), anyString), anyString) },
  endpointWarnings: { args: fc.tuple(data(flowProfile), optional(data(providerMetadata)), optional(providerIdentities)) },
  needsDiscovery: { args: fc.tuple(data(flowProfile)) },
  flowEndpoints: { args: fc.tuple(data(flowProfile), optional(data(providerMetadata))), mayReturnUndefined: true },
  hostsForRun: { args: fc.tuple(data(flowProfile), optional(data(flowEndpointsShape))) },
  hostPermissionOf: { args: fc.tuple(urlish), mayReturnUndefined: true },
  hostOfPermission: { args: fc.tuple(fc.oneof(urlish, anyString.map((text) => `https://${text}/*`))) },
  accessUses: { args: fc.tuple(data(accessFacts)) },

  // ---- The authorization-code flow
  buildAuthorizationUrl: { args: fc.tuple(data(authorizationRequest)) },
  parseAuthorizationResponse: { args: redirectAndExpectation },
  authorizationCodeRequest: { args: fc.tuple(urlish, data(grant), data(clientCredentials)) },
  tokenRequest: { args: fc.tuple(urlish, data(stringParams), data(clientCredentials)) },
  basicAuthorization: { args: fc.tuple(anyString, anyString) },
  bearerRequest: { args: fc.tuple(urlish, anyString) },
  withSameClientAuthentication: { args: fc.tuple(data(httpRequest), urlish, data(stringParams)) },
  browserSendsOrigin: { args: fc.tuple(fc.record({ method: methods, hostAccess: fc.boolean(), originRemoved: fc.boolean() })) },
  needsPreflight: { args: fc.tuple(data(httpRequest)) },
  historyOf: { args: runAndExchange },

  // ---- Tokens
  inspectToken: { args: fc.tuple(fc.oneof(anyString, jwtish, bodyText), now) },
  classifyPaste: { args: fc.tuple(fc.oneof(anyString, jwtish, bodyText, transcriptish, pasteish), now) },
  parseTokenResponse: { args: fc.tuple(bodyText, contentType, now) },
  readTokenFields: { args: fc.tuple(bodyText, contentType) },
  jwtPayload: { args: fc.tuple(fc.oneof(jwtish, anyString)), mayReturnUndefined: true },
  judgeSafety: { args: fc.tuple(fc.oneof(anyString, jwtish)) },
  describeChar: { args: fc.tuple(anyString) },
  recognizeTokenFormat: {
    args: fc.tuple(fc.oneof(anyString, fc.tuple(fc.constantFrom('ghp_', 'github_pat_', 'xoxb-', 'sk_live_', 'AC', 's.', 'hvs.', 'glpat-', 'ya29.', 'EAA'), anyString).map(([prefix, rest]) => prefix + rest)), optional(tokenFormats)),
    mayReturnUndefined: true,
  },
  maskSecret: { args: fc.tuple(anyString, optional(fc.constantFrom('token' as const, 'password' as const))) },
  describeDuration: { args: fc.tuple(anyNumber) },
  describeRelative: { args: fc.tuple(anyNumber, anyNumber) },
  describeExpiry: { args: fc.tuple(anyNumber, anyNumber) },
  describeInstant: { args: fc.tuple(fc.oneof(isoDate, anyNumber, data(isoDate))), mayReturnUndefined: true },
  // Times come from a diagnosis (data that storage or another version may hand over); texts as the explainer writes them, or any.
  splitTimes: { args: fc.tuple(fc.oneof(anyString, fc.tuple(anyString, isoDate).map(([text, at]) => `${text} at ${at.slice(11, 19)} UTC ${text}`)), data(fc.array(isoDate, { maxLength: 4 }))) },
  splitCodeSpans: { args: fc.tuple(fc.oneof(anyString, fc.array(fc.oneof(anyString, fc.constantFrom('`', '``', '`npm start`', '\n')), { maxLength: 12 }).map((pieces) => pieces.join('')))) },

  // ---- Redaction and snippets
  redactExchange: { args: fc.tuple(data(httpExchange)), mayReturnUndefined: true },
  redactRequest: { args: fc.tuple(data(httpRequest)), mayReturnUndefined: true },
  redactText: { args: fc.tuple(fc.oneof(anyString, bodyText, transcriptish)) },
  redactUrl: { args: fc.tuple(urlish) },
  toCurl: { args: fc.tuple(data(httpRequest)) },
  toPhpCurl: { args: fc.tuple(data(httpRequest)) },
  toFetch: { args: fc.tuple(data(httpRequest)) },

  // ---- Errors and their explanation
  explainExchange: { args: fc.tuple(data(httpExchange), optional(data(flowHistory)), optional(data(explainOptions))) },
  readError: { args: fc.tuple(data(httpExchange), optional(steps)) },
  isErrorExchange: { args: fc.tuple(data(httpExchange)) },
  isWatchedFailure: { args: fc.tuple(data(httpExchange)) },
  isTokenRequest: { args: fc.tuple(optional(data(httpRequest))) },
  tokenResponseWarnings: { args: fc.tuple(data(httpExchange), optional(data(flowHistory))) },
  errorReport: { args: fc.tuple(data(httpExchange), data(diagnosis), optional(isoDate)) },
  findOriginRefusal: { args: fc.tuple(data(fc.array(fc.oneof(anyString, fc.constantFrom('AADSTS9002326', 'invalid_request')), { maxLength: 4 })), optional(anyString)), mayReturnUndefined: true },
  compareRedirectUris: { args: fc.oneof(fc.tuple(urlish, urlish), nearUriPair, fc.tuple(anyString, anyString)) },
  readRateLimit: { args: fc.tuple(data(headers), anyNumber, optional(providerNames)) },
  parseHttpTranscript: {
    args: fc.tuple(data(fc.oneof(transcriptish, anyString, bodyText, fc.tuple(fc.constantFrom('HTTP/1.1 400 Bad Request\n', '401\n', '$ curl -i https://a.example/t\nHTTP/2 200\n', '< HTTP/1.1 429\n<\n'), bodyText).map(([head, body]) => head + body)))),
  },

  // ---- No response
  classifyNoResponse: { args: fc.tuple(data(noResponseFacts)) },
  possibleNetworkCauses: { args: fc.tuple(urlish) },
  // A NoResponse is made by classifyNoResponse: the right shape, any values.
  mayHaveBeenSent: { args: fc.tuple(noResponse) },
  describeNoResponse: { args: fc.tuple(noResponse, urlish, fc.boolean()) },

  // ---- Storage and the error log
  storedBytes: { args: fc.tuple(anyDataOrDeep) },
  capBody: { args: fc.tuple(fc.oneof(anyString, bodyText), optional(anyNumber)) },
  capExchangeBodies: { args: fc.tuple(data(httpExchange), optional(anyNumber)), mayReturnUndefined: true },
  keepNewestWithin: { args: fc.tuple(data(fc.array(anyDataOrDeep, { maxLength: 5 })), anyNumber, optional(sizes)) },
  addErrorEntry: { args: fc.tuple(data(errorIndex), data(errorEntry), optional(anyNumber), optional(anyNumber)) },
  unseenCount: { args: fc.tuple(data(fc.array(fc.record({ seen: fc.boolean() }), { maxLength: 5 }))) },

  // ---- Watching
  parseHostPattern: { args: fc.tuple(hostish) },
  parseHostPatterns: { args: fc.tuple(data(fc.array(hostish, { maxLength: 4 }))) },
  // The watcher matches request URLs against patterns parseHostPattern made.
  matchesHostPattern: { args: fc.tuple(urlish, parsedHostPattern) },
  originsOf: { args: fc.tuple(fc.array(parsedHostPattern, { maxLength: 4 })) },
  bodyWorthyUrls: { args: fc.tuple(fc.array(fc.oneof(anyString, fc.constantFrom('http://127.0.0.1/*', '*://*.example.com/*')), { maxLength: 4 })) },
  captureRequest: { args: fc.tuple(methods, urlish, optional(data(capturedHeaders)), optional(data(capturedBody))) },
  // ---- Run transitions: typed runs in, as the background hands them (each is a spread of its input).
  startRun: { args: fc.tuple(fc.record({ id: anyString, profile: flowProfile, startedAt: isoDate, redirectUri: urlish, awaiting: fc.record({ permissions: fc.array(anyString, { maxLength: 2 }), until: isoDate }) }, { requiredKeys: ['id', 'profile', 'startedAt', 'redirectUri'] })) },
  hostsAnswered: { args: fc.tuple(flowRun) },
  discoveryRead: { args: fc.tuple(flowRun, fc.record({ issuer: fc.record({ identifier: urlish }), authMethodsSupported: fc.array(anyString, { maxLength: 3 }), notes: fc.array(anyString, { maxLength: 2 }) }, { requiredKeys: ['issuer', 'notes'] })) },
  endpointsKnown: { args: fc.tuple(flowRun, flowEndpointsShape, optional(urlish)) },
  authorizationSent: { args: fc.tuple(flowRun, fc.record({ state: anyString, nonce: anyString, codeVerifier: anyString }, { requiredKeys: ['state'] }), optional(fc.record({ url: urlish, at: isoDate }))) },
  redirectReceived: { args: fc.tuple(flowRun, fc.record({ url: urlish, at: isoDate, outcome: fc.constantFrom('code', 'error', 'refused') })) },
  runTimeline: { args: fc.tuple(data(flowRun)) },
  keptRuns: { args: fc.tuple(data(fc.array(flowRun, { maxLength: 25 })), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 })) },
  summarizeRun: { args: fc.tuple(flowRun) },
  codeReceived: { args: fc.tuple(flowRun, fc.record({ code: anyString, tokenEndpoint: urlish, clientId: anyString, clientAuth: fc.constantFrom('client_secret_basic', 'client_secret_post', 'none') })) },
  callbackFailed: { args: fc.tuple(flowRun, fc.record({ error: anyString, description: anyString }, { requiredKeys: ['error'] })) },
  exchangeRecorded: { args: fc.tuple(flowRun, recordedExchange) },
  tokensAccepted: { args: fc.tuple(flowRun, fc.record({ access_token: anyString, refresh_token: anyString }, { requiredKeys: ['access_token'] }), optional(fc.constantFrom('match', 'mismatch', 'missing', 'no_id_token', 'unreadable'))) },
  tokensRefused: { args: fc.tuple(flowRun, fc.constantFrom('mismatch', 'missing')) },
  runSucceeded: { args: fc.tuple(flowRun) },
  runFailed: { args: fc.tuple(flowRun, fc.record({ stage: fc.constantFrom('permission', 'discovery', 'authorize', 'callback', 'token'), message: anyString })) },
  runSettled: { args: fc.tuple(flowRun, isoDate) },
  tokenStatus: { args: fc.tuple(data(flowRun), anyNumber) },
  // A run with an ID token, an authorization URL and an issuer, so that the expectation is built, not skipped.
  runIdToken: {
    args: fc.tuple(
      data(
        fc
          .tuple(flowRun, fc.record({ access_token: anyString, id_token: fc.oneof(jwtish, anyString) }), fc.oneof(urlish, fc.constant('https://as.example/authorize?client_id=c&nonce=n&max_age=60')), urlish)
          .map(([run, tokens, url, identifier]) => ({ ...run, tokens, authorization: { url, at: run.startedAt }, issuer: { identifier } })),
      ),
    ),
    mayReturnUndefined: true,
  },
  readTokenAnswer: { args: fc.tuple(data(recordedExchange), optional(anyString)) },
  watchApiPermissions: { args: fc.tuple(data(fc.record({ optional_permissions: fc.array(fc.oneof(anyString, fc.constantFrom('webRequest', 'webRequestBlocking')), { maxLength: 4 }) }))) },
  emptyLedger: { args: fc.constant([] as []) },
  readLedger: { args: fc.tuple(data(evidenceLedger)) },
  codeEvidence: { args: fc.tuple(data(evidenceLedger), anyString), mayReturnUndefined: true },
  hashCode: { args: fc.tuple(anyString) },
  headerRecord: { args: fc.tuple(data(fc.oneof(capturedHeaders, headers))) },
  startTraffic: { args: fc.tuple(optional(fc.array(parsedHostPattern, { maxLength: 3 })), optional(evidenceLedger)) },
  judgeTraffic: { args: fc.tuple(trafficState, data(trafficEvent)) },
  wantsBody: { args: fc.tuple(trafficState, anyString, anyNumber) },
  // A file dropped or pasted, or what DevTools' getHAR() hands over: its text, any text, or the parsed value at any depth.
  analyzeHar: { args: fc.tuple(fc.oneof(data(harFile), jsonText([harFile]), anyString), optional(fc.record({ now: anyNumber }, { requiredKeys: [] }))) },
  wantsHarBody: { args: fc.tuple(data(harEntry)) },
  judgeHar: { args: fc.tuple(fc.oneof(data(harFile), jsonText([harFile]), anyString), optional(fc.record({ now: anyNumber }, { requiredKeys: [] }))) },
  judgeHarFile: { args: fc.tuple(fc.oneof(data(harFile), jsonText([harFile]), anyString), optional(fc.record({ now: anyNumber }, { requiredKeys: [] }))) },
  startHarFold: { args: fc.constant([] as []) },
  harFoldNotes: { args: fc.tuple(data(fc.constant(startHarFold())) as fc.Arbitrary<core.HarFold>, optional(fc.array(anyString, { maxLength: 3 }))), mayReturnUndefined: true },
  foldHarEntries: { args: fc.tuple(fc.constant(startHarFold()), fc.oneof(fc.array(data(harEntry), { maxLength: 4 }), anyDataOrDeep as fc.Arbitrary<unknown[]>), fc.oneof(fc.nat(20), anyNumber), optional(fc.record({ now: anyNumber }, { requiredKeys: [] }))) },
  redactResponse: { args: fc.tuple(data(httpResponse)), mayReturnUndefined: true },
  isAuthorizationRequest: { args: fc.tuple(urlish) },
  // Hands back the ledger it was given, whatever that was, when the URL is not an authorization request.
  noteAuthorizationRequest: { args: fc.tuple(data(evidenceLedger), urlish, isoDate), mayReturnUndefined: true },
  codeInRedirect: { args: fc.tuple(data(evidenceLedger), urlish), mayReturnUndefined: true },
  noteCodeIssued: { args: fc.tuple(data(evidenceLedger), anyString, isoDate, optional(urlish)) },
  noteCodeRedeemed: { args: fc.tuple(data(evidenceLedger), anyString, isoDate) },
  historyForCodeExchange: { args: fc.tuple(data(evidenceLedger), anyString, optional(urlish)) },

  // ---- Signatures and ID tokens: a token pasted or received, keys pasted or fetched (JWKS), an expectation from the run.
  verifyJws: { args: fc.tuple(jwsToken, data(verificationKeys), data(verifyOptions)) },
  validateIdToken: { args: fc.tuple(idToken, data(idTokenExpectation)) },
};

/** Names with their targets, in the table's order. */
export const coreTargets = Object.entries(CORE_TARGETS) as [CoreFunctionName, FuzzTarget][];

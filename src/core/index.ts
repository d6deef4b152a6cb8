// The public surface of the core: pure functions and types, no I/O, no browser globals.
export { encodeBase64, decodeBase64, utf8 } from './base64';
export { generateCodeVerifier, codeChallenge, type PkceMethod } from './pkce';
export { randomToken } from './random-token';
export type { Randomness, Sha256 } from './platform';
export type { HttpRequest, HttpResponse, HttpExchange } from './http-exchange';
export type { FlowProfile, ClientAuthMethod } from './flow-profile';
export { BUNDLED_DEMO_ISSUER, BUNDLED_DEMO_PORT, DEMO_CLIENTS, DEMO_ACCOUNT, bundledDemoProfile } from './bundled-demo';
export { buildAuthorizationUrl, type AuthorizationRequest } from './authorization-request';
export { parseAuthorizationResponse, type AuthorizationResponse } from './authorization-response';
export { authorizationCodeRequest, tokenRequest, basicAuthorization, type ClientCredentials } from './token-request';
export { discoveryUrl, parseDiscovery, type ProviderMetadata, type DiscoveryResult } from './discovery';
export { decodeJwtClaims } from './jwt-claims';
export { parseJsonObject, type JsonObjectResult } from './json-object';
export { readTokenSet, type TokenSetResult } from './token-set';
export type { FlowRun, FlowStage, TokenSet } from './flow-run';
export { maskSecret } from './mask-secret';

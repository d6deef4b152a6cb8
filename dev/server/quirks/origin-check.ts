import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DEMO_CLIENTS } from '../../../src/core';
import { peekForm, send, type Layer, type Replacement } from '../layer';
import { basicClientId, isTokenRequest, jsonError } from './token-endpoint';

/** How each client the bundled server registers authenticates at the token endpoint. */
const REGISTERED_AUTH = new Map<string, string>(Object.values(DEMO_CLIENTS).map((client) => [client.clientId, client.clientAuth]));

/**
 * Microsoft Entra ID's check of the `Origin` header on token requests (the code grant and
 * refreshes alike):
 *
 * "Applications can't use a `spa` redirect URI with non-SPA flows […] the Microsoft identity
 * platform returns an error if you attempt to use a `spa` redirect URI without an `Origin`
 * header. Similarly, the Microsoft identity platform also prevents the use of client credentials
 * in all flows in the presence of an `Origin` header, to ensure that secrets aren't used from
 * within the browser."
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas
 *
 * So a confidential client's request (a secret in a Basic header or the body, or a client
 * registered with a method other than `none`) that carries `Origin` gets AADSTS9002326, and a
 * public (`none`, Entra's "SPA") client's request without `Origin` gets AADSTS9002327. Either is
 * refused before the provider sees it, so the code is not used up: Entra too lets the same code
 * be redeemed again without the `Origin` header. Any other request goes on to the provider.
 */
export function originCheck(): Layer {
  return async (req, res, next) => {
    if (!isTokenRequest(req)) return next();
    const form = await peekForm(req);
    const clientId = basicClientId(req) ?? form.get('client_id') ?? undefined;
    const registered = clientId === undefined ? undefined : REGISTERED_AUTH.get(clientId);
    const withSecret = /^basic\s/i.test(req.headers.authorization ?? '') || form.has('client_secret') || form.has('client_assertion');
    const confidential = withSecret || (registered !== undefined && registered !== 'none');
    const origin = req.headers.origin;
    if (confidential && origin !== undefined) return send(res, entraError(req, 9002326, crossOriginRefused(origin)));
    if (!confidential && registered === 'none' && origin === undefined) return send(res, entraError(req, 9002327, SPA_NEEDS_ORIGIN));
    return next();
  };
}

// The wording of both, and the body's shape, as Entra sent them (JSON, status 400, error
// `invalid_request`, the trace lines joined with "\r\n"):
// AADSTS9002326 with "Request origin: '…'.": https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/5196,
//   https://github.com/hoppscotch/hoppscotch/issues/3572; the whole body (error_codes, timestamp,
//   trace_id, correlation_id, error_uri): https://github.com/umijs/umi-request/issues/299,
//   https://github.com/vippsas/vipps-ecom-api/issues/246
// AADSTS9002327: https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/2482,
//   https://github.com/sidebase/nuxt-auth/issues/301 (invalid_request), and its whole body in
//   https://github.com/Axway-API-Management-Plus/azure-oauth2provider (README)
// The fields: https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application
const crossOriginRefused = (origin: string) =>
  `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`;
const SPA_NEEDS_ORIGIN = "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.";

function entraError(req: IncomingMessage, code: number, message: string): Replacement {
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const body = {
    error: 'invalid_request',
    error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.windows.net/error?code=${code}`,
  };
  // Entra's refusal is readable cross-origin (MSAL.js in the page reports its text), hence jsonError's CORS headers.
  return { ...jsonError(req, 400, body.error, body.error_description), body: JSON.stringify(body) };
}

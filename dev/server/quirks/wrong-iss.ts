import { interceptResponse, type Layer } from '../layer';

/** The issuer the quirk names instead of the server's own: another authorization server's. */
export const WRONG_ISSUER = 'https://attacker.example';

/**
 * The authorization response names another issuer in its RFC 9207 `iss` parameter, as the
 * response an attacker's server sends in a mix-up attack (RFC 9207 §1; OAuth 2.0 Security BCP,
 * RFC 9700 §4.4): the client meant to ask this server, and the redirect says another one
 * answered. oidc-provider sends `iss` in every authorization response, success and error, and
 * advertises `authorization_response_iss_parameter_supported: true` in discovery; this rewrites
 * only the `iss` of a redirect that carries a code or an error (query or fragment) and leaves
 * everything else, the code included, as the provider made it, so a client that does not check
 * `iss` would redeem the code and succeed.
 */
export function wrongIss(issuer: string = WRONG_ISSUER): Layer {
  return (_req, res, next) => {
    interceptResponse(res, (response) => {
      const location = response.getHeader('location');
      if (typeof location !== 'string' || !URL.canParse(location)) return;
      const rewritten = withIss(new URL(location), issuer);
      if (rewritten) response.setHeader('location', rewritten);
    });
    return next();
  };
}

function withIss(url: URL, issuer: string): string | undefined {
  const inQuery = url.searchParams.has('iss');
  const params = inQuery ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  if (!params.has('iss') || !(params.has('code') || params.has('error'))) return undefined;
  params.set('iss', issuer);
  if (!inQuery) url.hash = params.toString();
  return url.href;
}

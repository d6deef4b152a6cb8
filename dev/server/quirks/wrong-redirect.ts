import { interceptResponse, type Layer } from '../layer';

/** The path the quirk sends the authorization response to instead of the redirect URI's own. */
export const WRONG_REDIRECT_PATH = '/another-client/callback';

/**
 * The authorization response goes to another path than the redirect URI the request sent, as
 * from a server that picks one of a client's registered redirect URIs itself, or matches them by
 * prefix, instead of comparing the one sent exactly (RFC 6749 §3.1.2.3; OAuth 2.0 Security BCP,
 * RFC 9700 §4.1: open redirectors and code leakage through loose redirect URI matching). The
 * browser's web auth flow hands the client any URL under its redirect origin, so only the client's
 * own check stands between that code and a redemption. Only a redirect carrying a code or an error
 * is moved; its query and fragment stay as the provider made them.
 */
export function wrongRedirect(path: string = WRONG_REDIRECT_PATH): Layer {
  return (_req, res, next) => {
    interceptResponse(res, (response) => {
      const location = response.getHeader('location');
      if (typeof location !== 'string' || !URL.canParse(location)) return;
      const url = new URL(location);
      const params = new URLSearchParams(url.search || url.hash.slice(1));
      if (!params.has('state') || !(params.has('code') || params.has('error'))) return;
      url.pathname = path;
      response.setHeader('location', url.href);
    });
    return next();
  };
}

import { interceptResponse, type Layer } from '../layer';
import { isTokenRequest } from './token-endpoint';

/**
 * The token endpoint answers errors with `200 OK` and the error JSON in the body, as GitHub
 * does (`{"error":"bad_verification_code",…}` with status 200): every 4xx JSON answer of the
 * token endpoint goes out with status 200 and the same body. Its `WWW-Authenticate` challenge
 * goes too: a 200 challenges nothing, and GitHub sends none.
 */
export function errorWith200(): Layer {
  return (req, res, next) => {
    if (!isTokenRequest(req)) return next();
    interceptResponse(res, (response) => {
      const json = /[/+]json\b/i.test(String(response.getHeader('content-type') ?? ''));
      if (!json || response.statusCode < 400 || response.statusCode > 499) return;
      response.statusCode = 200;
      response.removeHeader('www-authenticate');
    });
    return next();
  };
}

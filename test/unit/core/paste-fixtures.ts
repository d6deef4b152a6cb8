// Pastes as developers copy them from the specifications and providers' documentation, each with
// where it was taken from, so that the expectations are theirs, not ours.

/** RFC 6750 §2.1, the example request: https://www.rfc-editor.org/rfc/rfc6750#section-2.1 */
export const RFC6750_HEADER_REQUEST = 'GET /resource HTTP/1.1\nHost: server.example.com\nAuthorization: Bearer mF_9.B5f-4.1JqM';

/** RFC 6750 §2.2, the token in a form body: https://www.rfc-editor.org/rfc/rfc6750#section-2.2 */
export const RFC6750_BODY_REQUEST = 'POST /resource HTTP/1.1\nHost: server.example.com\nContent-Type: application/x-www-form-urlencoded\n\naccess_token=mF_9.B5f-4.1JqM';

/** RFC 6750 §2.3, the token in the query: https://www.rfc-editor.org/rfc/rfc6750#section-2.3 */
export const RFC6750_QUERY_REQUEST = 'GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: server.example.com';

/**
 * RFC 6749 §4.1.3, the token request with Basic client authentication, with CRLF line ends and the
 * body on one line, as sent (the RFC wraps it for display): https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export const RFC6749_TOKEN_REQUEST =
  'POST /token HTTP/1.1\r\nHost: server.example.com\r\nAuthorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ngrant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb';

/** RFC 6749 §4.1.2.1, the error redirect's Location: https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 */
export const RFC6749_ERROR_REDIRECT = 'https://client.example.com/cb?error=access_denied&state=xyz';

/** RFC 6749 §4.2.2, the implicit grant's redirect, tokens in the fragment: https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2 */
export const RFC6749_IMPLICIT_REDIRECT = 'http://example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz&token_type=example&expires_in=3600';

/** RFC 6749 §4.2.2.1, the implicit grant's error redirect, in the fragment: https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2.1 */
export const RFC6749_IMPLICIT_ERROR_REDIRECT = 'https://client.example.com/cb#error=access_denied&state=xyz';

/** OpenID Connect Core §3.1.2.6, an authentication error response: https://openid.net/specs/openid-connect-core-1_0.html#AuthError */
export const OIDC_ERROR_REDIRECT = 'https://client.example.org/cb?error=invalid_request&error_description=Unsupported%20response_type%20value&state=af0ifjsldkj';

/** RFC 7617 §2, the Basic example (Aladdin, "open sesame"): https://www.rfc-editor.org/rfc/rfc7617#section-2 */
export const RFC7617_HEADER = 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

/** RFC 6265 §3.1, a session cookie with its attributes: https://www.rfc-editor.org/rfc/rfc6265#section-3.1 */
export const RFC6265_SET_COOKIE_VALUE = 'SID=31d4d96e407aad42; Path=/; Secure; HttpOnly';

/** RFC 9449 §7.1, a DPoP-bound token and its proof (Figures 12–13): https://www.rfc-editor.org/rfc/rfc9449#section-7.1 */
export const RFC9449_ACCESS_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU';
export const RFC9449_RESOURCE_PROOF =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA';
export const RFC9449_RESOURCE_REQUEST = `GET /protectedresource HTTP/1.1\nHost: resource.example.org\nAuthorization: DPoP ${RFC9449_ACCESS_TOKEN}\nDPoP: ${RFC9449_RESOURCE_PROOF}`;

/** GitHub's REST quickstart, curl with line continuations: https://docs.github.com/en/rest/quickstart?tool=curl */
export const GITHUB_CURL = `curl --request GET \\
--url "https://api.github.com/repos/octocat/Spoon-Knife/issues" \\
--header "Accept: application/vnd.github+json" \\
--header "Authorization: Bearer YOUR-TOKEN"`;

/** Auth0's client-credentials token request: https://auth0.com/docs/api-auth/config/asking-for-access-tokens */
export const AUTH0_CLIENT_CREDENTIALS_CURL = `curl --request POST \\
  --url 'https://{yourDomain}/oauth/token' \\
  --header 'content-type: application/x-www-form-urlencoded' \\
  --data grant_type=client_credentials \\
  --data client_id=YOUR_CLIENT_ID \\
  --data client_secret=YOUR_CLIENT_SECRET \\
  --data audience=YOUR_API_IDENTIFIER`;

/** curl's manual for --oauth2-bearer (its $URL written out): https://curl.se/docs/manpage.html#--oauth2-bearer */
export const CURL_OAUTH2_BEARER = 'curl --oauth2-bearer "mF_9.B5f-4.1JqM" https://example.com';

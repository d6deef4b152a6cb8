// Tokens and responses taken from the specifications, so the expectations are theirs, not ours.

/** RFC 7519 §3.1 (also RFC 7515 Appendix A.1): HS256, claims {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}. */
export const RFC7519_JWT =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const RFC7519_EXP_MS = 1300819380 * 1000;

/** RFC 7515 Appendix A.5: an unsecured JWS, alg "none", empty signature. */
export const RFC7515_UNSECURED =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

/** RFC 7516 Appendix A.3: JWE with A128KW and A128CBC-HS256. */
export const RFC7516_JWE =
  'eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.U0m_YmjN04DJvceFICbCVQ';

/** RFC 6750 §2.1: `Authorization: Bearer mF_9.B5f-4.1JqM`. */
export const RFC6750_TOKEN = 'mF_9.B5f-4.1JqM';

/** RFC 6749 §5.1: a successful token response. */
export const RFC6749_RESPONSE =
  '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}';

/** RFC 6749 §5.2: an error response. */
export const RFC6749_ERROR = '{"error":"invalid_request"}';

/** RFC 6749 §4.1.3 (client s6BhdRkqt3, secret gX1fBat3bV) and RFC 7617 §2 (Aladdin, "open sesame"). */
export const RFC6749_BASIC = 'czZCaGRSa3F0MzpnWDFmQmF0M2JW';
export const RFC7617_BASIC = 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

/**
 * GitHub's documented form-encoded token response
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#2-users-are-redirected-back-to-your-site-by-github).
 */
export const GITHUB_FORM_RESPONSE = 'access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer';

/**
 * The FreeAgent case (../shared/seeds): opaque tokens whose first four characters gained base64
 * characters and "=" padding mid-token, later "~" padding. Made up in that shape; the thread elides the real ones.
 */
export const FREEAGENT_STYLE_PADDED = '1Yz==NGQ3YzBjZGY3ZmE0ZDlkMjA0YzI3YjQ5ZjY5ODFhZmE2NDk';
export const FREEAGENT_STYLE_TILDE = '1Yz~~NGQ3YzBjZGY3ZmE0ZDlkMjA0YzI3YjQ5ZjY5ODFhZmE2NDk';

/**
 * What a field, parameter, header, cookie or element name says about its value:
 * - `password`: a secret the holder chose or was given to keep (passwords, client secrets, private
 *   keys). Only its length is ever shown: its ends are as secret as its middle.
 * - `token`: a credential or grant issued by a server (tokens, codes, keys, assertions, signatures).
 *   Long ones show their first and last 4 characters, to be recognised.
 * - `credentials`: an Authorization-style value, `scheme credentials`: the scheme stays, the
 *   credentials go (Basic keeps its client id, not its secret).
 */
export type SecretKind = 'password' | 'token' | 'credentials';

/**
 * A rule on a name as compared: lower case, with `-`, `_` and `.` removed, so that `client_secret`,
 * `clientSecret`, `Client-Secret` and `CLIENTSECRET` are one name. `*x` matches any name ending in
 * x; a name in brackets (`user[password]`) is judged by its last bracketed part.
 */
export type SecretNameRule = { pattern: string; kind: SecretKind; source: string };

const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749';

/** Checked in order: the first rule that matches decides the kind. */
export const SECRET_NAMES: readonly SecretNameRule[] = Object.freeze([
  // Secrets chosen or given to be kept: only their length is shown.
  { pattern: '*password', kind: 'password', source: `${RFC6749}#section-4.3.2` },
  { pattern: '*passwords', kind: 'password', source: `${RFC6749}#section-4.3.2` },
  { pattern: 'passwd', kind: 'password', source: 'https://man7.org/linux/man-pages/man5/passwd.5.html' },
  { pattern: 'pwd', kind: 'password', source: 'https://learn.microsoft.com/en-us/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring' },
  { pattern: '*passphrase', kind: 'password', source: 'https://datatracker.ietf.org/doc/html/rfc8018' },
  { pattern: '*passcode', kind: 'password', source: 'https://developer.okta.com/docs/reference/api/factors/' },
  { pattern: 'pin', kind: 'password', source: 'https://developer.okta.com/docs/reference/api/factors/' },
  { pattern: '*secret', kind: 'password', source: `${RFC6749}#section-2.3.1` },
  { pattern: '*secrets', kind: 'password', source: `${RFC6749}#section-2.3.1` },
  // OAuth 1.0a's token secret (RFC 5849 §2.3) ends in "secret" and is caught above.
  // Cognito's SECRET_HASH, an HMAC keyed with the client secret: https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
  { pattern: 'secrethash', kind: 'password', source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html' },
  // AWS STS Credentials.SecretAccessKey: https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
  { pattern: '*secretaccesskey', kind: 'password', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html' },
  { pattern: '*secretkey', kind: 'password', source: 'https://docs.stripe.com/keys' },
  { pattern: '*privatekey', kind: 'password', source: 'https://www.rfc-editor.org/rfc/rfc7518#section-6.2.2' },

  // Authorization-style values: scheme kept, credentials hidden. RFC 9110 §11.6.2 and §11.7.2.
  { pattern: '*authorization', kind: 'credentials', source: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2' },

  // Tokens, keys and the grants that buy them.
  { pattern: '*token', kind: 'token', source: `${RFC6749}#section-5.1` }, // access_token, refresh_token, id_token, RFC 7009/7662 token, RFC 8693 subject_token/actor_token, Okta sessionToken, Cognito AccessToken/IdToken, Auth0 mfa_token, GitLab PRIVATE-TOKEN, X-Shopify-Access-Token, X-Amz-Security-Token, OIDC logout_token, CIBA login_hint_token
  { pattern: '*tokens', kind: 'token', source: `${RFC6749}#section-5.1` },
  { pattern: 'idtokenhint', kind: 'token', source: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest' },
  { pattern: '*key', kind: 'token', source: 'https://cloud.google.com/docs/authentication/api-keys-use' }, // key, api_key, X-Api-Key, X-Goog-Api-Key, Ocp-Apim-Subscription-Key (https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions)
  { pattern: '*assertion', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc7521#section-4.2' }, // assertion, client_assertion
  { pattern: '*credential', kind: 'token', source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html' }, // X-Amz-Credential
  { pattern: '*credentials', kind: 'token', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html' },
  { pattern: 'code', kind: 'token', source: `${RFC6749}#section-4.1.2` },
  { pattern: '*verifier', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.5' }, // code_verifier, OAuth 1.0a oauth_verifier (RFC 5849 §2.2)
  { pattern: 'devicecode', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.4' },
  { pattern: 'authreqid', kind: 'token', source: 'https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#token_request' },
  { pattern: 'authcode', kind: 'token', source: `${RFC6749}#section-4.1.2` },
  { pattern: 'authorizationcode', kind: 'token', source: `${RFC6749}#section-4.1.2` },
  { pattern: 'otp', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-and-challenge-otp-authenticators' },
  { pattern: 'totp', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc6238' },
  { pattern: 'hotp', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc4226' },
  { pattern: 'mfacode', kind: 'token', source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html' },
  { pattern: 'otpcode', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-and-challenge-otp-authenticators' },
  { pattern: 'oobcode', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-challenge-sms-voice-authenticators' },
  { pattern: 'bindingcode', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-challenge-sms-voice-authenticators' },
  { pattern: 'recoverycode', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-and-challenge-otp-authenticators' },
  { pattern: 'recoverycodes', kind: 'token', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa/enroll-and-challenge-otp-authenticators' },
  { pattern: 'verificationcode', kind: 'token', source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html' },
  { pattern: 'dpop', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc9449#section-4.1' },
  { pattern: 'jwt', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc7519' },
  { pattern: 'samlresponse', kind: 'token', source: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf' },
  { pattern: 'samlart', kind: 'token', source: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf' },
  { pattern: 'ticket', kind: 'token', source: 'https://apereo.github.io/cas/7.0.x/protocol/CAS-Protocol-Specification.html' },
  // Cognito's challenge "Session" (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html);
  // Okta: "Session tokens are secrets" (https://developer.okta.com/docs/reference/api/sessions), caught by *token.
  { pattern: 'session', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc6265#section-8.4' },
  { pattern: '*sessionid', kind: 'token', source: 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_login_loginresult.htm' }, // sessionId, session_id, JSESSIONID
  { pattern: '*sessid', kind: 'token', source: 'https://www.php.net/manual/en/session.configuration.php#ini.session.name' }, // PHPSESSID
  { pattern: '*signature', kind: 'token', source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html' }, // X-Amz-Signature, oauth_signature (RFC 5849 §3.4)
  { pattern: 'sig', kind: 'token', source: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas' }, // Azure SAS
  { pattern: 'cookie', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc6265#section-5.4' },
  { pattern: 'setcookie', kind: 'token', source: 'https://www.rfc-editor.org/rfc/rfc6265#section-4.1' },
]);

/**
 * Names a rule above would take that hold nothing secret, and that a developer needs to read. Most
 * neighbours need no entry, since no rule matches them: token_type, token_type_hint, expires_in,
 * error, error_description, grant_type, response_type, code_challenge, code_challenge_method,
 * token_endpoint_auth_method, client_id, scope, kid, keys (a JWK Set's public keys, RFC 7517 §5),
 * client_secret_expires_at, session_state, user_code (RFC 8628 §3.3: shown to the user to type),
 * nonce and state. `state` is kept on purpose: it binds the response to the browser (RFC 6749
 * §10.12) but grants nothing to whoever reads it, and comparing it is how a developer debugs a
 * mismatch.
 */
export const KEPT_NAMES: readonly { name: string; why: string; source: string }[] = Object.freeze([
  { name: 'publickey', why: 'A public key is meant to be read.', source: 'https://www.rfc-editor.org/rfc/rfc7517#section-4' },
  { name: 'idempotencykey', why: 'Names a retry, grants nothing.', source: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/' },
  { name: 'pagetoken', why: 'A page cursor, not a credential.', source: 'https://google.aip.dev/158' },
  { name: 'nextpagetoken', why: 'A page cursor, not a credential.', source: 'https://google.aip.dev/158' },
]);

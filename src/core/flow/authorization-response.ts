import { redactText } from '../redact/redact-text';

export type AuthorizationResponse =
  | { kind: 'code'; code: string; iss?: string }
  | { kind: 'error'; error: string; description?: string; uri?: string; iss?: string }
  | { kind: 'invalid'; problem: AuthorizationResponseProblem; reason: string };

/**
 * Why a redirect was not taken: `not_a_url`; `redirect_uri`, it did not come back to the
 * redirect URI the request sent; `state`, its state is missing or not the one sent; `issuer`,
 * its `iss` is missing though the server promised one, or names another server (RFC 9207);
 * `no_code`, it carries neither a code nor an error.
 */
export type AuthorizationResponseProblem = 'not_a_url' | 'redirect_uri' | 'state' | 'issuer' | 'no_code';

/** What the response must match: the values the authorization request sent, and who it was sent to. */
export type AuthorizationResponseExpectation = {
  state: string;
  /** The redirect URI the request sent: the URL that came back must have its origin and path. */
  redirectUri?: string;
  /** The authorization server's issuer identifier (from discovery, or the profile's), for RFC 9207. */
  issuer?: string;
  /** The server's `authorization_response_iss_parameter_supported`: then `iss` must be present. */
  issParameterSupported?: boolean;
};

/**
 * Reads the redirect that ends an authorization request (RFC 6749 §4.1.2 and §4.1.2.1).
 * Never throws: a redirect that cannot be trusted comes back as `invalid` with the reason.
 * Checked in this order, before the code is read: the redirect went to the redirect URI that
 * was sent (its origin and path; RFC 6749 §3.1.2); the state is the one sent (§10.12); and the
 * `iss` parameter names the issuer (RFC 9207 §2.4), required when the server advertises it and
 * compared whenever it is present, error responses included: an error from another server is
 * not this server's error. The values in the reasons never include the code.
 */
export function parseAuthorizationResponse(redirectUrl: string, expected: string | AuthorizationResponseExpectation): AuthorizationResponse {
  const { state: given, redirectUri, issuer, issParameterSupported }: Partial<Record<keyof AuthorizationResponseExpectation, unknown>> =
    typeof expected === 'string' ? { state: expected } : typeof expected === 'object' && expected !== null ? expected : {};
  // Only a state that is text can be matched (and quoted: String() of {"toString": 1} throws).
  const expectedState = typeof given === 'string' ? given : undefined;
  if (typeof redirectUrl !== 'string' || !URL.canParse(redirectUrl)) {
    const shown = typeof redirectUrl === 'string' ? redirectUrl.slice(0, 200) : typeof redirectUrl === 'object' && redirectUrl !== null ? 'an object' : String(redirectUrl);
    return invalid('not_a_url', `The redirect is not a URL: ${redactText(shown)}`);
  }
  const url = new URL(redirectUrl);
  if (typeof redirectUri === 'string') {
    const wrong = wrongRedirect(url, redirectUri);
    if (wrong) return invalid('redirect_uri', wrong);
  }
  // Providers answering with response_mode=fragment put the parameters after '#'.
  const params = url.search.length > 1 ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  const state = params.get('state');
  if (state !== expectedState) {
    return invalid(
      'state',
      state === null
        ? 'The redirect carries no state parameter, so it cannot be matched to this request.'
        : `The redirect's state (${state}) is not the one this request sent (${expectedState ?? 'none'}).`,
    );
  }
  const error = params.get('error');
  const iss = params.get('iss');
  if (typeof issuer === 'string') {
    const wrong = wrongIssuer(iss, issuer, issParameterSupported === true, error);
    if (wrong) return invalid('issuer', wrong);
  }
  if (error !== null) {
    return {
      kind: 'error',
      error,
      ...optional('description', params.get('error_description')),
      ...optional('uri', params.get('error_uri')),
      ...optional('iss', iss),
    };
  }
  const code = params.get('code');
  if (!code) return invalid('no_code', 'The redirect carries neither a code nor an error.');
  return { kind: 'code', code, ...optional('iss', iss) };
}

/**
 * The browser ends the sign-in at any URL under the extension's redirect host (Chrome takes every
 * path of `<id>.chromiumapp.org`), so the URL handed back may be another than the one registered.
 * Origin and path must be the redirect URI's, compared exactly as the URL parser writes them.
 */
function wrongRedirect(url: URL, redirectUri: string): string | undefined {
  if (!URL.canParse(redirectUri)) return `The redirect URI this run sent is not a URL (${redirectUri}), so the redirect cannot be checked against it; its code was not read.`;
  const sent = new URL(redirectUri);
  if (url.origin === sent.origin && url.pathname === sent.pathname) return undefined;
  const where = url.origin === sent.origin ? 'path' : 'origin';
  return (
    `The sign-in ended at ${url.origin}${url.pathname}, not at the redirect URI this run sent (${sent.origin}${sent.pathname}): ` +
    `the ${where} differs (RFC 6749 §3.1.2), so its code was not read.`
  );
}

const MIX_UP = 'It may come from another authorization server than the one this run asked (a mix-up attack), so its code was not redeemed.';

function wrongIssuer(iss: string | null, issuer: string, required: boolean, error: string | null): string | undefined {
  // RFC 9207 §2.4: simple string comparison, no normalisation (not even a trailing slash).
  if (iss === issuer) return undefined;
  if (iss === null && !required) return undefined;
  const carried = error === null ? '' : ` It carries the error ${error}, which may not come from ${issuer} either.`;
  if (iss === null) {
    return `The authorization response carries no iss, though ${issuer} advertises authorization_response_iss_parameter_supported (RFC 9207 §2.4). ${MIX_UP}${carried}`;
  }
  return `The authorization response names issuer ${iss}, not ${issuer} (RFC 9207 §2.4: they must be the same string). ${MIX_UP}${carried}`;
}

function invalid(problem: AuthorizationResponseProblem, reason: string): AuthorizationResponse {
  return { kind: 'invalid', problem, reason };
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

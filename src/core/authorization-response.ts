export type AuthorizationResponse =
  | { kind: 'code'; code: string; iss?: string }
  | { kind: 'error'; error: string; description?: string; uri?: string }
  | { kind: 'invalid'; reason: string };

/**
 * Reads the redirect that ends an authorization request (RFC 6749 §4.1.2 and §4.1.2.1).
 * Never throws: a redirect that cannot be trusted comes back as `invalid` with the reason,
 * and a state mismatch is checked before anything else, as §10.12 requires.
 */
export function parseAuthorizationResponse(redirectUrl: string, expectedState: string): AuthorizationResponse {
  if (!URL.canParse(redirectUrl)) return { kind: 'invalid', reason: `The redirect is not a URL: ${redirectUrl}` };
  const url = new URL(redirectUrl);
  // Providers answering with response_mode=fragment put the parameters after '#'.
  const params = url.search.length > 1 ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  const state = params.get('state');
  if (state !== expectedState) {
    return {
      kind: 'invalid',
      reason:
        state === null
          ? 'The redirect carries no state parameter, so it cannot be matched to this request.'
          : `The redirect's state (${state}) is not the one this request sent (${expectedState}).`,
    };
  }
  const error = params.get('error');
  if (error !== null) {
    return {
      kind: 'error',
      error,
      ...optional('description', params.get('error_description')),
      ...optional('uri', params.get('error_uri')),
    };
  }
  const code = params.get('code');
  if (!code) return { kind: 'invalid', reason: 'The redirect carries neither a code nor an error.' };
  return { kind: 'code', code, ...optional('iss', params.get('iss')) };
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

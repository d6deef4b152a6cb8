import type { ProviderMetadata } from './discovery';
import type { FlowProfile } from './flow-profile';
import type { ProviderIdentity } from '../catalog/provider-identities';

/** Each URL a profile or its discovery document names. `par`: RFC 9126's pushed authorization request endpoint. */
export type WarnedEndpoint = 'issuer' | 'authorization' | 'token' | 'userinfo' | 'revocation' | 'introspection' | 'jwks' | 'par';

/**
 * `insecure_http`: plain `http:` to a host other than loopback; `other_origin`: an endpoint on
 * another origin (scheme, host, port) than the issuer's, or than the authorization endpoint's
 * when the profile names no issuer.
 */
export type EndpointWarningCode = 'insecure_http' | 'other_origin';

export type EndpointWarning = {
  code: EndpointWarningCode;
  endpoint: WarnedEndpoint;
  url: string;
  /** The endpoint's host, with its port when it has one. */
  host: string;
  /** Where the URL comes from: the profile (typed in, from a preset or an imported file), or the issuer's discovery document. */
  source: 'profile' | 'discovery';
  /** `other_origin`: both hosts belong to this provider, by its documentation (one of the `knownProviders` given). */
  knownProvider?: { provider: string; source: string };
  message: string;
};

type ProfileUrls = Pick<FlowProfile, 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint' | 'revocationEndpoint' | 'introspectionEndpoint' | 'userinfoEndpoint'>;

const LABELS: Readonly<Record<WarnedEndpoint, string>> = {
  issuer: 'issuer',
  authorization: 'authorization endpoint',
  token: 'token endpoint',
  userinfo: 'userinfo endpoint',
  revocation: 'revocation endpoint',
  introspection: 'introspection endpoint',
  jwks: 'JWKS (jwks_uri)',
  par: 'pushed authorization request endpoint',
};

/** What goes to (or comes from) each endpoint, which is what a wrong host would get (or could forge). */
const CARRIES: Readonly<Record<WarnedEndpoint, string>> = {
  issuer: 'the discovery document, which names every other endpoint,',
  authorization: 'the sign-in page, where the password is typed,',
  token: 'the authorization code, the PKCE verifier and the client secret',
  userinfo: 'the access token',
  revocation: 'the tokens and the client secret',
  introspection: 'the tokens and the client secret',
  jwks: 'the keys ID tokens are checked against',
  par: 'the whole authorization request, with the client secret,',
};

/**
 * Warnings about where a run would send its secrets, before it does: an `http:` URL whose host
 * is not loopback (127.0.0.0/8, ::1, localhost; RFC 8252 §8.3, RFC 6761 §6.3), where anyone on the
 * way reads them; and an endpoint on another origin than the issuer, where a profile (an imported
 * one, say) could send the code, the verifier and the typed secret. Some providers split their
 * hosts on purpose (Google's token endpoint is on oauth2.googleapis.com, Microsoft's userinfo on
 * graph.microsoft.com): this warns and names the host, it refuses nothing. `metadata`: the
 * issuer's discovery document, for the endpoints the profile leaves to it. `knownProviders`
 * (PROVIDER_IDENTITIES, handed in so that a page judging a profile does not load the whole
 * provider error catalogue with it): when both hosts are documented as one provider's, the
 * warning names it. Never throws; URLs that do not parse are left to the checks that need them.
 */
export function endpointWarnings(profile: ProfileUrls, metadata?: ProviderMetadata, knownProviders: readonly ProviderIdentity[] = []): EndpointWarning[] {
  if (typeof profile !== 'object' || profile === null) return [];
  if (typeof metadata !== 'object' || metadata === null) metadata = undefined;
  const named: [WarnedEndpoint, string | undefined, string | undefined][] = [
    ['issuer', profile.issuer, undefined],
    ['authorization', profile.authorizationEndpoint, metadata?.authorization_endpoint],
    ['token', profile.tokenEndpoint, metadata?.token_endpoint],
    ['userinfo', profile.userinfoEndpoint, metadata?.userinfo_endpoint],
    ['revocation', profile.revocationEndpoint, metadata?.revocation_endpoint],
    ['introspection', profile.introspectionEndpoint, metadata?.introspection_endpoint],
    ['jwks', undefined, metadata?.jwks_uri],
    ['par', undefined, metadata?.pushed_authorization_request_endpoint],
  ];
  const endpoints = named.flatMap(([endpoint, own, discovered]) => {
    const given = text(own);
    const url = given ?? text(discovered);
    const parsed = url !== undefined && URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.host === '') return [];
    return [{ endpoint, url: url!, parsed, source: given !== undefined ? ('profile' as const) : ('discovery' as const) }];
  });

  const warnings: EndpointWarning[] = [];
  for (const { endpoint, url, parsed, source } of endpoints) {
    if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
      warnings.push({
        code: 'insecure_http',
        endpoint,
        url,
        host: parsed.host,
        source,
        message: `The ${LABELS[endpoint]} ${url} is plain http: on ${parsed.host}, which is not loopback: ${CARRIES[endpoint]} would cross the network unencrypted, for anyone on the way to read or change.`,
      });
    }
  }

  // The origin the others are judged against: the issuer's, or the authorization endpoint's.
  const issuer = endpoints.find((e) => e.endpoint === 'issuer');
  const reference = issuer ?? endpoints.find((e) => e.endpoint === 'authorization');
  if (!reference) return warnings;
  const referenceName = issuer ? `the issuer's origin, ${reference.parsed.origin}` : `the authorization endpoint's origin, ${reference.parsed.origin} (the profile names no issuer)`;
  for (const { endpoint, url, parsed, source } of endpoints) {
    if (endpoint === reference.endpoint || parsed.origin === reference.parsed.origin) continue;
    const known = sameProvider(knownProviders, reference.parsed.hostname, parsed.hostname);
    const whose = source === 'discovery' ? `, as the issuer's own discovery document names it,` : '';
    const judge = known
      ? `Both hosts are ${known.provider}'s (${known.source}).`
      : source === 'discovery'
        ? `Some providers do this (Google's token endpoint is on oauth2.googleapis.com); make sure ${parsed.host} is the provider's.`
        : `Some providers do this (Google's token endpoint is on oauth2.googleapis.com, Microsoft's userinfo on graph.microsoft.com), but a profile can name any host: make sure ${parsed.host} is the provider's.`;
    warnings.push({
      code: 'other_origin',
      endpoint,
      url,
      host: parsed.host,
      source,
      ...(known ? { knownProvider: known } : {}),
      message: `The ${LABELS[endpoint]}${whose} is on ${parsed.host} (${url}), not on ${referenceName}: ${CARRIES[endpoint]} ${endpoint === 'jwks' ? 'would come from' : endpoint === 'authorization' ? 'would be on' : 'would go to'} ${parsed.host}. ${judge}`,
    });
  }
  return warnings;
}

/** RFC 8252 §8.3 and RFC 6761 §6.3: the loopback addresses, and the names that always resolve to them. */
function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]') return true;
  // The URL parser writes every IPv4 form (127.1, 0x7f.0.0.1) as four decimal numbers.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function sameProvider(identities: readonly ProviderIdentity[], a: string, b: string): { provider: string; source: string } | undefined {
  if (!Array.isArray(identities)) return undefined;
  const identity = (identities as readonly ProviderIdentity[]).find((entry) => entry.hosts.some((pattern) => matches(a, pattern)) && entry.hosts.some((pattern) => matches(b, pattern)));
  return identity && { provider: identity.provider, source: identity.source };
}

function matches(host: string, pattern: string): boolean {
  return pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

import { parseJsonObject } from './json-object';

/** The fields of OpenID Connect Discovery 1.0 §3 / RFC 8414 §2 metadata the flow uses. */
export type ProviderMetadata = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  userinfo_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
};

/** OIDC Discovery §4: the issuer with any trailing slash dropped, then the well-known path. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export type DiscoveryResult = { ok: true; metadata: ProviderMetadata } | { ok: false; reason: string };

/**
 * Checks a discovery document. Never throws. The issuer inside must be the one asked for
 * (OIDC Discovery §4.3): a mismatch usually means a proxy, a tenant alias or a typo.
 */
export function parseDiscovery(body: string, expectedIssuer: string): DiscoveryResult {
  const json = parseJsonObject(body, 'The discovery document');
  if (!json.ok) return json;
  const metadata = json.value as Partial<ProviderMetadata>;
  for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof metadata[field] !== 'string') return { ok: false, reason: `The discovery document has no ${field}.` };
  }
  const trim = (s: string) => s.replace(/\/+$/, '');
  if (trim(metadata.issuer!) !== trim(expectedIssuer)) {
    return { ok: false, reason: `The discovery document names issuer ${metadata.issuer}, not ${expectedIssuer}.` };
  }
  return { ok: true, metadata: metadata as ProviderMetadata };
}

import { parseJsonObject } from '../lib/json-object';
import { withoutTrailing } from '../lib/without-trailing';

/** The fields of OpenID Connect Discovery 1.0 §3 / RFC 8414 §2 metadata the extension uses. */
export type ProviderMetadata = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  userinfo_endpoint?: string;
  jwks_uri?: string;
  /** RFC 9126 §5. */
  pushed_authorization_request_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
  /** RFC 9207 §3: every authorization response carries `iss`. */
  authorization_response_iss_parameter_supported?: boolean;
};

/** OIDC Discovery §4: the issuer with any trailing slash dropped, then the well-known path. */
export function discoveryUrl(issuer: string): string {
  return `${withoutTrailing(issuer, /\//)}/.well-known/openid-configuration`;
}

/**
 * `notes`: each field the document gave with the wrong type, dropped: the run goes on without
 * it, as if the provider had not stated it, and the note says what was there instead.
 */
export type DiscoveryResult = { ok: true; metadata: ProviderMetadata; notes: string[] } | { ok: false; reason: string };

type Kind = 'url' | 'strings' | 'boolean';

const REQUIRED = ['issuer', 'authorization_endpoint', 'token_endpoint'] as const;
const OPTIONAL: Readonly<Record<Exclude<keyof ProviderMetadata, (typeof REQUIRED)[number]>, Kind>> = {
  revocation_endpoint: 'url',
  introspection_endpoint: 'url',
  userinfo_endpoint: 'url',
  jwks_uri: 'url',
  pushed_authorization_request_endpoint: 'url',
  token_endpoint_auth_methods_supported: 'strings',
  code_challenge_methods_supported: 'strings',
  authorization_response_iss_parameter_supported: 'boolean',
};

/**
 * Checks a discovery document. Never throws. The issuer inside must be the one asked for
 * (OIDC Discovery §4.3): a mismatch usually means a proxy, a tenant alias or a typo. Only the
 * fields the extension uses are kept, each checked for its type (RFC 8414 §2: URLs are strings,
 * the `*_supported` lists JSON arrays of strings): a required one of the wrong type fails the
 * document, an optional one is dropped with a note.
 */
export function parseDiscovery(body: string, expectedIssuer: string): DiscoveryResult {
  if (typeof body !== 'string') return { ok: false, reason: 'The discovery document is not text.' };
  const json = parseJsonObject(body, 'The discovery document');
  if (!json.ok) return json;
  const raw = json.value;
  for (const field of REQUIRED) {
    if (raw[field] === undefined || raw[field] === null) return { ok: false, reason: `The discovery document has no ${field}.` };
    const wrong = wrongType(raw[field], 'url');
    if (wrong) return { ok: false, reason: `The discovery document's ${field} is ${wrong}, so it cannot be used.` };
  }
  const issuer = raw.issuer as string;
  const trim = (s: unknown) => withoutTrailing(String(s), /\//);
  if (trim(issuer) !== trim(expectedIssuer)) {
    return { ok: false, reason: `The discovery document names issuer ${issuer}, not ${expectedIssuer}.` };
  }
  const metadata: Record<string, unknown> = {};
  for (const field of REQUIRED) metadata[field] = raw[field];
  const notes: string[] = [];
  for (const [field, kind] of Object.entries(OPTIONAL) as [keyof typeof OPTIONAL, Kind][]) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    const wrong = wrongType(value, kind);
    if (wrong) notes.push(`The discovery document's ${field} is ${wrong}; it was ignored.`);
    else metadata[field] = Array.isArray(value) ? [...(value as string[])] : value;
  }
  return { ok: true, metadata: metadata as ProviderMetadata, notes };
}

/** What is wrong with a value for a field of this kind, in words; undefined when nothing is. */
function wrongType(value: unknown, kind: Kind): string | undefined {
  switch (kind) {
    case 'url':
      if (typeof value !== 'string') return `${describe(value)}, not a URL string`;
      if (!URL.canParse(value)) return `"${value.slice(0, 100)}", not an absolute URL`;
      return undefined;
    case 'strings':
      if (!Array.isArray(value)) return `${describe(value)}, not a list of strings`;
      if (!value.every((item) => typeof item === 'string')) return 'a list with items that are not strings';
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${describe(value)}, not true or false`;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text "${value.slice(0, 60)}"`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

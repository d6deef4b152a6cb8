import { inspectToken } from './inspect-token';
import { readTokenFields } from './read-token-fields';
import type { TokenInspection } from './token-inspection';

export type TokenField = { value: string; inspection: TokenInspection };

export type TokenResponse = {
  format: 'json' | 'form' | 'unreadable';
  /** Every field as received, standard or not. */
  fields: Record<string, unknown>;
  access_token?: TokenField;
  refresh_token?: TokenField;
  id_token?: TokenField;
  token_type?: string;
  expires_in?: number;
  /** now + expires_in. */
  expiresAt?: string;
  scope?: string;
  /** RFC 6749 §5.2, also when it came with HTTP 200. */
  error?: { code: string; description?: string; uri?: string };
  /** Other string fields whose name ends in "token" (e.g. Slack's bot token in `authed_user`). */
  otherTokens: Record<string, TokenField>;
  /** What does not follow RFC 6749 §5.1, in plain sentences. */
  problems: string[];
};

/**
 * Reads a token endpoint's body, JSON (RFC 6749 §5.1) or form-encoded (GitHub's default), into
 * its fields, each token inspected. Never throws.
 */
export function parseTokenResponse(body: string, contentType?: string, options: { now?: number } = {}): TokenResponse {
  const now = options.now ?? Date.now();
  const { format, fields: read, problem } = readTokenFields(body, contentType);
  const response: TokenResponse = { format, fields: read, otherTokens: {}, problems: problem ? [problem] : [] };
  if (format === 'unreadable') return response;

  const fields = response.fields;
  const str = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const token = (value: string): TokenField => ({ value, inspection: inspectToken(value, { now }) });

  for (const name of ['access_token', 'refresh_token', 'id_token'] as const) {
    const value = str(name);
    if (value !== undefined) response[name] = token(value);
    else if (fields[name] !== undefined) response.problems.push(`${name} is ${typeof fields[name]}, not a string.`);
  }
  for (const [name, value] of Object.entries(fields)) {
    if (/token$/i.test(name) && typeof value === 'string' && !(name in response)) response.otherTokens[name] = token(value);
  }
  const tokenType = str('token_type');
  if (tokenType !== undefined) response.token_type = tokenType;
  const scope = str('scope');
  if (scope !== undefined) response.scope = scope;

  const expiresIn = fields.expires_in;
  const seconds = typeof expiresIn === 'number' ? expiresIn : typeof expiresIn === 'string' && /^\d+$/.test(expiresIn) ? Number(expiresIn) : undefined;
  if (seconds !== undefined && Number.isFinite(seconds) && Math.abs(seconds) < 1e11) {
    response.expires_in = seconds;
    // A Date holds ±8.64e15 ms; beyond (a caller's `now` far off), toISOString would throw.
    const expiresAtMs = now + seconds * 1000;
    if (Math.abs(expiresAtMs) <= 8.64e15) response.expiresAt = new Date(expiresAtMs).toISOString();
    if (typeof expiresIn === 'string' && response.format === 'json') {
      response.problems.push(`expires_in is the string "${expiresIn}"; RFC 6749 §5.1 makes it a number. Parse it before doing arithmetic with it.`);
    }
  } else if (expiresIn !== undefined) {
    response.problems.push(`expires_in is ${quoted(expiresIn)}, not a number of seconds.`);
  }

  const error = str('error');
  if (error !== undefined) {
    const description = str('error_description');
    const uri = str('error_uri');
    response.error = { code: error, ...(description !== undefined ? { description } : {}), ...(uri !== undefined ? { uri } : {}) };
  } else if (!response.access_token) {
    response.problems.push('There is no access_token (RFC 6749 §5.1 requires one in a successful response).');
  } else if (tokenType === undefined) {
    response.problems.push('There is no token_type (RFC 6749 §5.1 requires it; "Bearer" is what most APIs expect).');
  }
  return response;
}

/** A JSON value as written; one nested too deep for JSON.stringify (which recurses) is named instead. */
function quoted(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? 'a list nested too deep to quote' : 'an object nested too deep to quote';
  }
}

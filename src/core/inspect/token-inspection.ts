/** Everything a warning can be about; each comes with a message naming the character, position or value. */
export type WarningCode =
  | 'empty'
  | 'whitespace_trimmed'
  | 'inner_whitespace'
  | 'line_break'
  | 'non_ascii'
  | 'quoted'
  | 'scheme_included'
  | 'scheme_repeated'
  | 'basic_credentials'
  | 'container_extracted'
  | 'authorization_error'
  | 'percent_encoded'
  | 'padding_inside'
  | 'truncated'
  | 'longer_than_documented'
  | 'jwt_malformed'
  | 'double_encoded_segment'
  | 'jwt_unsigned'
  | 'jwt_expired'
  | 'jwe_encrypted';

export type TokenWarning = { code: WarningCode; message: string };

export type SafetyVerdict = {
  safe: boolean;
  /** Distinct characters that break the grammar, in order of first appearance. */
  offending: string[];
  advice: string;
};

export type JwtInspection = {
  header: Record<string, unknown>;
  /** Absent when the payload is unreadable: malformed, or encrypted (JWE). */
  payload?: Record<string, unknown>;
  signature: string;
  alg?: string;
  expiresAt?: string;
  issuedAt?: string;
  notBefore?: string;
  expired?: boolean;
};

export type TokenInspection = {
  /** As given. */
  input: string;
  /** The cleaned token that everything below describes. */
  token: string;
  kind: 'jwt' | 'jwe' | 'opaque' | 'empty';
  length: number;
  provider?: { name: string; kind: string; prefix: string; source: string };
  warnings: TokenWarning[];
  safety: { url: SafetyVerdict; header: SafetyVerdict; cookie: SafetyVerdict };
  jwt?: JwtInspection;
  /** Where the token was found when it came inside something else (a token response, a URL, a cookie). */
  extractedFrom?: { container: 'json' | 'form' | 'url' | 'cookie' | 'header'; field: string };
  /** The client id, when the input was HTTP Basic credentials. The secret is never copied out. */
  basicClientId?: string;
};

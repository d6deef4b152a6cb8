import type { HttpExchange } from '../traffic/http-exchange';
import type { TokenResponse } from './parse-token-response';
import type { TokenInspection } from './token-inspection';

/** Why a paste, or a value inside one, is not taken for a credential. */
export type NotATokenCode =
  /** Words with spaces between them: a sentence, a question, an error message. */
  | 'prose'
  /** One value that reads as words ("myaccesstoken", "super-secret-key"), not random characters. */
  | 'words'
  /** The name of a field or scheme ("access_token", "Bearer"), not its value. */
  | 'field_name'
  /** A placeholder from documentation or a script (`$TOKEN`, `<access_token>`, `YOUR_TOKEN_HERE`, `xxxx`). */
  | 'placeholder'
  /** A programming language's empty value written as text (`undefined`, `null`, `[object Object]`). */
  | 'empty_value'
  /** Too short to hold the randomness of a credential. */
  | 'too_short'
  /** Mostly letters that are not ASCII: tokens are ASCII. */
  | 'not_ascii'
  /** A URL, JSON object or request that carries no credential. */
  | 'no_credential';

export type NotATokenReason = { code: NotATokenCode; message: string };

/** Where in a request, command or text a credential was found. */
export type CredentialSource =
  | 'authorization'
  | 'header'
  | 'user_option'
  | 'bearer_option'
  | 'form_field'
  | 'json_field'
  | 'query'
  | 'fragment'
  | 'cookie'
  | 'text';

/** Client credentials sent as HTTP Basic (RFC 7617), as RFC 6749 §2.3.1 puts them there. */
export type BasicCredentials = {
  clientId: string;
  clientSecret: string;
  /** `-u id` alone: curl asks for the password, so the paste has none. */
  secretMissing?: boolean;
  /** Sentences: what is worth knowing about how they were encoded. */
  notes: string[];
};

export type FoundCredential = {
  source: CredentialSource;
  /** The header, option, field, parameter or cookie name as written. */
  name: string;
  /** The auth scheme in front of it (`Bearer`, `Basic`, `DPoP`), when there was one. */
  scheme?: string;
  /** One phrase: where it was found ("the Authorization header (Bearer), set with -H"). */
  where: string;
  /** What the scheme or name means, with its reference, when it is documented. */
  meaning?: string;
  /** The value as sent, decoded from its container (form-decoded, JSON-unescaped, Basic base64 undone). */
  value: string;
  /** The value read as a token. Absent for Basic credentials, which are a client id and secret. */
  inspection?: TokenInspection;
  basic?: BasicCredentials;
  /** Why this value does not look like a real credential (`Bearer $TOKEN`, `Bearer undefined`). */
  notAToken?: NotATokenReason[];
};

/** What the paste was taken for. */
export type PasteClassification =
  | { kind: 'empty' }
  /** One token: alone, with its scheme, or in a header line, cookie, URL or token response it was taken from. */
  | { kind: 'token'; inspection: TokenInspection; basic?: BasicCredentials }
  /** A whole token response: JSON or form (RFC 6749 §5.1), or the fragment of an implicit-flow redirect (§4.2.2). */
  | { kind: 'token_response'; response: TokenResponse; foundIn?: string }
  /** A command, request or text that carries credentials, each said where it was. */
  | {
      kind: 'credentials';
      container: 'curl' | 'http_request' | 'text' | 'json' | 'url';
      /** One phrase: "a curl command", "a raw HTTP request", "a log line or text". */
      description: string;
      request?: { method: string; url: string };
      credentials: FoundCredential[];
    }
  /** An authorization error response (RFC 6749 §4.1.2.1, §4.2.2.1), read from the redirect that carried it. */
  | {
      kind: 'authorization_error';
      error: string;
      description?: string;
      uri?: string;
      state?: string;
      part: 'query' | 'fragment';
      /** The redirect as the browser saw it, a 302 with this Location, for explainExchange. */
      exchange: HttpExchange;
    }
  /** Not a credential, with the reasons; the inspection is there for who wants it anyway. */
  | { kind: 'not_a_token'; reasons: NotATokenReason[]; inspection: TokenInspection };

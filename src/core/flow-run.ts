import type { ClientAuthMethod } from './flow-profile';
import type { HttpExchange } from './http-exchange';

export type FlowStage = 'discovery' | 'authorize' | 'callback' | 'token';

/** The token endpoint's successful answer (RFC 6749 §5.1), other fields kept as they came. */
export type TokenSet = {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  [field: string]: unknown;
};

/** One run of the authorization-code flow, as recorded: kept in storage.session only. */
export type FlowRun = {
  id: string;
  profileName: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed';
  failure?: { stage: FlowStage; message: string };
  redirectUri: string;
  clientAuth: ClientAuthMethod;
  /** Every HTTP request the background made for this run, with its response. */
  exchanges: HttpExchange[];
  tokens?: TokenSet;
  /** OIDC Core §3.1.3.7 step 11: the ID token's nonce against the one sent. */
  nonceCheck?: 'match' | 'mismatch' | 'missing';
};

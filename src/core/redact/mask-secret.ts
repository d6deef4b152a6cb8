/** From this length on, a token shows its first and last 4 characters: 8 of at least 32, a quarter at most. */
export const SHOW_ENDS_FROM = 32;

/**
 * Enough of a secret to recognise it, not enough to use it. A token of 32 characters or more
 * shows its first 4 and last 4 (`abcd…wxyz (40 chars)`); a shorter one, or a `password` (a
 * password, a client secret, a private key) of any length, shows only its length (`•••• (17 chars)`):
 * the ends of a short or chosen secret are too large a part of it.
 */
export function maskSecret(value: string, kind: 'token' | 'password' = 'token'): string {
  return kind === 'token' && value.length >= SHOW_ENDS_FROM ? `${value.slice(0, 4)}…${value.slice(-4)} (${value.length} chars)` : `•••• (${value.length} chars)`;
}

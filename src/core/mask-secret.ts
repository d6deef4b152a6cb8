/**
 * Enough of a secret to recognise it, not enough to use it: the first 4 and last 4 characters
 * of anything longer than 16, otherwise only the length.
 */
export function maskSecret(value: string): string {
  return value.length > 16 ? `${value.slice(0, 4)}…${value.slice(-4)} (${value.length} chars)` : `•••• (${value.length} chars)`;
}

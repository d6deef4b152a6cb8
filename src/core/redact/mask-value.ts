import { maskSecret } from './mask-secret';
import type { SecretKind } from '../catalog/secret-names';

/**
 * What maskSecret produces, as a regular expression source. A value redacted twice keeps its mask:
 * masking a mask would replace the length of the secret with the length of the mask.
 */
export const MASK = '(?:[\\s\\S]{4}…[\\s\\S]{4}|••••) \\(\\d+ chars\\)';
const MASKED = new RegExp(`^${MASK}$`);

export function isMask(value: string): boolean {
  return MASKED.test(value);
}

/**
 * The mask for a value of this kind. An empty value hides nothing, and "(0 chars)" would only add
 * noise where nothing was sent; a mask is kept as it is. `code` values of up to 5 digits stay:
 * they are error statuses (Zoom's 124, Twilio's 20003), never grants.
 */
export function maskValue(value: string, kind: SecretKind, name?: string): string {
  if (value === '' || isMask(value)) return value;
  if (name !== undefined && /^\d{1,5}$/.test(value) && /^\s*code\s*$/i.test(name)) return value;
  return maskSecret(value, kind === 'password' ? 'password' : 'token');
}

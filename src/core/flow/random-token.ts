import { encodeBase64 } from '../lib/base64';
import type { Randomness } from '../lib/platform';

/** An unguessable value for `state` or `nonce`: 128 bits, base64url. */
export function randomToken(random: Randomness): string {
  return encodeBase64(random(16), 'url');
}

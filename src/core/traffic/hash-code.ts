import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64, utf8 } from '../lib/base64';

/**
 * The one name an authorization code goes by wherever it is remembered: SHA-256, base64url. The
 * code itself is a secret and is never stored; its hash tells a second redemption from a first.
 * Synchronous (noble's audited SHA-256, not WebCrypto's promise), so the judgement that needs it
 * stays a pure function of its events.
 */
export function hashCode(code: string): string {
  return encodeBase64(sha256(utf8(code)), 'url');
}

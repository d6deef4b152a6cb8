// The extension's fixed identities, from which its redirect URIs follow. Everything that
// needs an id (the Firefox manifest, the bundled server's client registration, the tests,
// `npm start`) derives it from here and from manifest.json's public `key`.
import { createHash } from 'node:crypto';
import manifest from '../manifest.json' with { type: 'json' };

export const GECKO_ID = 'oauth-lens@oauth-lens.dev';

/** Chrome's id is the first 128 bits of SHA-256 over the public key (DER), written with letters a–p. */
export function chromeExtensionId(publicKeyBase64: string = manifest.key): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

/** What identity.getRedirectURL() returns in each browser. */
export function extensionRedirectUris(): { chrome: string; firefox: string } {
  const geckoHash = createHash('sha1').update(GECKO_ID).digest('hex');
  return {
    chrome: `https://${chromeExtensionId()}.chromiumapp.org/`,
    firefox: `https://${geckoHash}.extensions.allizom.org/`,
  };
}

import { decodeBase64, encodeBase64 } from '../lib/base64';
import { DER, derChildren, derElement, type DerElement } from './der-element';
import type { PublicJwk } from './public-jwk';

export type PemReading = { ok: true; jwk: PublicJwk; label: string } | { ok: false; message: string };

// Object identifiers as their DER contents, in hex.
const RSA_ENCRYPTION = '2a864886f70d010101'; // 1.2.840.113549.1.1.1, RFC 8017 Appendix C
const EC_PUBLIC_KEY = '2a8648ce3d0201'; // 1.2.840.10045.2.1, RFC 5480 §2.1.1
const CURVES: Record<string, { crv: string; size: number }> = {
  '2a8648ce3d030107': { crv: 'P-256', size: 32 }, // 1.2.840.10045.3.1.7, RFC 5480 §2.1.1.1
  '2b81040022': { crv: 'P-384', size: 48 }, // 1.3.132.0.34
  '2b81040023': { crv: 'P-521', size: 66 }, // 1.3.132.0.35
};
const EDWARDS: Record<string, string> = {
  '2b6570': 'Ed25519', // 1.3.101.112, RFC 8410 §3
  '2b6571': 'Ed448', // 1.3.101.113
  '2b656e': 'X25519', // 1.3.101.110
  '2b656f': 'X448', // 1.3.101.111
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const url = (bytes: Uint8Array) => encodeBase64(bytes, 'url');

/**
 * The public key in a PEM text as a JWK: a SubjectPublicKeyInfo ("PUBLIC KEY", RFC 5280 §4.1.2.7),
 * an X.509 certificate's ("CERTIFICATE", RFC 5280 §4.1) or a PKCS #1 RSA key ("RSA PUBLIC KEY",
 * RFC 8017 §A.1.1); the first block if there are several. Read here rather than by WebCrypto so that
 * a PEM key has a type before any import: the verifier then judges it like a JWK, and an RSA or EC
 * public key is never mistaken for an HMAC secret. The certificate itself is not checked (dates,
 * issuer, chain): it is only where the key is written.
 */
export function pemToJwk(pem: string): PemReading {
  const begin = pem.indexOf('-----BEGIN ');
  if (begin === -1) return { ok: false, message: 'No "-----BEGIN …-----" line: not a PEM text.' };
  const labelEnd = pem.indexOf('-----', begin + 11);
  if (labelEnd === -1) return { ok: false, message: 'The "-----BEGIN" line is not closed.' };
  const label = pem.slice(begin + 11, labelEnd);
  const endLine = `-----END ${label}-----`;
  const end = pem.indexOf(endLine, labelEnd + 5);
  if (end === -1) return { ok: false, message: `No "${endLine}" line.` };
  if (label.includes('PRIVATE KEY')) return { ok: false, message: `A ${label.toLowerCase()}: give the public key or the certificate, which are all a verifier needs.` };
  const body = pem.slice(labelEnd + 5, end).replace(/\s+/g, '');
  const der = /^[A-Za-z0-9+/]*={0,2}$/.test(body) ? decodeBase64(body) : undefined;
  if (!der || der.length === 0) return { ok: false, message: `The ${label} block is not base64 (RFC 7468 §3).` };
  const outer = derElement(der, 0);
  if (!outer || outer.tag !== DER.sequence || outer.end !== der.length) return { ok: false, message: `The ${label} block is not one DER structure.` };

  let key: PublicJwk | string;
  if (label === 'PUBLIC KEY') key = spkiToJwk(der, outer);
  else if (label === 'CERTIFICATE') key = certificateToJwk(der, outer);
  else if (label === 'RSA PUBLIC KEY') key = rsaPublicKey(der, outer);
  else return { ok: false, message: `A PEM "${label}" holds no public key this verifier reads: give a PUBLIC KEY, a CERTIFICATE or an RSA PUBLIC KEY.` };
  return typeof key === 'string' ? { ok: false, message: key } : { ok: true, jwk: key, label };
}

/** Certificate → tbsCertificate → subjectPublicKeyInfo, the seventh field counting the optional version. */
function certificateToJwk(der: Uint8Array, certificate: DerElement): PublicJwk | string {
  const tbs = derChildren(der, certificate)?.[0];
  const fields = tbs && tbs.tag === DER.sequence ? derChildren(der, tbs) : undefined;
  if (!fields) return 'The certificate is not DER.';
  const spki = fields[(fields[0]?.tag === DER.explicit0 ? 1 : 0) + 5];
  if (!spki || spki.tag !== DER.sequence) return 'The certificate has no subjectPublicKeyInfo where RFC 5280 §4.1 puts it.';
  return spkiToJwk(der, spki);
}

function spkiToJwk(der: Uint8Array, spki: DerElement): PublicJwk | string {
  const [algorithm, bits] = derChildren(der, spki) ?? [];
  const [oid, parameters] = algorithm && algorithm.tag === DER.sequence ? (derChildren(der, algorithm) ?? []) : [];
  // A BIT STRING's first octet counts the unused bits of its last one: a key uses them all.
  if (!oid || oid.tag !== DER.oid || !bits || bits.tag !== DER.bitString || bits.end <= bits.start || der[bits.start] !== 0) {
    return 'The public key is not a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).';
  }
  const algorithmId = hex(der.subarray(oid.start, oid.end));
  const key = der.subarray(bits.start + 1, bits.end);
  if (algorithmId === RSA_ENCRYPTION) {
    const inner = derElement(key, 0);
    return inner && inner.tag === DER.sequence && inner.end === key.length ? rsaPublicKey(key, inner) : 'The RSA public key is not DER.';
  }
  if (algorithmId === EC_PUBLIC_KEY) {
    const curve = parameters?.tag === DER.oid ? CURVES[hex(der.subarray(parameters.start, parameters.end))] : undefined;
    if (!curve) return 'An EC key on a curve JOSE does not use (P-256, P-384 and P-521 only, RFC 7518 §6.2.1.1).';
    // SEC 1 §2.3.3: 04 ‖ X ‖ Y; 02 and 03 are compressed points, which JWK cannot hold.
    if (key.length !== 1 + 2 * curve.size || key[0] !== 0x04) return 'The EC point is compressed or of the wrong size: JWK holds uncompressed points only.';
    return { kty: 'EC', crv: curve.crv, x: url(key.subarray(1, 1 + curve.size)), y: url(key.subarray(1 + curve.size)) };
  }
  const edwards = EDWARDS[algorithmId];
  if (edwards) return { kty: 'OKP', crv: edwards, x: url(key) };
  return `The key's algorithm (OID contents ${algorithmId}) is not RSA, EC or an Edwards curve.`;
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1). */
function rsaPublicKey(der: Uint8Array, sequence: DerElement): PublicJwk | string {
  const [n, e, extra] = derChildren(der, sequence) ?? [];
  if (!n || !e || extra || n.tag !== DER.integer || e.tag !== DER.integer) return 'The RSA public key is not a modulus and an exponent.';
  return { kty: 'RSA', n: url(unsigned(der.subarray(n.start, n.end))), e: url(unsigned(der.subarray(e.start, e.end))) };
}

/** A DER INTEGER's octets without the leading zero that keeps a positive one positive (JWK's Base64urlUInt, RFC 7518 §2). */
function unsigned(octets: Uint8Array): Uint8Array {
  let at = 0;
  while (at < octets.length - 1 && octets[at] === 0) at++;
  return octets.subarray(at);
}

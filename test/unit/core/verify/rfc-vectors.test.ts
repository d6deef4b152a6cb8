import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyJws } from '../../../../src/core';

// Examples published with the JOSE RFCs (sources and how each was fetched: vectors/README.md).
// Every one must verify with its key; altered, under the wrong key or the wrong alg, each must
// fail with its own reason.

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`vectors/${path}`, import.meta.url), 'utf8')) as T;

type Jwk = Record<string, unknown>;
type CookbookSigning = { protected?: Record<string, unknown>; protected_b64u?: string; sig: string };
/** An RFC 7520 (or RFC 8037 A.4) example as ietf-jose/cookbook publishes it. */
type CookbookExample = {
  title: string;
  input: { payload: string; key: Jwk | Jwk[]; alg: string | string[] };
  signing: CookbookSigning | CookbookSigning[];
  output: { compact?: string; json: { payload: string } };
};
type Rfc7515 = {
  examples: { section: string; title: string; alg: string; key?: Jwk; compact: string }[];
  negative: { section: string; compact: string };
};

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
/** The public half of a published key pair: a verifier needs nothing else. */
const publicOf = (jwk: Jwk): Jwk => Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.includes(name)));

/** The token with one signature octet changed: re-encoded, so still canonical base64url. */
function flipSignature(token: string, at = 0): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  bytes[at % bytes.length]! ^= 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

/** The token with its payload replaced, signature kept. */
const withPayload = (token: string, payload: string) => token.replace(/\.[^.]*\./, `.${Buffer.from(payload).toString('base64url')}.`);

const COOKBOOK = ['4_1.rsa_v15_signature.json', '4_2.rsa-pss_signature.json', '4_3.ecdsa_signature.json', '4_4.hmac-sha2_integrity_protection.json'].map((file) => ({
  file,
  example: read<CookbookExample>(`rfc7520/${file}`),
}));

describe('RFC 7520 §4.1–4.4 (RS256, PS384, ES512, HS256)', () => {
  it.each(COOKBOOK)('$file verifies with its key, from a JWK and from a JWKS, named by its kid', async ({ example }) => {
    const key = publicOf(example.input.key as Jwk);
    const token = example.output.compact!;
    for (const keys of [{ jwk: key }, { jwks: { keys: [key] } }]) {
      const result = await verifyJws(token, keys);
      expect(result).toMatchObject({ verified: true, alg: example.input.alg, kid: key.kid });
      expect(result.reason).toBeUndefined();
    }
  });

  it.each(COOKBOOK)('$file: the signature and payload figures compose the compact serialization', ({ example }) => {
    // The cookbook's own parts, so that the compact string tested is the one the RFC prints.
    const signing = example.signing as CookbookSigning;
    expect(example.output.compact).toBe(`${signing.protected_b64u}.${example.output.json.payload}.${signing.sig}`);
    expect(Buffer.from(example.output.json.payload, 'base64url').toString('utf8')).toBe(example.input.payload);
  });

  it.each(COOKBOOK)('$file fails as bad_signature once a signature octet or the payload changes', async ({ example }) => {
    const keys = { jwk: publicOf(example.input.key as Jwk) };
    const token = example.output.compact!;
    for (const altered of [flipSignature(token, 0), flipSignature(token, 17), withPayload(token, 'It’s a dangerous business, Sam.')]) {
      expect(await verifyJws(altered, keys)).toMatchObject({ verified: false, reason: 'bad_signature' });
    }
  });

  it('each fails under another example\'s key of another type: alg_key_mismatch, never tried; no_matching_key while that key\'s kid differs', async () => {
    for (const { example } of COOKBOOK) {
      for (const { example: other } of COOKBOOK) {
        const { kid, ...key } = publicOf(other.input.key as Jwk);
        if (key.kty === (example.input.key as Jwk).kty) continue;
        const token = example.output.compact!;
        expect(await verifyJws(token, { jwk: key }), `${example.title} under ${other.title}'s key`).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
        const kept = kid === (example.input.key as Jwk).kid ? 'alg_key_mismatch' : 'no_matching_key';
        expect(await verifyJws(token, { jwk: { ...key, kid } }), `${example.title} under ${other.title}'s key, kid kept`).toMatchObject({ verified: false, reason: kept });
      }
    }
  });

  it('§4.1 refuses a token re-signed as HS256 with the RSA key\'s own text as the secret (algorithm confusion)', async () => {
    const { createHmac } = await import('node:crypto');
    const key = publicOf(COOKBOOK[0]!.example.input.key as Jwk);
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: key.kid })).toString('base64url');
    const payload = Buffer.from('{"admin":true}').toString('base64url');
    for (const secret of [JSON.stringify(key), String(key.n)]) {
      const forged = `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
      expect(await verifyJws(forged, { jwk: key })).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
      expect(await verifyJws(forged, { jwks: { keys: [key] } })).toMatchObject({ verified: false, reason: 'alg_key_mismatch' });
    }
  });

  it('a kid the JWKS does not hold is no_matching_key', async () => {
    const { example } = COOKBOOK[3]!;
    const key = { ...(example.input.key as Jwk), kid: 'another-key' };
    expect(await verifyJws(example.output.compact!, { jwks: { keys: [key] } })).toMatchObject({ verified: false, reason: 'no_matching_key', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' });
  });
});

describe('RFC 7520 §4.8 (multiple signatures), each signature as a compact JWS', () => {
  // §4.8 is a general JSON serialization with three signatures over one payload. verifyJws reads
  // compact JWSs only, so each signature is taken as BASE64URL(protected).payload.signature: the
  // same signing input, hence the same signature (RFC 7515 §5.1). The unprotected headers are lost
  // in the recast: the RS256 one held its kid, the ES512 one its alg.
  const example = read<CookbookExample>('rfc7520/4_8.multiple_signatures.json');
  const signings = example.signing as CookbookSigning[];
  const keys = (example.input.key as Jwk[]).map(publicOf);
  const compact = (i: number) => `${signings[i]!.protected_b64u ?? ''}.${example.output.json.payload}.${signings[i]!.sig}`;

  it('the RS256 signature, its kid left behind in the unprotected header, verifies by trying every RSA key, and names the one that worked', async () => {
    const result = await verifyJws(compact(0), { jwks: { keys } });
    expect(result).toMatchObject({ verified: true, alg: 'RS256', kid: 'bilbo.baggins@hobbiton.example', key: { source: 'jwks', index: 0 } });
  });

  it('the HS256 signature verifies with the oct key its protected kid names', async () => {
    expect(await verifyJws(compact(2), { jwks: { keys } })).toMatchObject({ verified: true, alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037', key: { source: 'jwks', index: 2 } });
  });

  it('the ES512 signature has no protected header at all: as a compact JWS it is malformed', async () => {
    expect(compact(1).startsWith('.')).toBe(true);
    expect(await verifyJws(compact(1), { jwks: { keys } })).toMatchObject({ verified: false, reason: 'malformed' });
  });

  it('a signature moved to another\'s header fails: the signing input covers the protected header', async () => {
    const swapped = `${signings[2]!.protected_b64u}.${example.output.json.payload}.${signings[0]!.sig}`;
    expect(await verifyJws(swapped, { jwks: { keys } })).toMatchObject({ verified: false, reason: 'bad_signature' });
  });
});

describe('RFC 8037 Appendix A.4/A.5 (Ed25519)', () => {
  const example = read<CookbookExample>('rfc8037-a4-ed25519.json');
  const key = publicOf(example.input.key as Jwk);
  const token = example.output.compact!;

  it('A.5: the A.4 JWS validates with the A.2 public key, named by its A.3 thumbprint (it has no kid)', async () => {
    const result = await verifyJws(token, { jwk: key });
    expect(result).toMatchObject({ verified: true, alg: 'EdDSA', key: { source: 'jwk', thumbprint: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k' } });
    expect(result.kid).toBeUndefined();
  });

  it('A.4 with an altered signature or payload fails as bad_signature', async () => {
    expect(await verifyJws(flipSignature(token, 5), { jwk: key })).toMatchObject({ verified: false, reason: 'bad_signature' });
    expect(await verifyJws(withPayload(token, 'Example of Ed25519 signing!'), { jwk: key })).toMatchObject({ verified: false, reason: 'bad_signature' });
  });

  it('A.4 relabelled HS256 or ES256 meets the key\'s type: alg_key_mismatch', async () => {
    for (const alg of ['HS256', 'ES256']) {
      const relabelled = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}${token.slice(token.indexOf('.'))}`;
      expect(await verifyJws(relabelled, { jwk: key })).toMatchObject({ verified: false, reason: 'alg_key_mismatch', alg });
    }
  });

  it('A.4 is refused when EdDSA is not among the allowed algorithms', async () => {
    expect(await verifyJws(token, { jwk: key }, { algorithms: ['RS256', 'ES256'] })).toMatchObject({ verified: false, reason: 'unsupported_alg' });
  });
});

describe('RFC 7515 Appendix A and E', () => {
  const { examples, negative } = read<Rfc7515>('rfc7515-appendix.json');
  const signed = examples.filter((example) => example.key);

  it.each(signed)('$section ($title) verifies with its key', async ({ key, compact, alg }) => {
    expect(await verifyJws(compact, { jwk: key! })).toMatchObject({ verified: true, alg });
  });

  it.each(signed)('$section with a flipped signature octet is bad_signature', async ({ key, compact }) => {
    expect(await verifyJws(flipSignature(compact, 3), { jwk: key! })).toMatchObject({ verified: false, reason: 'bad_signature' });
  });

  it.each(signed)('$section under every other example\'s key fails with the reason its key type gives', async ({ section, compact, alg }) => {
    for (const other of signed.filter((o) => o.section !== section)) {
      const sameType = other.key!.kty === signed.find((s) => s.section === section)!.key!.kty;
      const sameCurve = other.key!.crv === signed.find((s) => s.section === section)!.key!.crv;
      const expected = sameType && sameCurve ? 'bad_signature' : 'alg_key_mismatch';
      expect(await verifyJws(compact, { jwk: other.key! }), `${section} (${alg}) under ${other.section}'s key`).toMatchObject({ verified: false, reason: expected });
    }
  });

  it('A.1 verifies with its key given as a secret: the octets of k, written as text, are not the key', async () => {
    const a1 = examples[0]!;
    // The secret is taken as UTF-8 text; A.1's k is base64url of random octets, so as text it is another key.
    expect(await verifyJws(a1.compact, { secret: String(a1.key!.k) })).toMatchObject({ verified: false, reason: 'bad_signature' });
    expect(await verifyJws(a1.compact, { jwk: a1.key! })).toMatchObject({ verified: true, key: { source: 'jwk' } });
  });

  it('A.5, the unsecured JWS, is alg_none whatever keys are given', async () => {
    const a5 = examples.find((example) => example.section === 'A.5')!;
    for (const keys of [{}, { jwk: examples[0]!.key! }, { jwks: { keys: signed.map((s) => s.key!) } }, { secret: 'x' }]) {
      expect(await verifyJws(a5.compact, keys)).toMatchObject({ verified: false, reason: 'alg_none', alg: 'none' });
    }
  });

  it('E, an unknown extension marked critical, is crit_unsupported', async () => {
    expect(await verifyJws(negative.compact, { jwk: examples[0]!.key! })).toMatchObject({ verified: false, reason: 'crit_unsupported' });
  });
});

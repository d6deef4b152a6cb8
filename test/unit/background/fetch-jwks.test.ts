import { describe, expect, it } from 'vitest';
import { createJwksFetcher } from '../../../src/background/fetch-jwks';
import { failureOf } from './fakes/failure-of';

const ISSUER = 'https://login.example.com';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const JWKS_URI = 'https://keys.example.net/jwks';
const JWKS = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] };
const METADATA = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: JWKS_URI };

/** A network of fixed answers by URL, keeping what was fetched. */
function network(answers: Record<string, () => Response | Promise<Response>>, held = false) {
  const fetched: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url);
    const answer = answers[url];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof fetch;
  return { fetchImpl, facts: { holds: async () => held, reachable: async () => true }, fetched };
}
const json = (value: unknown, status = 200) => () => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });


describe('fetchJwks', () => {
  it("finds jwks_uri in the issuer's discovery and answers the set with where it came from; kept a few minutes", async () => {
    let now = 0;
    const jwks = createJwksFetcher(() => now);
    const { fetchImpl, facts, fetched } = network({ [DISCOVERY]: json(METADATA), [JWKS_URI]: json(JWKS) });
    expect(await jwks({ issuer: ISSUER }, fetchImpl, facts)).toEqual({ jwks: JWKS, jwksUri: JWKS_URI });
    now = 4 * 60_000;
    await jwks({ issuer: ISSUER }, fetchImpl, facts);
    expect(fetched).toEqual([DISCOVERY, JWKS_URI]);
    now = 6 * 60_000;
    await jwks({ issuer: ISSUER }, fetchImpl, facts);
    expect(fetched).toHaveLength(4);
  });

  it('fetches a jwks_uri given as it is', async () => {
    const { fetchImpl, facts, fetched } = network({ [JWKS_URI]: json(JWKS) });
    expect(await createJwksFetcher()({ jwksUri: JWKS_URI }, fetchImpl, facts)).toEqual({ jwks: JWKS, jwksUri: JWKS_URI });
    expect(fetched).toEqual([JWKS_URI]);
  });

  it('a JWK Set whose answer the browser hid: host_permission_missing, naming the JWK Set’s URL to offer', async () => {
    const { fetchImpl, facts } = network({ [DISCOVERY]: json(METADATA) });
    const error = await failureOf(createJwksFetcher()({ issuer: ISSUER }, fetchImpl, facts));
    expect(error.code).toBe('host_permission_missing');
    expect(error.unreachableUrl).toBe(JWKS_URI);
  });

  it('says what is missing: no jwks_uri, an error status, no "keys", no issuer or URL at all', async () => {
    const { jwks_uri: _none, ...without } = METADATA;
    const cases: [Record<string, () => Response>, string, RegExp][] = [
      [{ [DISCOVERY]: json(without) }, 'unavailable', /names no jwks_uri/],
      [{ [DISCOVERY]: json(METADATA), [JWKS_URI]: json({ error: 'nope' }, 500) }, 'invalid_response', /answered HTTP 500/],
      [{ [DISCOVERY]: json(METADATA), [JWKS_URI]: json({ kty: 'EC' }) }, 'invalid_response', /no "keys" array/],
      [{ [DISCOVERY]: json(METADATA), [JWKS_URI]: () => new Response('<html>') }, 'invalid_response', /not JSON/],
      [{ [DISCOVERY]: json({ ...METADATA, issuer: 'https://other.example' }) }, 'invalid_response', /names issuer https:\/\/other.example/],
    ];
    for (const [answers, code, message] of cases) {
      const { fetchImpl, facts } = network(answers);
      const error = await failureOf(createJwksFetcher()({ issuer: ISSUER }, fetchImpl, facts));
      expect([error.code, error.message]).toEqual([code, expect.stringMatching(message)]);
    }
    const { fetchImpl, facts } = network({});
    expect((await failureOf(createJwksFetcher()({}, fetchImpl, facts))).code).toBe('invalid_input');
  });
});

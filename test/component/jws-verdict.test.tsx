import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Failure } from '../../src/messages';
import { InspectView } from '../../src/popup/InspectView';
import { JwsVerdict } from '../../src/popup/JwsVerdict';
import { background } from './fake-background';
import { renderWith } from './render-with';
import { ISSUER, JWKS_URI, signedWithSecret, signer, tampered } from './signed-tokens';

afterEach(cleanup);

let provider: Awaited<ReturnType<typeof signer>>;
let token: string;
const NOW = Math.floor(Date.now() / 1000);
const CLAIMS = { iss: ISSUER, sub: 'alice', aud: 'client-1', iat: NOW, exp: NOW + 3600 };

beforeAll(async () => {
  provider = await signer('key-1');
  token = await provider.sign(CLAIMS);
  // The chunks views load on demand, compiled once here as the built popup has them ready.
  await Promise.all([import('../../src/popup/PasteResult'), import('../../src/popup/verify-token')]);
});

/** A background that hands out the provider's JWK Set, and keeps what it was asked. */
const keysOf = (jwks: object) => background({ fetchJwks: async () => ({ jwks: jwks as { keys: object[] }, jwksUri: JWKS_URI }) });

async function paste(text: string, capabilities = {}) {
  renderWith(<InspectView />, capabilities);
  fireEvent.input(screen.getByLabelText('Token, token response, header or cookie'), { target: { value: text } });
  return screen.findByTestId('jws-verdict');
}

/** The verdict once verification has said something: verified or failed. */
const settled = async () => {
  await waitFor(() => expect(screen.getByTestId('jws-verdict').dataset.state).toMatch(/^(verified|failed)$/));
  return screen.getByTestId('jws-verdict');
};

describe('a JWT in Inspect: its verdict beside it', () => {
  it('says "Decoded, not verified" before any click, and with no issuer known offers only a pasted key; nothing is asked', async () => {
    const { ask, sent } = keysOf(provider.jwks);
    const { iss: _none, ...claims } = CLAIMS;
    const verdict = await paste(await provider.sign(claims), { ask });
    expect(verdict.dataset.state).toBe('unverified');
    expect(verdict.textContent).toContain('Decoded, not verified.');
    expect(screen.queryByRole('button', { name: "Verify with the issuer's keys" })).toBeNull();
    expect(screen.getByRole('button', { name: 'Paste a key' })).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("verifies with the issuer's keys: the key's kid and the jwks_uri they came from", async () => {
    const { ask, sent } = keysOf(provider.jwks);
    await paste(token, { ask });
    fireEvent.click(screen.getByRole('button', { name: "Verify with the issuer's keys" }));
    const verdict = await settled();
    expect(verdict.dataset.state).toBe('verified');
    expect(verdict.textContent).toContain(`Signature verified with key key-1 from ${JWKS_URI}.`);
    expect(sent).toEqual([{ type: 'fetchJwks', payload: { issuer: ISSUER } }]);
  });

  it('one byte of the payload changed: "Bad signature"', async () => {
    const { ask } = keysOf(provider.jwks);
    await paste(tampered(token), { ask });
    fireEvent.click(screen.getByRole('button', { name: "Verify with the issuer's keys" }));
    const verdict = await settled();
    expect(verdict.dataset.state).toBe('failed');
    expect(verdict.dataset.reason).toBe('bad_signature');
    expect(verdict.querySelector('strong')?.textContent).toBe('Bad signature');
  });

  it('HS256 verifies with its secret, which goes to no message and leaves the field once used', async () => {
    const { ask, sent } = keysOf(provider.jwks);
    await paste(await signedWithSecret({ sub: 'alice', iat: NOW }, 'correct horse battery staple'), { ask });
    fireEvent.click(screen.getByRole('button', { name: 'Secret' }));
    const field = screen.getByLabelText('HMAC secret') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    const verdict = await settled();
    expect(verdict.dataset.state).toBe('verified');
    expect(verdict.textContent).toContain('Signature verified with the secret.');
    expect((screen.getByLabelText('HMAC secret') as HTMLInputElement).value).toBe('');
    expect(sent).toEqual([]);
  });

  it('a wrong secret: "Bad signature"', async () => {
    await paste(await signedWithSecret({ sub: 'alice' }, 'the right one'));
    fireEvent.click(screen.getByRole('button', { name: 'Secret' }));
    fireEvent.input(screen.getByLabelText('HMAC secret'), { target: { value: 'another' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await settled()).dataset.reason).toBe('bad_signature');
  });
});

describe('a pasted key', () => {
  it('a JWK verifies; a JWK Set without the token\'s kid: "No key matches kid"', async () => {
    renderWith(<JwsVerdict token={token} />);
    fireEvent.click(screen.getByRole('button', { name: 'Paste a key' }));
    fireEvent.input(screen.getByLabelText('Key: a JWK Set, a JWK or a PEM'), { target: { value: JSON.stringify(provider.jwk) } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await settled()).textContent).toContain('Signature verified with the JWK (kid "key-1").');

    const other = await signer('key-2');
    fireEvent.input(screen.getByLabelText('Key: a JWK Set, a JWK or a PEM'), { target: { value: JSON.stringify(other.jwks) } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByTestId('jws-verdict').dataset.reason).toBe('no_matching_key'));
    expect(screen.getByTestId('jws-verdict').querySelector('strong')?.textContent).toBe('No key matches kid key-1');
  });

  it('text that is no key says what it takes', async () => {
    renderWith(<JwsVerdict token={token} />);
    fireEvent.click(screen.getByRole('button', { name: 'Paste a key' }));
    fireEvent.input(screen.getByLabelText('Key: a JWK Set, a JWK or a PEM'), { target: { value: 'not a key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Paste a JWK Set, a JWK (JSON) or a PEM public key or certificate.', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('jws-verdict').dataset.state).toBe('unverified');
  });
});

describe("the issuer's keys out of reach", () => {
  it('offers the host the JWK Set is on, and verifies once it is granted', async () => {
    let hidden = true;
    const { ask, sent } = background({
      fetchJwks: async () => {
        if (hidden) throw new Failure('host_permission_missing', `The answer from ${JWKS_URI} was hidden by CORS.`, JWKS_URI);
        return { jwks: provider.jwks, jwksUri: JWKS_URI };
      },
    });
    const asked: string[][] = [];
    renderWith(<JwsVerdict token={token} issuer={ISSUER} auto />, { ask, requestHosts: async (urls) => (asked.push(urls), (hidden = false), true) });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow OAuth Lens to reach login.example.com' }));
    await waitFor(() => expect(screen.getByTestId('jws-verdict').dataset.state).toBe('verified'));
    expect(asked).toEqual([[JWKS_URI]]);
    expect(sent.map((m) => m.type)).toEqual(['fetchJwks', 'fetchJwks']);
  });
});

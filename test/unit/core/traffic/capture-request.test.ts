import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURED_BODY_LIMIT, captureRequest } from '../../../../src/core';

const SECRETS = {
  client_secret: 'gX1fBat3bV-secret',
  code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  password: 'hunter2-password',
  code: 'SplxlOBeZQQYbYS6WxSbIA',
  refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA',
  access_token: '2YotnFZFEjr1zCsicMWpAA',
  token: 'revoke-me-token-value',
};
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('captureRequest redacts at capture', () => {
  it('form data (onBeforeRequest requestBody.formData): no secret field survives', () => {
    const formData = Object.fromEntries(Object.entries(SECRETS).map(([name, value]) => [name, [value]]));
    const captured = captureRequest('POST', 'https://api.freeagent.com/v2/token_endpoint', undefined, { formData: { grant_type: ['authorization_code'], client_id: ['my-client'], ...formData } });
    for (const secret of Object.values(SECRETS)) expect(JSON.stringify(captured)).not.toContain(secret);
    const params = new URLSearchParams(captured.body);
    expect(params.get('grant_type')).toBe('authorization_code');
    expect(params.get('client_id')).toBe('my-client');
    expect(captured.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
  });

  it('a raw JSON body (requestBody.raw) and the Authorization header', () => {
    const captured = captureRequest(
      'POST',
      'https://auth.example.com/oauth/token',
      [{ name: 'Authorization', value: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' }, { name: 'Content-Type', value: 'application/json' }],
      { raw: [{ bytes: bytes(JSON.stringify({ grant_type: 'refresh_token', ...SECRETS })) }] },
    );
    for (const secret of [...Object.values(SECRETS), 'czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'gX1fBat3bV']) expect(JSON.stringify(captured)).not.toContain(secret);
    expect(captured.headers?.Authorization).toContain('client_id "s6BhdRkqt3"');
  });

  it('a Bearer token and secrets in the URL', () => {
    const captured = captureRequest('GET', `https://api.example.com/me?access_token=${SECRETS.access_token}&x=1`, [{ name: 'authorization', value: `Bearer ${SECRETS.access_token}` }], undefined);
    expect(JSON.stringify(captured)).not.toContain(SECRETS.access_token);
    expect(captured.url).toContain('x=1');
  });

  it('keeps at most the body limit', () => {
    const captured = captureRequest('POST', 'https://a/upload', undefined, { raw: [{ bytes: bytes('x'.repeat(CAPTURED_BODY_LIMIT * 10)) }] });
    expect(captured.body!.length).toBeLessThan(CAPTURED_BODY_LIMIT + 100);
    expect(captured.body).toMatch(/more characters not kept\)$/);
  });

  it('property: any value under a secret name, in form data, never survives; and it never throws', () => {
    const value = fc.string({ minLength: 8, maxLength: 60 }).filter((v) => /^[\x21-\x7e]+$/.test(v) && !/[%+&=]/.test(v));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SECRETS)), value, (name, secret) => {
        const captured = captureRequest('POST', 'https://a/token', undefined, { formData: { [name]: [secret], grant_type: ['x'] } });
        expect(new URLSearchParams(captured.body).get(name)).not.toBe(secret);
        expect(captured.body).not.toContain(encodeURIComponent(secret));
      }),
      { numRuns: 300 },
    );
    for (const odd of [undefined, {}, { formData: null }, { raw: [null, {}, { bytes: 5 }] }, { error: 'Unknown error.' }]) {
      expect(() => captureRequest('POST', 'https://a', undefined, odd as never)).not.toThrow();
    }
  });
});

describe('captureRequest redacts by meaning', () => {
  const secret = 'glpat-Xq8Rz2Lm4Np6Tv0Wb3Yc';

  it('API-key headers, camelCase form fields, SAMLResponse and multipart parts', () => {
    // GitLab's PRIVATE-TOKEN (https://docs.gitlab.com/api/rest/authentication/), RFC 9449's DPoP, Azure API Management's subscription key.
    const headers = [
      { name: 'PRIVATE-TOKEN', value: secret },
      { name: 'DPoP', value: secret },
      { name: 'Ocp-Apim-Subscription-Key', value: secret },
      { name: 'Accept', value: 'application/json' },
    ];
    const fromForm = captureRequest('POST', `https://sp.example.com/acs?api_key=${secret}`, headers, { formData: { SAMLResponse: [secret], clientSecret: [secret], RelayState: ['/home'] } });
    expect(JSON.stringify(fromForm)).not.toContain(secret);
    expect(fromForm.headers?.Accept).toBe('application/json');
    expect(new URLSearchParams(fromForm.body).get('RelayState')).toBe('/home');

    const multipart = `--AaB03x\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\n${secret}\r\n--AaB03x\r\nContent-Disposition: form-data; name="scope"\r\n\r\nopenid\r\n--AaB03x--\r\n`;
    const fromBytes = captureRequest('POST', 'https://server.example.com/token', [{ name: 'Content-Type', value: 'multipart/form-data; boundary=AaB03x' }], { raw: [{ bytes: bytes(multipart) }] });
    expect(fromBytes.body).toBe(multipart.replace(secret, '•••• (26 chars)'));
  });
});

describe('captureRequest on details of another shape', () => {
  // Found by npm run fuzz: headers that are not a list, and form values String() cannot write, threw.
  it('keeps only what is text', () => {
    expect(captureRequest('GET', 'https://a.example/', { valueOf: false } as never, undefined)).toEqual({ method: 'GET', url: 'https://a.example/' });
    expect(captureRequest('GET', 'https://a.example/', [null, { name: 'Accept', value: 'text/html' }, { name: 'X', value: 1 }] as never, undefined).headers).toEqual({ Accept: 'text/html' });
    const body = { formData: { grant_type: ['authorization_code', { toString: 1 }] } } as never;
    expect(captureRequest('POST', 'https://a.example/token', [], body).body).toBe('grant_type=authorization_code');
  });
});

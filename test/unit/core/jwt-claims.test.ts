import { describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../src/core';

// RFC 7519 §3.1: the example JWT, its claims set written with CRLFs.
const RFC7519_JWT =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('decodeJwtClaims', () => {
  it('reads the claims of the RFC 7519 §3.1 example', () => {
    expect(decodeJwtClaims(RFC7519_JWT)).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it.each([
    ['two parts', 'eyJhbGciOiJub25lIn0.eyJhIjoxfQ'],
    ['a payload that is not base64url', 'eyJhbGciOiJub25lIn0.!!!.sig'],
    ['a payload that is not JSON', `eyJhbGciOiJub25lIn0.${Buffer.from('hello').toString('base64url')}.sig`],
    ['a payload that is a JSON array', `eyJhbGciOiJub25lIn0.${Buffer.from('[1]').toString('base64url')}.sig`],
    ['a payload that is not UTF-8', `eyJhbGciOiJub25lIn0.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.sig`],
  ])('returns undefined for %s', (_, token) => {
    expect(decodeJwtClaims(token)).toBeUndefined();
  });
});

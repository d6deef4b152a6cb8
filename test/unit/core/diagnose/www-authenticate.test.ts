import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../../src/core/diagnose/www-authenticate';

describe('parseWwwAuthenticate', () => {
  it('reads RFC 6750 §3\'s examples', () => {
    expect(parseWwwAuthenticate('Bearer realm="example"')).toEqual([{ scheme: 'Bearer', params: { realm: 'example' } }]);
    expect(parseWwwAuthenticate('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } },
    ]);
  });

  it('tells several challenges apart, with token68 and unquoted values (RFC 9110 §11.6.1)', () => {
    expect(parseWwwAuthenticate('Negotiate abc==, Bearer error=insufficient_scope, scope="a b"')).toEqual([
      { scheme: 'Negotiate', params: { token68: 'abc==' } },
      { scheme: 'Bearer', params: { error: 'insufficient_scope', scope: 'a b' } },
    ]);
    expect(parseWwwAuthenticate('Bearer, Basic realm=x')).toEqual([
      { scheme: 'Bearer', params: {} },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
  });

  it('unescapes quoted-pairs and lowercases parameter names', () => {
    expect(parseWwwAuthenticate('Bearer Realm="a\\"b" ,, ERROR="x",')).toEqual([{ scheme: 'Bearer', params: { realm: 'a"b', error: 'x' } }]);
  });

  it('never throws and ends on any input', () => {
    for (const input of ['', ',,,', '"', '=', 'Bearer ="', 'Bearer a="unterminated', '\u0000\uD800', 'Basic ' + '='.repeat(10_000)]) {
      expect(Array.isArray(parseWwwAuthenticate(input))).toBe(true);
    }
  });
});

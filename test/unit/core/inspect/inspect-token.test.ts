import { describe, expect, it } from 'vitest';
import { inspectToken, type TokenInspection, type WarningCode } from '../../../../src/core';
import {
  FREEAGENT_STYLE_PADDED,
  FREEAGENT_STYLE_TILDE,
  GITHUB_FORM_RESPONSE,
  RFC6749_BASIC,
  RFC6749_RESPONSE,
  RFC6750_TOKEN,
  RFC7515_UNSECURED,
  RFC7516_JWE,
  RFC7519_EXP_MS,
  RFC7519_JWT,
  RFC7617_BASIC,
} from '../fixtures';

const codes = (inspection: TokenInspection) => inspection.warnings.map((w) => w.code);
const message = (inspection: TokenInspection, code: WarningCode) => inspection.warnings.find((w) => w.code === code)?.message ?? '';

describe('inspectToken: JOSE', () => {
  it('decodes the RFC 7519 §3.1 JWT without verifying it', () => {
    const inspection = inspectToken(RFC7519_JWT, { now: RFC7519_EXP_MS - 12 * 60_000 });
    expect(inspection.kind).toBe('jwt');
    expect(inspection.jwt).toEqual({
      header: { typ: 'JWT', alg: 'HS256' },
      payload: { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true },
      signature: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      alg: 'HS256',
      expiresAt: '2011-03-22T18:43:00.000Z',
      expired: false,
    });
    expect(codes(inspection)).toEqual([]);
  });

  it('says when it expired, as a date and relative to now', () => {
    const inspection = inspectToken(RFC7519_JWT, { now: RFC7519_EXP_MS + 3 * 86_400_000 });
    expect(inspection.jwt?.expired).toBe(true);
    expect(message(inspection, 'jwt_expired')).toBe('exp is 2011-03-22T18:43:00.000Z: the token expired 3 days ago.');
  });

  it('flags the unsecured JWS of RFC 7515 Appendix A.5', () => {
    const inspection = inspectToken(RFC7515_UNSECURED, { now: 0 });
    expect(inspection.kind).toBe('jwt');
    expect(inspection.jwt?.alg).toBe('none');
    expect(message(inspection, 'jwt_unsigned')).toContain('alg is "none"');
  });

  it('shows the header of the RFC 7516 Appendix A.3 JWE, and says the payload is encrypted', () => {
    const inspection = inspectToken(RFC7516_JWE);
    expect(inspection.kind).toBe('jwe');
    expect(inspection.jwt?.header).toEqual({ alg: 'A128KW', enc: 'A128CBC-HS256' });
    expect(inspection.jwt?.payload).toBeUndefined();
    expect(message(inspection, 'jwe_encrypted')).toContain('alg A128KW and enc A128CBC-HS256');
    expect(codes(inspection)).not.toContain('jwt_malformed');
  });

  it('explains that an empty encrypted key is normal for alg "dir"', () => {
    const header = Buffer.from('{"alg":"dir","enc":"A128GCM"}').toString('base64url');
    const inspection = inspectToken(`${header}..AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4Hffx.U0m_YmjN04DJvceFICbCVQ`);
    expect(message(inspection, 'jwe_encrypted')).toContain('normal for alg "dir"');
  });

  it.each([
    ['a segment lost', RFC7519_JWT.split('.').slice(0, 2).join('.'), 'It has 2 dot-separated segments'],
    ['a segment added', `${RFC7519_JWT}.x`, 'It has 4 dot-separated segments'],
    ['padding in a segment', RFC7519_JWT.replace('.dBj', '=.dBj'), 'JOSE uses base64url without "=" padding'],
    ['standard base64 characters', RFC7519_JWT.replace('eyJpc3', 'eyJ+c3'), '"+" and "/" are standard base64'],
    ['an impossible length', `${RFC7519_JWT.split('.')[0]}.AAAAA.sig`, 'impossible length for base64url (5 characters)'],
    ['a payload that is not JSON', `${RFC7519_JWT.split('.')[0]}.${Buffer.from('not json').toString('base64url')}.sig`, 'not to UTF-8 JSON'],
    ['a header without alg', `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.sig`, 'no "alg"'],
  ])('says which part is broken when it has %s', (_, token, expected) => {
    const inspection = inspectToken(token);
    expect(message(inspection, 'jwt_malformed')).toContain(expected);
  });

  it('does not take dotted opaque tokens for JWTs', () => {
    expect(inspectToken(RFC6750_TOKEN).kind).toBe('opaque');
    expect(inspectToken('ya29.a0AfH6SMBx').kind).toBe('opaque');
  });
});

describe('inspectToken: where the characters are safe', () => {
  it('passes the RFC 6750 §2.1 example everywhere', () => {
    const { safety } = inspectToken(RFC6750_TOKEN);
    expect([safety.url.safe, safety.header.safe, safety.cookie.safe]).toEqual([true, true, true]);
  });

  it('catches the FreeAgent case: "=" mid-token is no b64token, needs encoding in URLs, and splits in some cookie parsers', () => {
    const inspection = inspectToken(FREEAGENT_STYLE_PADDED);
    expect(message(inspection, 'padding_inside')).toContain('"=" at position 4 (and 1 more inside)');
    expect(inspection.safety.url).toMatchObject({ safe: false, offending: ['='] });
    expect(inspection.safety.header).toMatchObject({ safe: false, offending: ['='] });
    // "=" is a cookie-octet (RFC 6265), but classic ASP.NET splits values on it: the advice says so.
    expect(inspection.safety.cookie.safe).toBe(true);
    expect(inspection.safety.cookie.advice).toContain('classic ASP.NET');
  });

  it('passes the "~" version FreeAgent moved to, everywhere', () => {
    const inspection = inspectToken(FREEAGENT_STYLE_TILDE);
    expect(codes(inspection)).toEqual([]);
    expect([inspection.safety.url.safe, inspection.safety.header.safe, inspection.safety.cookie.safe]).toEqual([true, true, true]);
  });

  it('allows trailing "=" padding in a header but not in a URL', () => {
    const { safety, warnings } = inspectToken('abc+/def==');
    expect(safety.header.safe).toBe(true);
    expect(safety.url).toMatchObject({ safe: false, offending: ['+', '/', '='] });
    expect(warnings).toEqual([]);
  });

  it('names characters a cookie value cannot hold', () => {
    const { safety } = inspectToken('a,b;c\\d"e');
    expect(safety.cookie).toMatchObject({ safe: false, offending: [',', ';', '\\', '"'] });
  });
});

describe('inspectToken: cleaning what was pasted', () => {
  it.each<[string, string, WarningCode[]]>([
    ['  abc123\n', 'abc123', ['whitespace_trimmed']],
    ['"abc123"', 'abc123', ['quoted']],
    ['“abc123”', 'abc123', ['quoted']],
    ['Bearer abc123', 'abc123', ['scheme_included']],
    ['Authorization: Bearer abc123', 'abc123', ['scheme_included']],
    ['Bearer Bearer abc123', 'abc123', ['scheme_included', 'scheme_repeated']],
    ['token ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', ['scheme_included']],
    ['abc\n123', 'abc123', ['inner_whitespace', 'line_break']],
    ['abc 123', 'abc123', ['inner_whitespace']],
    ['abc\u200B123', 'abc123', ['non_ascii']],
    ['abc%3D%3D', 'abc==', ['percent_encoded']],
    ['abc%253D', 'abc=', ['percent_encoded']],
  ])('cleans %j to %j', (input, token, expected) => {
    const inspection = inspectToken(input);
    expect(inspection.token).toBe(token);
    expect(inspection.input).toBe(input);
    expect(codes(inspection)).toEqual(expect.arrayContaining(expected));
  });

  it('names the invisible or look-alike character and where it is', () => {
    expect(message(inspectToken('abc\u200B123'), 'non_ascii')).toContain('U+200B ZERO WIDTH SPACE');
    expect(message(inspectToken('tоken'), 'non_ascii')).toBe(
      'Not ASCII: U+043E CYRILLIC SMALL LETTER O (looks like "o") at position 2. Tokens are ASCII; these come from word processors, chats or fonts (look-alike letters), and the server will not recognise the token.',
    );
    expect(message(inspectToken('ab–cd'), 'non_ascii')).toContain('U+2013 EN DASH (looks like "-") at position 3');
    expect(message(inspectToken('tokén'), 'non_ascii')).toContain('U+00E9 é (e with a diacritic)');
    expect(message(inspectToken('abc\u00A0def'), 'non_ascii')).toContain('NO-BREAK SPACE');
  });

  it('says when percent-encoding was applied twice', () => {
    expect(message(inspectToken('abc%253D'), 'percent_encoded')).toContain('percent-encoded twice');
  });

  it('takes the access token out of a pasted JSON token response (RFC 6749 §5.1)', () => {
    const inspection = inspectToken(RFC6749_RESPONSE);
    expect(inspection.token).toBe('2YotnFZFEjr1zCsicMWpAA');
    expect(inspection.extractedFrom).toEqual({ container: 'json', field: 'access_token' });
    expect(message(inspection, 'container_extracted')).toContain('"access_token" field');
  });

  it('takes it out of GitHub’s form-encoded response, a URL fragment and a Set-Cookie line', () => {
    expect(inspectToken(GITHUB_FORM_RESPONSE)).toMatchObject({
      token: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
      extractedFrom: { container: 'form', field: 'access_token' },
    });
    // RFC 6749 §4.2.2's implicit-grant redirect.
    expect(inspectToken('http://example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz&token_type=example&expires_in=3600')).toMatchObject({
      token: '2YotnFZFEjr1zCsicMWpAA',
      extractedFrom: { container: 'url', field: 'access_token' },
    });
    expect(inspectToken(`Set-Cookie: FAAccessToken=${FREEAGENT_STYLE_PADDED}; Path=/; HttpOnly`)).toMatchObject({
      token: FREEAGENT_STYLE_PADDED,
      extractedFrom: { container: 'cookie', field: 'FAAccessToken' },
    });
  });

  it('recognises HTTP Basic credentials, shows the client id and never the secret', () => {
    const inspection = inspectToken(`Basic ${RFC6749_BASIC}`);
    expect(inspection.basicClientId).toBe('s6BhdRkqt3');
    const text = message(inspection, 'basic_credentials');
    expect(text).toContain('Client id: "s6BhdRkqt3"');
    expect(text).toContain('exposed');
    expect(text).not.toContain('gX1fBat3bV');
    // Without the scheme too: RFC 7617's example.
    expect(inspectToken(RFC7617_BASIC).basicClientId).toBe('Aladdin');
  });

  it('does not call every base64 string Basic credentials', () => {
    expect(inspectToken('2YotnFZFEjr1zCsicMWpAA==').basicClientId).toBeUndefined();
    expect(codes(inspectToken(RFC6750_TOKEN))).not.toContain('basic_credentials');
  });

  it.each(['', '   ', '\n\t'])('calls %j empty', (input) => {
    const inspection = inspectToken(input);
    expect(inspection).toMatchObject({ kind: 'empty', token: '', length: 0 });
    expect(codes(inspection)).toEqual(['empty']);
  });

  it('suspects a shortened display copy when it contains an ellipsis', () => {
    expect(codes(inspectToken('ghp_16C7…B4a'))).toContain('truncated');
  });
});

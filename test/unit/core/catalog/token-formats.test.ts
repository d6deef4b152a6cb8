import { describe, expect, it } from 'vitest';
import { recognizeTokenFormat, TOKEN_FORMATS, type TokenFormat } from '../../../../src/core';

// Example tokens printed in the providers' own documentation, keyed by prefix. Entries without
// one get a synthetic token built from what their documentation states.
const DOCUMENTED_EXAMPLES: Record<string, string> = {
  // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  gho_: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  ghr_: 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498',
  // https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-access-token-for-a-github-app
  ghu_: 'ghu_16C7e42F292c6912E7710c838347Ae178B4a',
  // https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app
  ghs_: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
  // https://api.slack.com/methods/oauth.v2.exchange
  'xoxp-': 'xoxp-12345-67890-1928471-abcdefg',
  // https://api.slack.com/methods/tooling.tokens.rotate
  'xoxe-': 'xoxe-1-abcdefg',
  // https://docs.stripe.com/api/authentication
  sk_test_: 'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  // https://docs.stripe.com/automated-testing/webhooks
  whsec_: 'whsec_test_secret',
  // https://docs.doppler.com/docs/service-tokens
  'dp.st.': 'dp.st.prd.xxxx',
  // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-formats
  'hvs.': 'hvs.R0670sAqZnKX3yW40NddrPVk',
  'hvb.': 'hvb.aYnhlZjetM09MRRc11FSLVk1',
  'b.': 'b.n6keuKu5Q6pXhaIcfnC9cFNd',
  'r.': 'r.MEOkcS6xauDAZkS4bEvQTpbT',
  // https://www.twilio.com/docs/glossary/what-is-a-sid
  AC: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  // https://sendgrid.com/docs/Classroom/Send/How_Emails_Are_Sent/api_keys.html
  'SG.': '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',
  // https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication
  dt0s01: 'dt0s01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM',
  // https://cloud.google.com/docs/authentication/api-keys
  AIza: 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe',
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
  AKIA: 'AKIAIOSFODNN7EXAMPLE',
  // https://www.pulumi.com/docs/pulumi-cloud/reference/personal-access-tokens
  'pul-': 'pul-75a564ac7f3a48079a0c448c1e1ec95c4cfed141',
  // https://guides.rubygems.org/api-key-scopes/
  rubygems_: 'rubygems_123456',
  // https://buildkite.com/docs/platform/security/tokens
  bkua_: 'bkua_MTA.4f6ccde8c73e26244d73c5a77c91c242c0c818ce',
  bkaa_: 'bkaa_MTA.Miyf6S3a3g9j8pyBGTyLC1frg9k6gDHTJdL9Fy7FXzRhrAVPckkzK6oEmdQVLvzUjt4rvW7cRPJEu',
  bkaj_:
    'bkaj_eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiIwMTk2NjAxYi01YTc0LTRlOTUtYmNhOC0wNjM0M2EyYjkwNzkiLCJhdWQiOiIwMTk2NjAxYi01NDcwLTQ0YWYtYjRmNi0xMjllNTcyNDU1ZTUiLCJpc3MiOiJidWlsZGtpdGUiLCJleHAiOjE3NDcxMDQ5MzgsImlhdCI6MTc0NzEwMTAzOCwib3JnYW5pemF0aW9uX2lkIjoiNjQ4OTlhNjUtMmFiZS00MTRiLTg2MjUtYTljOWE3MjYzZGRjIn0.p-IZUkRWJOkbTuVrxa4yaWrb7b1h-X2KsxfcCRHoxsb8h4rMjc47Ox1InAdku5fCjfdQ5hFKxXF2JUJc-YoWHQ',
};

/** The first character of a character-class source such as 'A-Za-z0-9_' or '0-9a-fA-F'. */
const firstOf = (alphabet: string): string => alphabet[0]!;

/** Prefix plus the documented length (or minimum) in the documented alphabet; 24 free characters when nothing is documented. */
function synthetic(format: TokenFormat): string {
  const length = format.length ?? format.minLength ?? format.prefix.length + 24;
  return format.prefix + firstOf(format.alphabet ?? 'a').repeat(length - format.prefix.length);
}

const exampleOf = (format: TokenFormat): string => DOCUMENTED_EXAMPLES[format.prefix] ?? synthetic(format);
const documentedMinimum = (format: TokenFormat): number | undefined => format.length ?? format.minLength;

describe('TOKEN_FORMATS', () => {
  it('has at least 40 formats from at least 20 providers', () => {
    expect(TOKEN_FORMATS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TOKEN_FORMATS.map((f) => f.provider)).size).toBeGreaterThanOrEqual(20);
  });

  it('gives every entry a provider, kind and prefix, and an https source', () => {
    for (const format of TOKEN_FORMATS) {
      expect(format.provider, format.prefix).not.toBe('');
      expect(format.kind, format.prefix).not.toBe('');
      expect(format.prefix).not.toBe('');
      expect(new URL(format.source).protocol, format.source).toBe('https:');
      if (format.lengthSource !== undefined) expect(new URL(format.lengthSource).protocol, format.lengthSource).toBe('https:');
    }
  });

  it('has no prefix twice within a provider, nor across providers (the match would be ambiguous)', () => {
    const prefixes = TOKEN_FORMATS.map((f) => f.prefix);
    expect(prefixes.filter((p, i) => prefixes.indexOf(p) !== i)).toEqual([]);
  });

  it('states lengths that fit the prefix and each other', () => {
    for (const format of TOKEN_FORMATS) {
      const { prefix, length, minLength, maxLength } = format;
      if (length !== undefined) expect(minLength ?? maxLength, prefix).toBeUndefined();
      for (const bound of [length, minLength, maxLength]) if (bound !== undefined) expect(bound, prefix).toBeGreaterThan(prefix.length);
      if (minLength !== undefined && maxLength !== undefined) expect(minLength, prefix).toBeLessThanOrEqual(maxLength);
    }
  });

  it('has alphabets and patterns that compile, and patterns that reject the bare prefix', () => {
    for (const format of TOKEN_FORMATS) {
      if (format.alphabet !== undefined) expect(() => new RegExp(`[${format.alphabet}]`, 'u'), format.prefix).not.toThrow();
      if (format.pattern !== undefined) {
        expect(() => new RegExp(format.pattern!), format.prefix).not.toThrow();
        expect(new RegExp(`^(?:${format.pattern})$`).test(format.prefix), format.prefix).toBe(false);
      }
    }
  });

  it('represents formats with dots that are not JWTs', () => {
    for (const prefix of ['xoxe.xoxp-', 'dp.st.', 'hvs.', 'SG.']) expect(TOKEN_FORMATS.map((f) => f.prefix)).toContain(prefix);
  });
});

describe('recognizeTokenFormat on each catalog entry', () => {
  describe.each(TOKEN_FORMATS.map((format) => [`${format.provider} ${format.prefix}`, format] as const))('%s', (_, format) => {
    const example = exampleOf(format);
    const minimum = documentedMinimum(format);

    it('recognises its example as this entry, intact', () => {
      const match = recognizeTokenFormat(example);
      expect(match?.format).toBe(format);
      expect(match?.truncated).toBeUndefined();
      expect(match?.tooLong).toBeUndefined();
      expect(match?.alphabetMismatch).toBeUndefined();
    });

    if (format.pattern !== undefined) {
      // Issue 18: a token of a documented length cut short is flagged, short prefix or not; the
      // bare prefix and a few characters after it are ordinary text, and stay unrecognised.
      it('calls its example cut short truncated, but not the bare prefix nor a few characters after it', () => {
        const cut = recognizeTokenFormat(example.slice(0, (minimum ?? example.length) - 1));
        expect(cut?.format).toBe(format);
        expect(cut?.truncated).toBeDefined();
        expect(recognizeTokenFormat(format.prefix)?.format).not.toBe(format);
        expect(recognizeTokenFormat(example.slice(0, format.prefix.length + 3))?.format).not.toBe(format);
      });
      return;
    }

    if (minimum !== undefined) {
      it('calls its example cut below the documented length truncated', () => {
        const cut = example.slice(0, minimum - 1);
        const match = recognizeTokenFormat(cut);
        expect(match?.format).toBe(format);
        expect(match?.truncated).toContain(`${cut.length} characters`);
        expect(match?.truncated).toContain(String(minimum));
      });
    } else {
      it('still recognises its example cut short, without a length to call it truncated', () => {
        const cut = example.slice(0, format.prefix.length + 1);
        expect(recognizeTokenFormat(cut)?.format).toBe(format);
        expect(recognizeTokenFormat(cut)?.truncated).toBeUndefined();
      });
    }

    it('calls the bare prefix truncated', () => {
      const match = recognizeTokenFormat(format.prefix);
      expect(match?.format).toBe(format);
      expect(match?.truncated).toContain(`"${format.prefix}"`);
    });
  });
});

describe('recognizeTokenFormat', () => {
  const formats: TokenFormat[] = [
    { provider: 'P', kind: 'short', prefix: 'sk_', source: 'https://example.com/a' },
    { provider: 'P', kind: 'live', prefix: 'sk_live_', source: 'https://example.com/b' },
    { provider: 'Q', kind: 'shaped', prefix: 'sk_live_x', pattern: 'sk_live_x[0-9]{4}', source: 'https://example.com/c' },
  ];

  it('prefers the longest matching prefix', () => {
    expect(recognizeTokenFormat('sk_live_abc', formats)?.format.kind).toBe('live');
    expect(recognizeTokenFormat('sk_abc', formats)?.format.kind).toBe('short');
  });

  it('falls back to a shorter prefix when the longer one requires a shape the token lacks', () => {
    expect(recognizeTokenFormat('sk_live_x1234', formats)?.format.kind).toBe('shaped');
    expect(recognizeTokenFormat('sk_live_xyz', formats)?.format.kind).toBe('live');
  });

  it('reads "xoxe.xoxp-" as a configuration token, not as "xoxe-" or "xoxp-"', () => {
    expect(recognizeTokenFormat('xoxe.xoxp-1-Mi0yLTEyMzQ1')?.format.kind).toBe('app configuration token');
  });

  it('names the documented and the actual length when a token is cut short', () => {
    expect(recognizeTokenFormat('shpat_0123456789')?.truncated).toBe('This is 16 characters long; Shopify documents 38 for its access token (public app).');
    expect(recognizeTokenFormat('hvs.abc')?.truncated).toBe('This is 7 characters long; HashiCorp Vault documents at least 28 for its service token.');
  });

  it('calls GitHub’s documented 40-character examples whole, and one character short truncated', () => {
    // "Behind GitHub's new authentication token formats": prefix, 30 Base62 characters, 6 checksum characters.
    for (const example of [DOCUMENTED_EXAMPLES.gho_!, DOCUMENTED_EXAMPLES.ghu_!, DOCUMENTED_EXAMPLES.ghs_!]) {
      expect(example).toHaveLength(40);
      expect(recognizeTokenFormat(example)?.truncated).toBeUndefined();
      expect(recognizeTokenFormat(example.slice(0, 39))?.truncated).toBe(`This is 39 characters long; GitHub documents at least 40 for its ${recognizeTokenFormat(example)!.format.kind}.`);
    }
    // The documented refresh token is longer than 40: a minimum, not an exact length.
    expect(recognizeTokenFormat(DOCUMENTED_EXAMPLES.ghr_!)).toMatchObject({ format: { prefix: 'ghr_' } });
    expect(recognizeTokenFormat(DOCUMENTED_EXAMPLES.ghr_!)?.truncated ?? recognizeTokenFormat(DOCUMENTED_EXAMPLES.ghr_!)?.tooLong).toBeUndefined();
  });

  it('still recognises a token longer than documented, and says so apart from truncation', () => {
    const match = recognizeTokenFormat(`shpca_${'0'.repeat(40)}`);
    expect(match?.format.prefix).toBe('shpca_');
    expect(match?.truncated).toBeUndefined();
    expect(match?.tooLong).toBe('This is 46 characters long; Shopify documents 38 for its access token (custom app).');
    expect(recognizeTokenFormat(`ghp_${'a'.repeat(300)}`)?.tooLong).toContain('at most 255');
  });

  it('lists the distinct characters outside a documented alphabet without rejecting the token', () => {
    const match = recognizeTokenFormat('ghp_16C7e42F-292c6912E-7710c838347Ae178B4a…');
    expect(match?.format.prefix).toBe('ghp_');
    expect(match?.alphabetMismatch).toEqual(['-', '…']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(recognizeTokenFormat('shpat_😀')?.truncated).toContain('This is 7 characters long');
  });

  it.each([
    ['a JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a random 40-character hex string', '8f14e45fceea167a5a36dedd4bea2543b4c2c6a1'],
    ['ordinary text starting with "AC"', 'ACME-123'],
    ['an opaque token starting with "AC" but not a Twilio SID', 'ACb1f0c2e9d84a7fb3e6c51d0a9e8f72b4c6d1e0f'],
    ['ordinary text starting with "SK"', 'SKATEBOARD'],
    ['ordinary text starting with "ASIA"', 'ASIA-PACIFIC-2024'],
    ['a FreeAgent-style opaque token (FreeAgent documents no prefix)', '1Fa~~~~Ao9xYzQ2rT7uV4wB8cD1eF5gH3iJ6kL0mN'],
    // Google calls its access tokens opaque and proprietary: ya29. is not a documented format.
    ['a Google OAuth access token', 'ya29.a0AfH6SMBx3kQ9pT2vW8yZ1cD4eF7gH0iJ'],
    ['a Vault-looking legacy token of the wrong length', 's.tooShort'],
  ])('does not recognise %s', (_, token) => {
    expect(recognizeTokenFormat(token)).toBeUndefined();
  });

  it.each([
    ['the empty string', ''],
    ['a lone surrogate', '\uD800'],
    ['a prefix followed by lone surrogates', `ghp_\uDC00\uD800${'\uD800'.repeat(1000)}`],
    ['1 MB of "a"', 'a'.repeat(1 << 20)],
    ['a prefix and 1 MB', `ghp_${'é'.repeat(1 << 20)}`],
    ['a shaped prefix and 1 MB', `AKIA${'A'.repeat(1 << 20)}`],
    ['NUL characters', `sk_live_\u0000\u0000`],
  ])('never throws on %s', (_, token) => {
    expect(() => recognizeTokenFormat(token)).not.toThrow();
  });

  it('never throws on a caller-supplied catalog with a broken pattern or alphabet', () => {
    const broken: TokenFormat[] = [{ provider: 'X', kind: 'k', prefix: 'x_', pattern: '(', alphabet: '\\', source: 'https://example.com' }];
    expect(recognizeTokenFormat('x_1', broken)).toBeUndefined();
    const badAlphabet: TokenFormat[] = [{ provider: 'X', kind: 'k', prefix: 'x_', alphabet: 'z-a', source: 'https://example.com' }];
    expect(recognizeTokenFormat('x_1', badAlphabet)?.format.prefix).toBe('x_');
  });
});

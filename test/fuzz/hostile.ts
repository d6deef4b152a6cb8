import fc from 'fast-check';

// The building blocks of the core's fuzz targets: text and data as they really arrive from a
// clipboard, a server, a HAR, a message or storage written by another version, not only random
// characters. Sizes stay small except in rare huge inputs, so 10⁵ runs per target stay fast.

/** Any UTF-16 code unit, lone surrogates included: what a clipboard or a JSON string can hold. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Pieces the core's parsers react to, so that random text reaches past their first check. */
export const PIECES = [
  '%', '%2', '%zz', '%25', '%E9', '%C3%A9', '%00', '%2F', '%3D', '+', '=', '&', '?', '#', ';', ':', '//', '/', '\\', '@', '.', '..', ',', '*', '*.',
  'https://', 'http://', 'HTTPS://', 'chrome-extension://', 'moz-extension://', 'javascript:', 'data:', 'file:///', 'urn:', 'com.example.app:/',
  'localhost', '127.0.0.1', '[::1]', '[', ']', '0x7f.1', 'xn--', 'a.example', ':443', ':0', ':99999', 'user:pw@',
  'eyJ', 'eyJhbGciOiJub25lIn0', 'Bearer ', 'Basic ', 'DPoP ', 'ghp_', 'gho_', 'glpat-', 'xoxb-', 'sk_live_', 'ya29.',
  'HTTP/1.1 ', 'HTTP/2 ', '200', '302', '400', '401', '429', '500', '0', '-1', '1e309', 'NaN', '9007199254740993',
  '\r\n', '\n', '\r', '\t', ' ', '\u200B', '\u00A0', '\uFEFF', '\u2028', '\uD800', '\uDC00', '\uD83D\uDE00', 'é', '\u0000',
  '{', '}', '[', ']', '"', "'", '`', '<', '>', '</', '<html>', '<?xml version="1.0"?>', '<error>', '<title>',
  'access_token', 'refresh_token', 'id_token', 'token_type', 'expires_in', 'error', 'error_description', 'error_uri', 'code', 'state', 'iss',
  'client_id', 'client_secret', 'code_verifier', 'grant_type', 'redirect_uri', 'response_type', 'scope', 'nonce', 'password', 'api_key',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'length',
  'AADSTS70008', 'AADSTS9002326', 'invalid_grant', 'invalid_client', 'origin', 'Origin: ', 'Retry-After: ', 'X-RateLimit-Reset: ', 'RateLimit: ',
  'WWW-Authenticate: ', 'Content-Type: ', 'application/json', 'application/x-www-form-urlencoded', 'Location: ', 'Set-Cookie: ', 'Authorization: ',
  '$ curl ', 'curl ', '-H ', '-d ', '-u ', '--data-raw ', '> ', '< ', '* ', 'realm="', 'Thu, 01 Jan 1970 00:00:00 GMT', '-- ', '--boundary',
] as const;

export const piecesString = (pieces: readonly string[] = PIECES, maxLength = 24) =>
  fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));

/**
 * Rare and large (16 KB to 256 KB): long runs of what makes scanners backtrack or recurse.
 * Capped so that 10⁵ runs stay in seconds; the 1 MB cases are `npm run bench`'s and the property tests'.
 */
export const hugeString = fc
  .tuple(
    fc.constantFrom('a', '=', '%', '%2', ' ', '/', ':', '\n', '\r\n', '{', '[', '"', '\\', '&', 'a=b&', 'eyJ', '.', '<a>', '\uD800', '\u200B', 'AADSTS1234 ', 'x: y\n', '> a\n', 'HTTP/1.1 100 Continue\n\n'),
    fc.integer({ min: 1 << 14, max: 1 << 18 }),
    fc.string({ unit: codeUnit, maxLength: 20 }),
  )
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)) + tail);

/** `arb` once in about `odds` draws, else `otherwise`: for inputs that cost far more than the rest. */
export function rare<T>(arb: fc.Arbitrary<T>, otherwise: fc.Arbitrary<T>, odds = 100): fc.Arbitrary<T> {
  return fc.oneof({ weight: odds - 1, arbitrary: otherwise }, { weight: 1, arbitrary: arb });
}

/** Any text: random code units, full Unicode, bytes as Latin-1, pieces, and rarely a huge one. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 300, arbitrary: fc.string({ unit: codeUnit, maxLength: 120 }) },
  { weight: 150, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 100, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 300, arbitrary: piecesString() },
  { weight: 150, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

/** Any number a JSON parse, a Date or arithmetic can hand over, the awkward ones often. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.MAX_VALUE, 8.64e15, 8.64e15 + 1, 1e9, 1e12, 2 ** 31, 2 ** 53 + 2),
  fc.integer(),
  fc.integer({ min: 0, max: 600 }),
  fc.double(),
  fc.date({ noInvalidDate: true }).map((date) => date.getTime()),
);

/** Base64url text, sometimes with the padding, alphabet or length a decoder trips on. */
export const base64ish = fc.oneof(
  fc.base64String({ maxLength: 60 }),
  fc.base64String({ maxLength: 60 }).map((text) => text.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')),
  fc.string({ unit: fc.constantFrom(...'ABCxyz019-_+/=.%'.split('')), maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url')),
  fc.constantFrom('', '=', '==', 'a', 'a===', 'eyJ', 'e30', 'bnVsbA', 'W10', 'IjEi', '_-_-', '\uD800'),
);

/** `a.b.c` and `a.b.c.d.e`: a JWS or JWE whose parts are real base64url JSON, garbage, or missing. */
export const jwtish = fc
  .array(
    fc.oneof(
      base64ish,
      fc.dictionary(fc.constantFrom('alg', 'typ', 'kid', 'enc', 'exp', 'nbf', 'iat', 'iss', 'aud', 'nonce', 'sub', 'crit', 'cty', 'zip'), fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyNumber.filter(Number.isFinite)))
        .map((claims) => Buffer.from(JSON.stringify(claims)).toString('base64url')),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join('.'));

const schemes = fc.constantFrom('https://', 'http://', 'HTTP://', 'chrome-extension://', 'moz-extension://', 'ftp://', 'javascript:', 'data:text/html,', 'file://', 'urn:ietf:', 'com.example.app:/', 'a:', '', '//', 'https:', 'https:/', 'ht tp://');
const hosts = fc.oneof(
  fc.constantFrom('a.example', 'server.example.com', 'login.microsoftonline.com', 'github.com', 'api.github.com', 'oauth2.googleapis.com', 'accounts.google.com', 'dev-1.okta.com', 'x.us.auth0.com', 'gitlab.com', 'localhost', 'foo.localhost', '127.0.0.1', '127.1', '0x7f.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[fe80::1%25eth0]', '[', 'xn--nxasmq6b.example', 'EXAMPLE.COM.', '', '%41.example', 'a..b', '-a-.example', 'mbjdbmbcflbdlbamkjpfaoaaonlmiege.chromiumapp.org'),
  fc.domain(),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
);
const ports = fc.constantFrom('', '', '', ':443', ':80', ':8080', ':4455', ':0', ':65535', ':65536', ':99999', ':', ':a');
const userinfo = fc.constantFrom('', '', '', 'user@', 'user:pw@', 'eyJhbGciOiJIUzI1NiJ9.e30.x@', ':@', '@@');
const paths = fc.oneof(fc.webPath(), piecesString(['/', 'cb', 'oauth', 'token', 'authorize', '.well-known', 'openid-configuration', '%2F', '%', '..', '.', ' ', '\uD800', 'é', '{tenant}', 'v2.0', '\\'], 8));
const queries = fc.oneof(
  fc.constant(''),
  fc.webQueryParameters().map((q) => `?${q}`),
  fc.array(fc.tuple(fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'response_type', 'client_id', 'redirect_uri', 'access_token', 'scope', 'x', ''), anyString.filter((s) => s.length < 60)), { maxLength: 6 })
    .map((pairs) => `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`),
  piecesString().map((q) => `?${q}`),
);
const fragments = fc.oneof(fc.constant(''), fc.constant(''), fc.webFragments().map((f) => `#${f}`), queries.map((q) => `#${q.slice(1)}`));

/** URLs as typed, pasted, redirected to and stored: real ones, odd schemes, ports, hosts and escapes. */
export const urlish: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(schemes, userinfo, hosts, ports, paths, queries, fragments).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: fc.tuple(fc.webUrl(), fc.nat(40), anyString).map(([url, at, piece]) => url.slice(0, at) + piece + url.slice(at + 1)) },
);

/** An application/x-www-form-urlencoded body: names that matter, values that break, escapes half done. */
export const formBody: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id', 'client_secret', 'refresh_token', 'token', 'token_type_hint', 'access_token', 'error', 'error_description', 'scope', 'expires_in', 'client_assertion', 'password'), anyString.filter((s) => s.length < 30)),
      fc.oneof(fc.constantFrom('authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code', 'invalid_grant', 'access_token', '3600', 'offline_access openid', ''), anyString.filter((s) => s.length < 80), urlish),
      fc.boolean(),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([name, value, encode]) => (encode ? `${encodeURIComponent(name.replace(/[\uD800-\uDFFF]/g, ''))}=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}` : `${name}=${value}`)).join('&'));

/** Nested `depth` times: deep enough to overflow any recursive walker (JSON.parse itself copes). */
export const deepJsonText = fc
  .tuple(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('[', '{"a":', '{"error":', '{"expires_in":', '[{"x":'), fc.constantFrom('1', '"x"', 'null', '{}', '[]'))
  .map(([depth, open, inner]) => {
    const close = open === '[' ? ']' : open === '[{"x":' ? '}]' : '}';
    return open.repeat(depth) + inner + close.repeat(depth);
  });

/** The value of that deep nesting, ready to put where an object, a list or a string belongs. */
export const deepValue = deepJsonText.map((text) => JSON.parse(text) as unknown);

/**
 * JSON.stringify that survives the deep values above (it recurses, and overflows past a few
 * thousand levels): what cannot be written is replaced by deep JSON text, which is still what
 * the fuzz means to hand over.
 */
export function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
  }
}

/**
 * An object as JSON.parse or a message can deliver it with keys that collide with JavaScript's
 * own: `__proto__` as an own key, `toString` that is not a function (String(it) throws), a
 * `length` that makes it look like a huge array, `then` that makes it look like a promise.
 */
const TRICKY_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'length', 'then', 'prototype', 'toJSON', 'Symbol.iterator'];
// No chain(): it would make new arbitraries for every value, and fast-check builds a lookup table for each.
export const trickyObject = fc
  .tuple(
    fc.subarray(TRICKY_KEYS, { minLength: 1 }),
    fc.array(fc.oneof(fc.constantFrom(null, 1, 4294967295, -1, 'x', true, {}, []), fc.jsonValue({ maxDepth: 1 })), { minLength: TRICKY_KEYS.length, maxLength: TRICKY_KEYS.length }),
  )
  .map(([keys, values]) => JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key, i) => [key, values[i]])))) as Record<string, unknown>);

/** Anything that JSON, structured clone from a message, or a stored value of another version can hold. */
export const anyData: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 6, withSparseArray: true, withNullPrototype: false }) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: trickyObject },
  { weight: 2, arbitrary: anyString },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, '', [], {}, [null], [[]], [{}]) },
);

/** anyData, and rarely nesting deep enough to overflow a recursive walker (and costly to build). */
export const anyDataOrDeep: fc.Arbitrary<unknown> = fc.oneof({ weight: 100, arbitrary: anyData }, { weight: 1, arbitrary: deepValue });

/** JSON text: valid of any shape, the shapes OAuth bodies have with wrong types, cut short, or deeply nested. */
export const jsonText = (shapes: fc.Arbitrary<unknown>[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 2)) },
    { weight: 2, arbitrary: trickyObject.map((value) => JSON.stringify(value)) },
    ...shapes.map((shape) => ({ weight: 6, arbitrary: shape.map(jsonOf) })),
    { weight: 2, arbitrary: fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(60)).map(([text, at]) => text.slice(0, at)) },
    { weight: 1, arbitrary: rare(deepJsonText, fc.constant('[[[{}]]]')) },
    { weight: 1, arbitrary: fc.constantFrom('{"a":1,"a":2}', '{"__proto__":{"error":"x"}}', '{"error":{"toString":1}}', '[]', 'null', '"x"', '1e999', '{"expires_in":1e400}', '{"access_token":"a","expires_in":"99999999999999999999"}') },
  );

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: anyDataOrDeep.map((value) => ({ kind: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'length', 'then', 'x'), anyData).map(([key, value]) => ({ kind: 'add' as const, key, value })) },
);

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/** A path into `value` chosen by `steps`, one key per step, ending early where nothing is inside. Walked, not enumerated: a run has hundreds of paths. */
function pathIn(value: unknown, steps: readonly number[]): string[] {
  const path: string[] = [];
  let at = value;
  for (const step of steps) {
    if (!isContainer(at)) break;
    const keys = Object.keys(at);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    path.push(key);
    at = at[key];
  }
  return path;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // Assignment would make a "__proto__" key set the prototype; JSON.parse makes it an own key, and so does this.
  try {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } catch {
    // An array's `length` takes only a valid length: such an array cannot come out of JSON either.
  }
}

/** A copy of `root` with one mutation at `path`, copied along the path only: fixtures and frozen catalogues stay untouched. */
function mutateAt(root: unknown, path: string[], change: Mutation): unknown {
  if (path.length === 0) {
    if (change.kind === 'set') return change.value;
    if (change.kind === 'delete') return undefined;
    if (!isContainer(root)) return change.value;
  }
  if (!isContainer(root)) return root;
  // Own keys only, holes kept; never slice(), which an own `constructor` key would break.
  const copy: Record<string, unknown> = Array.isArray(root) ? (new Array(root.length) as unknown as Record<string, unknown>) : {};
  for (const key of Object.keys(root)) define(copy, key, root[key]);
  if (path.length === 0) {
    // Neither JSON nor a message gives an array keys of its own: only objects get one added.
    if (!Array.isArray(copy)) define(copy, (change as { key: string }).key, (change as { value: unknown }).value);
    return copy;
  }
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0 && change.kind === 'delete') delete copy[key];
  else define(copy, key, mutateAt(copy[key], rest, change));
  return copy;
}

/**
 * A real shape with up to three of its fields (at any depth) replaced by a value of the wrong
 * type, deleted, or joined by a key such as `__proto__`: what another version, a hand-edited
 * export or a hostile page hands over. Typed as the shape, which it no longer is.
 */
export function mutated<T>(shape: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(shape, fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), mutation), { minLength: 1, maxLength: 3 }))
    .map(([value, changes]) => {
      let current: unknown = value;
      for (const [steps, change] of changes) current = mutateAt(current, pathIn(current, steps), change);
      return current as T;
    });
}

/**
 * What a parameter typed as the project's data gets: mostly the real shape, often mutated, and
 * sometimes anything at all. Such data comes from storage, messages, files and servers, which
 * the type system does not reach.
 */
export function data<T>(shape: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 5, arbitrary: shape }, { weight: 4, arbitrary: mutated(shape) }, { weight: 1, arbitrary: anyDataOrDeep as fc.Arbitrary<T> });
}

/** `arb`, or undefined as for an optional parameter left out. */
export function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 4 });
}

export type Challenge = { scheme: string; params: Record<string, string> };

// auth-param = token BWS "=" BWS ( token / quoted-string ) (RFC 9110 §11.2). Hand-written
// rather than one regex over the whole value: a comma both separates parameters and challenges.
const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;

/**
 * The challenges of a WWW-Authenticate value (RFC 9110 §11.6.1), parameter names lowercased.
 * Several headers folded into one value, as fetch joins them, read as several challenges.
 * Never throws: what cannot be read is skipped.
 */
export function parseWwwAuthenticate(value: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const skip = (chars: string) => {
    while (i < value.length && chars.includes(value[i]!)) i += 1;
  };
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    const match = pattern.exec(value);
    if (!match) return undefined;
    i = pattern.lastIndex;
    return match[0];
  };
  // "name =" but not "abc==", which is the padding of a token68.
  const atParam = (): boolean => {
    const start = i;
    const name = token(TOKEN);
    skip(' \t');
    const result = name !== undefined && value[i] === '=' && value[i + 1] !== '=';
    i = start;
    return result;
  };
  const quoted = (): string => {
    let out = '';
    i += 1;
    while (i < value.length && value[i] !== '"') {
      if (value[i] === '\\' && i + 1 < value.length) i += 1;
      out += value[i];
      i += 1;
    }
    i += 1;
    return out;
  };
  while (i < value.length) {
    skip(' \t,');
    const scheme = token(TOKEN);
    if (scheme === undefined) {
      i += 1;
      continue;
    }
    const challenge: Challenge = { scheme, params: {} };
    challenges.push(challenge);
    skip(' \t');
    if (!atParam()) {
      const start = i;
      const t68 = token(TOKEN68);
      if (t68 !== undefined && (i >= value.length || /[\s,]/.test(value[i]!))) challenge.params.token68 = t68;
      else i = start;
      continue;
    }
    while (atParam()) {
      const name = token(TOKEN)!.toLowerCase();
      skip(' \t');
      i += 1;
      skip(' \t');
      challenge.params[name] = value[i] === '"' ? quoted() : (token(TOKEN) ?? '');
      skip(' \t');
      if (value[i] !== ',') break;
      // After a comma: another parameter of this challenge, or the next challenge.
      const comma = i;
      skip(' \t,');
      if (!atParam()) {
        i = comma;
        break;
      }
    }
  }
  return challenges;
}

import { KEPT_NAMES, SECRET_NAMES, type SecretKind } from '../catalog/secret-names';

const KEPT = new Set(KEPT_NAMES.map((entry) => entry.name));
const EXACT = new Map<string, SecretKind>();
const SUFFIXES: { suffix: string; kind: SecretKind }[] = [];
for (const rule of SECRET_NAMES) {
  if (rule.pattern.startsWith('*')) SUFFIXES.push({ suffix: rule.pattern.slice(1), kind: rule.kind });
  else if (!EXACT.has(rule.pattern)) EXACT.set(rule.pattern, rule.kind);
}

/**
 * What a name says its value is (see secret-names.ts), or undefined when it names nothing secret.
 * Case, `-`, `_`, `.` and surrounding white space are ignored; `user[password]` is judged by `password`.
 */
export function secretNameKind(name: string): SecretKind | undefined {
  if (typeof name !== 'string' || name.length > 200) return undefined;
  const bracketed = /\[([^[\]]*)\]\s*$/.exec(name);
  const compared = normalise(bracketed && bracketed[1] !== '' ? bracketed[1]! : name);
  if (compared === '' || KEPT.has(compared)) return undefined;
  const exact = EXACT.get(compared);
  if (exact) return exact;
  return SUFFIXES.find((rule) => compared.endsWith(rule.suffix))?.kind;
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]/g, '');
}

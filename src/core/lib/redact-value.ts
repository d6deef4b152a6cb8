import type { SecretKind } from '../secret-names';
import { maskValue } from './mask-value';
import { redactCredentials } from './redact-credentials';

/** A secret value as it may be shown, by what its name says it is. */
export function redactValue(value: string, kind: SecretKind, name?: string): string {
  return kind === 'credentials' ? redactCredentials(value) : maskValue(value, kind, name);
}

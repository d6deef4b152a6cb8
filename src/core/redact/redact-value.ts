import type { SecretKind } from '../catalog/secret-names';
import { isMask, maskValue } from './mask-value';
import { redactCredentials } from './redact-credentials';

/** A secret value as it may be shown, by what its name says it is; a mask already there stays. */
export function redactValue(value: string, kind: SecretKind, name?: string): string {
  if (isMask(value)) return value;
  return kind === 'credentials' ? redactCredentials(value) : maskValue(value, kind, name);
}

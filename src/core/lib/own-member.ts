import { isRecord } from './is-record';

/**
 * A member of an object handed over from outside the type system: an own property only (never
 * one of Object.prototype's, such as `toString`), and undefined instead of whatever a hostile
 * getter or proxy would throw.
 */
export function ownMember(value: unknown, name: string): unknown {
  try {
    return isRecord(value) && Object.hasOwn(value, name) ? value[name] : undefined;
  } catch {
    return undefined;
  }
}

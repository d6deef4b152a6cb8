import { isRecord } from '../lib/is-record';
import type { FlowProfile } from './flow-profile';

/**
 * Profiles as JSON to share or keep, never with their secrets. Never throws: a stored entry that
 * is not a profile, or one JSON cannot write (nested too deep), is left out; it could not be
 * imported either.
 */
export function exportProfiles(profiles: FlowProfile[]): string {
  const shareable = (Array.isArray(profiles) ? profiles : [])
    .filter(isRecord)
    .map(({ id: _id, clientSecret: _secret, rememberSecret: _remember, ...rest }) => rest)
    .filter(writable);
  return JSON.stringify({ oauthLensProfiles: 1, profiles: shareable }, null, 2);
}

function writable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

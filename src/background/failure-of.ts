import { Failure, type FailureData } from '../messages';
import { errorMessage, FlowFailure } from './flow-environment';
import { isQuotaError } from './stored';

/**
 * What a handler's thrown error becomes in the reply. A `Failure` says its own code; a flow
 * action's request that got no answer says whether a host permission would have helped; the
 * rest is named by what it is, or `internal`.
 */
export function failureOf(error: unknown): FailureData {
  const message = errorMessage(error);
  if (error instanceof Failure) return { code: error.code, message, ...(error.unreachableUrl ? { unreachableUrl: error.unreachableUrl } : {}) };
  if (error instanceof FlowFailure && error.reason === 'network_error') {
    return error.url ? { code: 'host_permission_missing', message, unreachableUrl: error.url } : { code: 'unreachable', message };
  }
  if (isQuotaError(error)) return { code: 'storage_full', message };
  return { code: 'internal', message };
}

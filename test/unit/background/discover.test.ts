import { describe, expect, it, vi } from 'vitest';
import type { BackgroundParts } from '../../../src/background/browser-environment';
import type { FlowEnvironment } from '../../../src/background/flow-environment';
import type { WatchControl } from '../../../src/background/watch/watch-handlers';
import { failureOf } from './fakes/failure-of';

// Check discovery on a server that gives no answer says which case it was, as Run says it,
// instead of the browser's "Failed to fetch".
vi.mock('webextension-polyfill', () => ({ default: { runtime: { getManifest: () => ({ permissions: ['storage'], optional_permissions: ['webRequest'] }) } } }));
const { createHandlers } = await import('../../../src/background/handlers');

const ISSUER = 'https://login.example.com';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const failedToFetch = async () => Promise.reject(new TypeError('Failed to fetch'));
const timedOut = async () => Promise.reject(Object.assign(new Error('The operation timed out.'), { name: 'TimeoutError' }));

/** The discover handler over a fake network: what fetch does, whether anything answers at the origin, which hosts are held. */
function discoverWith({ fetch, reachable = false, held = false }: { fetch: typeof globalThis.fetch; reachable?: boolean; held?: boolean }) {
  const probed: string[] = [];
  const env = {
    fetch,
    hosts: { holds: async () => held, wait: async () => 'declined' },
    reachable: async (origin: string) => (probed.push(origin), reachable),
  } as unknown as FlowEnvironment;
  const handlers = createHandlers({ errors: {}, gate: {} } as unknown as BackgroundParts, { handlers: {} } as unknown as WatchControl, () => env);
  return { discover: () => handlers.discover({ issuer: ISSUER }), probed };
}


describe('Check discovery without an answer', () => {
  it('no server at the origin: no connection, with what that can be, not "Failed to fetch"', async () => {
    const { discover, probed } = discoverWith({ fetch: failedToFetch, reachable: false });
    const error = await failureOf(discover());
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(
      'No connection to login.example.com: connection refused (nothing listens on that port, or a firewall said no); or the host name does not resolve (DNS); or a TLS failure (certificate not trusted, expired, or for another name).',
    );
    // Only the origin is probed, never the discovery URL again.
    expect(probed).toEqual([ISSUER]);
  });

  it('a server answers, but the browser hid its answer (no host permission, no CORS): the host permission is offered', async () => {
    const error = await failureOf(discoverWith({ fetch: failedToFetch, reachable: true, held: false }).discover());
    expect(error.code).toBe('host_permission_missing');
    expect(error.unreachableUrl).toBe(DISCOVERY);
    expect(error.message).toContain(`The request to ${DISCOVERY} was sent, but the browser hid the answer`);
    expect(error.message).toContain('Allow OAuth Lens to reach login.example.com');
  });

  it('the host permission held and a server there: the connection ended without an answer', async () => {
    const error = await failureOf(discoverWith({ fetch: failedToFetch, reachable: true, held: true }).discover());
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`The connection to login.example.com ended without an answer to ${DISCOVERY}.`);
  });

  it('no answer in time: says so, without probing', async () => {
    const { discover, probed } = discoverWith({ fetch: timedOut });
    const error = await failureOf(discover());
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`No answer from ${DISCOVERY} in time.`);
    expect(probed).toEqual([]);
  });

  it('an answer that is no discovery document: its status is named', async () => {
    const notFound = async () => new Response('<html><h1>Not Found</h1></html>', { status: 404, headers: { 'content-type': 'text/html' } });
    const error = await failureOf(discoverWith({ fetch: notFound }).discover());
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(new RegExp(`^Discovery answered HTTP 404 at ${DISCOVERY.replace(/[.?]/g, '\\$&')}\\. `));
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { FlowProfile } from '../../../src/core';
import { memoryArea } from './fakes/memory-area';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { deleteProfile, listProfiles, saveProfile } = await import('../../../src/background/profile-store');

const SECRET = 'sEcReT-4f9a1c2e7b';

const profile = (name: string, extra: Partial<FlowProfile> = {}): FlowProfile => ({
  name,
  issuer: 'https://login.example.com',
  clientId: `client-${name}`,
  redirectUri: '',
  scope: 'openid',
  pkce: 'S256',
  clientAuth: 'client_secret_basic',
  ...extra,
});

function stores() {
  const local = memoryArea();
  const session = memoryArea();
  let next = 0;
  return {
    stores: { local: local.area, session: session.area },
    local,
    session,
    newId: () => `p${++next}`,
    /** What a browser restart leaves: storage.local as it was, storage.session empty. */
    restarted: () => ({ local: local.area, session: memoryArea().area }),
  };
}

describe('saving, listing and deleting profiles', () => {
  it('a new profile gets an id and is listed as saved', async () => {
    const { stores: areas, newId } = stores();
    const saved = await saveProfile(profile('a'), newId, areas);
    expect(saved).toMatchObject({ id: 'p1', name: 'a', clientId: 'client-a' });
    expect(await listProfiles(areas)).toEqual([saved]);
  });

  it('saves and deletes made at once all land (the area yields between read and write)', async () => {
    const { stores: areas, newId } = stores();
    const first = await saveProfile(profile('keep'), newId, areas);
    const doomed = await saveProfile(profile('doomed', { clientSecret: SECRET }), newId, areas);
    await Promise.all([...['a', 'b', 'c', 'd'].map((name) => saveProfile(profile(name, { clientSecret: `${SECRET}-${name}` }), newId, areas)), deleteProfile(doomed.id!, areas)]);
    const listed = await listProfiles(areas);
    expect(listed.map((p) => p.name).sort()).toEqual(['a', 'b', 'c', 'd', 'keep']);
    expect(listed.find((p) => p.name === 'c')?.clientSecret).toBe(`${SECRET}-c`);
    expect(listed.find((p) => p.id === first.id)).toBeDefined();
  });

  it('saving a profile with an id replaces it; others stay', async () => {
    const { stores: areas, newId } = stores();
    const a = await saveProfile(profile('a'), newId, areas);
    const b = await saveProfile(profile('b'), newId, areas);
    await saveProfile({ ...a, scope: 'openid email' }, newId, areas);
    const listed = await listProfiles(areas);
    expect(listed).toHaveLength(2);
    expect(listed.find((p) => p.id === a.id)?.scope).toBe('openid email');
    expect(listed.find((p) => p.id === b.id)).toEqual(b);
  });

  it('delete removes the profile and its secret, and nothing else', async () => {
    const { stores: areas, newId, session } = stores();
    const a = await saveProfile(profile('a', { clientSecret: SECRET }), newId, areas);
    const b = await saveProfile(profile('b', { clientSecret: 'other-secret' }), newId, areas);
    await deleteProfile(a.id!, areas);
    expect(await listProfiles(areas)).toEqual([b]);
    expect(JSON.stringify(session.contents())).not.toContain(SECRET);
    expect(JSON.stringify(session.contents())).toContain('other-secret');
  });
});

describe('where a client secret is kept', () => {
  it('not remembered: in storage.session only, and nowhere in storage.local', async () => {
    const { stores: areas, newId, local, session } = stores();
    const saved = await saveProfile(profile('a', { clientSecret: SECRET }), newId, areas);
    expect(saved.clientSecret).toBe(SECRET);
    expect(JSON.stringify(local.contents())).not.toContain(SECRET);
    expect(JSON.stringify(session.contents())).toContain(SECRET);
    expect((await listProfiles(areas))[0]!.clientSecret).toBe(SECRET);
  });

  it('not remembered: gone after a browser restart, the rest of the profile kept', async () => {
    const { stores: areas, newId, restarted } = stores();
    await saveProfile(profile('a', { clientSecret: SECRET }), newId, areas);
    const [after] = await listProfiles(restarted());
    expect(after).toMatchObject({ id: 'p1', name: 'a', clientId: 'client-a' });
    expect(after!.clientSecret).toBeUndefined();
  });

  it('remembered: in storage.local, and so still there after a restart', async () => {
    const { stores: areas, newId, local, session, restarted } = stores();
    await saveProfile(profile('a', { clientSecret: SECRET, rememberSecret: true }), newId, areas);
    expect(JSON.stringify(local.contents())).toContain(SECRET);
    expect(JSON.stringify(session.contents())).not.toContain(SECRET);
    expect((await listProfiles(restarted()))[0]!.clientSecret).toBe(SECRET);
  });

  it('remembered, then no longer: the secret leaves storage.local for storage.session', async () => {
    const { stores: areas, newId, local, session } = stores();
    const saved = await saveProfile(profile('a', { clientSecret: SECRET, rememberSecret: true }), newId, areas);
    await saveProfile({ ...saved, rememberSecret: false }, newId, areas);
    expect(JSON.stringify(local.contents())).not.toContain(SECRET);
    expect(JSON.stringify(session.contents())).toContain(SECRET);
    expect((await listProfiles(areas))[0]!.clientSecret).toBe(SECRET);
  });

  it('not remembered, then remembered: no copy is left in storage.session', async () => {
    const { stores: areas, newId, session } = stores();
    const saved = await saveProfile(profile('a', { clientSecret: SECRET }), newId, areas);
    await saveProfile({ ...saved, rememberSecret: true }, newId, areas);
    expect(JSON.stringify(session.contents())).not.toContain(SECRET);
    expect((await listProfiles(areas))[0]!.clientSecret).toBe(SECRET);
  });

  it('a secret cleared in the form is cleared in storage too', async () => {
    const { stores: areas, newId, session } = stores();
    const saved = await saveProfile(profile('a', { clientSecret: SECRET }), newId, areas);
    const { clientSecret: _dropped, ...without } = saved;
    await saveProfile(without, newId, areas);
    expect(JSON.stringify(session.contents())).not.toContain(SECRET);
    expect((await listProfiles(areas))[0]!.clientSecret).toBeUndefined();
  });

  it('each profile keeps its own secret', async () => {
    const { stores: areas, newId } = stores();
    await saveProfile(profile('a', { clientSecret: 'secret-a' }), newId, areas);
    await saveProfile(profile('b', { clientSecret: 'secret-b' }), newId, areas);
    await saveProfile(profile('c'), newId, areas);
    expect((await listProfiles(areas)).map((p) => [p.name, p.clientSecret])).toEqual([
      ['a', 'secret-a'],
      ['b', 'secret-b'],
      ['c', undefined],
    ]);
  });
});

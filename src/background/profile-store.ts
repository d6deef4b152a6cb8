import browser from 'webextension-polyfill';
import type { FlowProfile } from '../core';
import { serial } from './serial';
import { readStored } from './stored';

// Profiles persist in storage.local; a client secret goes there only when the user ticked
// "remember secret", otherwise it stays in storage.session and is gone when the browser closes.
const PROFILES = 'profiles';
const SECRETS = 'profileSecrets';

type Stores = { local: browser.Storage.StorageArea; session: browser.Storage.StorageArea };
const defaults = (): Stores => ({ local: browser.storage.local, session: browser.storage.session });
// Saves and deletes read, change and write both lists: two at once would lose one's change.
const queue = serial();

async function stored(stores: Stores): Promise<{ profiles: FlowProfile[]; secrets: Record<string, string> }> {
  const profiles = await readStored<FlowProfile[]>(stores.local, PROFILES, []);
  const secrets = await readStored<Record<string, string>>(stores.session, SECRETS, {});
  return { profiles, secrets };
}

/** The saved profiles, each with its secret from wherever it is kept. */
export async function listProfiles(stores = defaults()): Promise<FlowProfile[]> {
  const { profiles, secrets } = await stored(stores);
  return profiles.map((p) => (p.rememberSecret || !p.id || !secrets[p.id] ? p : { ...p, clientSecret: secrets[p.id] }));
}

export function saveProfile(profile: FlowProfile, newId: () => string, stores = defaults()): Promise<FlowProfile> {
  return queue(async () => {
    const { profiles, secrets } = await stored(stores);
    const id = profile.id ?? newId();
    const { clientSecret, ...rest } = profile;
    const kept: FlowProfile = profile.rememberSecret && clientSecret ? { ...rest, id, clientSecret } : { ...rest, id };
    const others = profiles.filter((p) => p.id !== id);
    const { [id]: _old, ...otherSecrets } = secrets;
    await stores.local.set({ [PROFILES]: [...others, kept] });
    await stores.session.set({ [SECRETS]: !profile.rememberSecret && clientSecret ? { ...otherSecrets, [id]: clientSecret } : otherSecrets });
    return { ...kept, ...(clientSecret ? { clientSecret } : {}) };
  });
}

export function deleteProfile(id: string, stores = defaults()): Promise<void> {
  return queue(async () => {
    const { profiles, secrets } = await stored(stores);
    const { [id]: _gone, ...rest } = secrets;
    await stores.local.set({ [PROFILES]: profiles.filter((p) => p.id !== id) });
    await stores.session.set({ [SECRETS]: rest });
  });
}

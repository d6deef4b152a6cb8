import type { PageDriver } from '../../../dev/browsers/extension-browser';

/** The optional hosts the extension holds right now, read through the extension API from one of its pages. */
export function grantedOrigins(page: PageDriver): Promise<string[]> {
  return page.evaluate(async () => {
    type Api = { permissions: { getAll(): Promise<{ origins?: string[] }> } };
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.permissions.getAll()).origins ?? [];
  }, undefined);
}

/** What watching needs, held right now: the hosts, and whether webRequest is. */
export function granted(page: PageDriver): Promise<{ origins: string[]; webRequest: boolean }> {
  return page.evaluate(async () => {
    type Api = { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } };
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    const all = await api.permissions.getAll();
    return { origins: all.origins ?? [], webRequest: (all.permissions ?? []).includes('webRequest') };
  }, undefined);
}

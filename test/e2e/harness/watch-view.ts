import type { PageDriver } from './extension-browser';

/** What a person accepts when the Watch tab asks to watch a host on 127.0.0.1: the API permission and loopback's origins. */
export const LOOPBACK_WATCH_GRANT = { permissions: ['webRequest'], origins: ['http://127.0.0.1/*', 'https://127.0.0.1/*'] };

/** Adds a host in the popup's Watch tab, as a person would, and waits until it is listed. */
export async function watchHost(popup: PageDriver, pattern: string): Promise<void> {
  await popup.click('[role=tab][data-tab=watch]');
  await popup.fill('input[name=watchPattern]', pattern);
  await popup.click('button[data-action=add-watch]');
  await popup.waitFor(`[data-testid=watch-list] li[data-pattern="${pattern}"]`);
}

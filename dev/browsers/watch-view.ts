import type { PageDriver } from './extension-browser';

/** What a person accepts when the Watch tab asks to watch a host on 127.0.0.1: the API permission and loopback's origins. */
export const LOOPBACK_WATCH_GRANT = { permissions: ['webRequest'], origins: ['http://127.0.0.1/*', 'https://127.0.0.1/*'] };

/** Types a host into the Watch tab and clicks Watch, which asks for it from that click; does not wait for the answer. */
export async function askToWatch(popup: PageDriver, pattern: string): Promise<void> {
  await popup.click('[role=tab][data-tab=watch]');
  await popup.fill('input[name=watchPattern]', pattern);
  await popup.click('button[data-action=add-watch]');
}

/** Adds a host in the popup's Watch tab, as a person would, and waits until it is listed. */
export async function watchHost(popup: PageDriver, pattern: string): Promise<void> {
  await askToWatch(popup, pattern);
  await popup.waitFor(`[data-testid=watch-list] li[data-pattern="${pattern}"]`);
}

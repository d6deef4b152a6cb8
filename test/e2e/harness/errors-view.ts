import type { PageDriver } from '../../../dev/browsers/extension-browser';

export type ListedError = { category: string; status: string; text: string };

/** Opens the popup's Errors tab afresh (it reloads on opening) and reads the list, newest first. */
export async function openErrors(popup: PageDriver): Promise<ListedError[]> {
  await popup.click('[role=tab][data-tab=inspect]');
  await popup.click('[role=tab][data-tab=errors]');
  await popup.waitFor('[data-testid=error-entry], [data-testid=no-errors]');
  return popup.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid=error-entry]')].map((li) => ({
        category: li.dataset.category ?? '',
        status: li.dataset.status ?? '',
        text: li.textContent ?? '',
      })),
    undefined,
  );
}

/**
 * Where the opened error's detail is: in its row when the page is narrow (the popup, a side
 * panel), beside the list from 900 px (a tab).
 */
export const OPENED_DETAIL = (index: number) => `[data-testid=error-entry]:nth-child(${index + 1}) [data-testid=error-detail], .errors .pane [data-testid=error-detail]`;

/** Opens the n-th listed error (0: newest) and returns what its detail shows. */
export async function openError(popup: PageDriver, index: number): Promise<{ explanation: string; detail: string }> {
  await popup.evaluate((i) => {
    const row = document.querySelectorAll<HTMLElement>('[data-testid=error-entry] button.error-row')[i];
    if (row?.getAttribute('aria-expanded') !== 'true') row?.click();
  }, index);
  await popup.waitFor(OPENED_DETAIL(index));
  return popup.evaluate((selector) => {
    const detail = document.querySelector(selector)!;
    return { explanation: detail.querySelector('[data-testid=explanation]')?.textContent ?? '', detail: detail.textContent ?? '' };
  }, OPENED_DETAIL(index));
}

/** The toolbar badge's text, read through the extension API from one of its pages. */
export function badgeText(page: PageDriver): Promise<string> {
  return page.evaluate(() => {
    type Api = { action: { getBadgeText(details: object): Promise<string> } };
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return api.action.getBadgeText({});
  }, undefined);
}

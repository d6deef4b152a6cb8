import browser from 'webextension-polyfill';

/** Where this page of the extension is shown: the views lay out and offer what fits the place. */
export type Place = 'popup' | 'panel' | 'tab';

/** Opens the workspace somewhere that stays open beside the app. */
export type OpenView = () => Promise<void>;

const PAGE = 'src/popup/index.html';

type ChromeSidePanel = { open(options: { windowId: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

/** Known at once, before the first paint: the popup is laid out as a column, the rest by their width. */
export function isPopup(): boolean {
  return browser.extension.getViews({ type: 'popup' }).includes(window);
}

export async function placeOf(): Promise<Place> {
  if (isPopup()) return 'popup';
  return (await browser.tabs.getCurrent().catch(() => undefined)) ? 'tab' : 'panel';
}

/** The same views in a tab of their own. */
export const openInTab: OpenView = async () => void (await browser.tabs.create({ url: browser.runtime.getURL(PAGE) }));

/**
 * Chrome's side panel or Firefox's sidebar, or undefined where the browser has neither. Both
 * open only from a click, so what the call needs (Chrome's window id) is read beforehand.
 */
export function panelOpener(): OpenView | undefined {
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (sidebar) return () => sidebar.open();
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (!sidePanel) return undefined;
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((current) => (windowId = current.id), () => {});
  return async () => {
    if (windowId === undefined) throw new Error('The browser window is not known yet: try again.');
    await sidePanel.open({ windowId });
  };
}

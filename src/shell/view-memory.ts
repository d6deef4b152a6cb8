import browser from 'webextension-polyfill';

/** Where the person was, for this browser session (as long as its runs are kept): opened again, the views go back there. */
export type ViewState = { tab?: string | undefined; runId?: string | undefined; entryId?: string | undefined };
export type ViewMemory = {
  load(): Promise<ViewState>;
  /** Changes what is named and keeps the rest (another view may have saved the tab meanwhile). */
  update(change: Partial<ViewState>): Promise<void>;
};

const KEY = 'viewState';

async function load(): Promise<ViewState> {
  const stored: unknown = (await browser.storage.session.get(KEY))[KEY];
  return stored && typeof stored === 'object' ? (stored as ViewState) : {};
}

export const viewMemory: ViewMemory = {
  load,
  update: async (change) => browser.storage.session.set({ [KEY]: { ...(await load()), ...change } }),
};

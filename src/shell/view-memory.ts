import browser from 'webextension-polyfill';

/** Where the person was, for this browser session (as long as its runs are kept): opened again, the views go back there. */
export type ViewState = { tab?: string; runId?: string; entryId?: string };
export type ViewMemory = { load(): Promise<ViewState>; save(state: ViewState): Promise<void> };

const KEY = 'viewState';

export const viewMemory: ViewMemory = {
  load: async () => {
    const stored: unknown = (await browser.storage.session.get(KEY))[KEY];
    return stored && typeof stored === 'object' ? (stored as ViewState) : {};
  },
  save: (state) => browser.storage.session.set({ [KEY]: state }),
};

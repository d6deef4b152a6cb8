/**
 * What a test needs from a browser with the extension loaded, the same for Chromium
 * (Playwright) and Firefox (Puppeteer over WebDriver BiDi), so each scenario is written once.
 */
export interface ExtensionBrowser {
  name: 'chromium' | 'firefox';
  /** The extension's origin, e.g. chrome-extension://<id>/ */
  origin: string;
  /** Browser name and full version, e.g. "Chromium 156.0.8078.79". */
  version(): Promise<string>;
  /** Opens a page of the extension (a path such as src/popup/index.html) in a tab, once loaded. */
  openPage(path: string): Promise<PageDriver>;
  /** Opens a web page (http: or https:) in a new tab, once loaded. */
  openUrl(url: string): Promise<PageDriver>;
  /** Opens the popup page in a tab and waits until it reports ready. */
  openPopup(): Promise<PageDriver>;
  /**
   * Opens the real toolbar popup, the one the extension's toolbar button opens (not a tab), and
   * waits until it reports ready: its driver clicks with real input events, so a click may ask for
   * a permission. Chromium (chromium-toolbar-popup.ts): like a person's, the popup closes when
   * another window or the permission prompt takes focus, and its driver then fails ("the toolbar
   * popup is closed"): what the popup meant to do after asking never runs, which is the point of
   * testing with it. Firefox (firefox-toolbar-popup.ts), only with `realPermissionPrompts`, as
   * its clicks are made on the screen: the popup stays open under the prompt.
   */
  openToolbarPopup?(): Promise<PageDriver>;
  /**
   * Clicks `selector` in `from`, a view of the extension driven with real clicks (the toolbar
   * popup, say), and drives the view that click opens once it has rendered: `panel`, Chrome's side
   * panel or Firefox's sidebar (both open only from a user gesture), or `tab`, a new tab of the
   * extension's page. Only with `realPermissionPrompts` (headful, real input).
   */
  openViewFrom?(from: PageDriver, selector: string, where: 'panel' | 'tab'): Promise<PageDriver>;
  /**
   * Opens `url` in a new tab, and in the DevTools window the browser opens with it shows the
   * extension's "OAuth" panel, as a person clicks its name there; resolves with the tab and the
   * panel, once rendered. Chromium only, launched with `devtools`.
   */
  openWithDevtoolsPanel?(url: string): Promise<{ page: PageDriver; panel: PageDriver }>;
  /**
   * Waits until the browser shows its permission prompt, then answers it as a person would, with
   * the keyboard (xdotool, on the harness's own display), and resolves once the prompt is gone.
   * Only for a browser launched with `realPermissionPrompts`.
   *
   * Trigger the prompt first with an ordinary click of the driver (a user gesture) that does not
   * wait for the answer (PageDriver.click does not), then call this at once, without awaiting
   * anything that waits for the answer, such as the text the page shows after it:
   *
   *     await popup.click('button[data-action=add-watch]');
   *     await browser.answerPermissionPrompt('allow');
   *
   * It takes about 1.5–2 s: the prompt shows 0.2–0.7 s after the click, the browsers ignore its
   * buttons for 0.5 s after that, and the harness waits 1 s to be safe. It fails, saving the
   * screen under reports/, when no prompt shows within 10 s or the prompt stays once answered.
   */
  answerPermissionPrompt(answer: 'allow' | 'deny'): Promise<void>;
  /** An open window whose URL contains `fragment`, if there is one now. */
  findWindow(fragment: string): Promise<PageDriver | undefined>;
  /** Resolves with the next window whose URL contains `fragment` (e.g. the provider's sign-in page). */
  waitForWindow(fragment: string): Promise<PageDriver>;
  /** The URLs of every open page and window, for a failure to say where things stood. */
  windowUrls(): Promise<string[]>;
  /** Stops the extension's service worker, as Chrome does to idle workers (Chromium only). */
  stopWorker?(): Promise<void>;
  /** Settles when the browser is gone, closed by the code or by a person. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export type LaunchOptions = {
  /** Chromium opens DevTools on every tab, as a developer with DevTools open would have it (headful, on the harness's display). */
  devtools?: boolean;
  /** Default true; `npm start` shows the browser. */
  headless?: boolean;
  /** Lets another process drive the same browser (the e2e test of `npm start`). Chromium only. */
  remoteDebuggingPort?: number;
  /** The caller handles Ctrl-C itself instead of the driver closing the browser on it. */
  ownSignals?: boolean;
  /** Lets pages read and write the clipboard without a prompt (Chromium; tests only). */
  clipboard?: boolean;
  /**
   * The fast path past the permission prompt, for tests about what follows a grant: the person
   * has already said yes to these optional permissions, and no prompt is shown. Firefox: its
   * `extensions.webextOptionalPermissionPrompts` pref grants what the extension asks for, when it
   * asks. Chromium has no such switch: they are written into the fresh profile before launch, as
   * Chromium keeps them once a person has accepted, and permissions.request for them then resolves
   * at once (it also means the browser starts holding them, which a grant at run time is not: see
   * ../shared/docs/browser-testing.md on webRequest). Either way the extension still asks through
   * permissions.request. To cross the real prompt instead, use `realPermissionPrompts`.
   */
  grantOptionalPermissions?: { permissions: string[]; origins: string[] };
  /**
   * The browser shows its own permission prompt, and the test answers it with
   * `answerPermissionPrompt`, as a person would. The browser then runs headful on an X display
   * of the harness's own (Xvfb, and openbox for Firefox, whose panels close without a window
   * manager), started with it and stopped when it closes; nothing is granted beforehand and no
   * pref turns prompts off. Needs Debian's xvfb, xdotool, imagemagick and openbox. Cannot be
   * combined with `grantOptionalPermissions` or `headless: true`.
   */
  realPermissionPrompts?: boolean;
  /** The built extension to load; default dist/<browser>. */
  extensionDir?: string;
};

export interface PageDriver {
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitFor(selector: string): Promise<void>;
  text(selector: string): Promise<string>;
  /** Runs in the page; `fn` is serialised, so it may use only its argument and page globals. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  url(): string;
  /** Chooses `path` in the file input at `selector`, as the browser's file dialog would (pages in tabs only). */
  chooseFile?(selector: string, path: string): Promise<void>;
  /**
   * Sets the page's viewport to `size` and saves what it shows as a PNG at `path`. Pages in tabs
   * only: the toolbar popup and the side views are as large as the browser makes them.
   */
  screenshot?(path: string, size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

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
  /** An open window whose URL contains `fragment`, if there is one now. */
  findWindow(fragment: string): Promise<PageDriver | undefined>;
  /** Resolves with the next window whose URL contains `fragment` (e.g. the provider's sign-in page). */
  waitForWindow(fragment: string): Promise<PageDriver>;
  /** Stops the extension's service worker, as Chrome does to idle workers (Chromium only). */
  stopWorker?(): Promise<void>;
  /** Settles when the browser is gone, closed by the code or by a person. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export type LaunchOptions = {
  /** Default true; `npm start` shows the browser. */
  headless?: boolean;
  /** Lets another process drive the same browser (the e2e test of `npm start`). Chromium only. */
  remoteDebuggingPort?: number;
  /** The caller handles Ctrl-C itself instead of the driver closing the browser on it. */
  ownSignals?: boolean;
  /** Lets pages read and write the clipboard without a prompt (Chromium; tests only). */
  clipboard?: boolean;
  /**
   * The person says yes to these optional permissions, since no driver can answer the browser's
   * prompt. Firefox: its `extensions.webextOptionalPermissionPrompts` pref grants what the
   * extension asks for, when it asks. Chromium has no such switch: they are granted in the fresh
   * profile before launch, as if accepted in an earlier session, and permissions.request for them
   * then resolves at once. Either way the extension still asks through permissions.request.
   */
  grantOptionalPermissions?: { permissions: string[]; origins: string[] };
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
  close(): Promise<void>;
}

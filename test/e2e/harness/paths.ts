import { fileURLToPath } from 'node:url';

export const DIST_CHROME = fileURLToPath(new URL('../../../dist/chrome', import.meta.url));
export const DIST_FIREFOX = fileURLToPath(new URL('../../../dist/firefox', import.meta.url));
export const POPUP_PATH = 'src/popup/index.html';

/** Debian's browsers, or the ones named in the environment. No test tool downloads a browser. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

import { existsSync } from 'node:fs';

// Chromium first: branded Google Chrome ignores --load-extension since version 137.
const CANDIDATES = {
  chrome: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
};

/** The browser on this machine: CHROME_PATH / FIREFOX_PATH when set, else the first installed candidate. */
export function findBrowser(kind: 'chrome' | 'firefox'): string {
  const fromEnv = process.env[kind === 'chrome' ? 'CHROME_PATH' : 'FIREFOX_PATH'];
  if (fromEnv) return fromEnv;
  const found = CANDIDATES[kind].find((path) => existsSync(path));
  if (!found) {
    const variable = kind === 'chrome' ? 'CHROME_PATH' : 'FIREFOX_PATH';
    throw new Error(`No ${kind === 'chrome' ? 'Chromium or Chrome' : 'Firefox'} found; set ${variable} to its executable.`);
  }
  return found;
}

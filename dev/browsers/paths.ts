import { fileURLToPath } from 'node:url';

export const DIST_CHROME = fileURLToPath(new URL('../../dist/chrome', import.meta.url));
export const DIST_FIREFOX = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
export const POPUP_PATH = 'src/popup/index.html';

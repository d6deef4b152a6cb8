import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Display, Screenshot, ScreenWindow } from './display';
import { sleep } from './display';

/** What the person answers to the browser's permission prompt. */
export type PromptAnswer = 'allow' | 'deny';

/** How long the harness looks for a prompt before it gives up. */
export const PROMPT_TIMEOUT_MS = 10_000;

/**
 * How long to wait once the prompt is seen, before pressing anything. Both browsers ignore the
 * prompt's buttons for a moment after showing it, against clickjacking: Chromium keeps Allow
 * disabled about 0.5 s (pressed earlier, Tab misses it and Return picks Deny), Firefox ignores
 * its notification buttons for security.notification_enable_delay (0.5 s).
 */
export const BUTTONS_ENABLED_AFTER_MS = 1000;

/** How long the prompt may take to go away once answered. */
const CLOSE_TIMEOUT_MS = 5000;

const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));

/** Logs each prompt's timings to stderr when OAUTH_LENS_DEBUG_PROMPTS=1 (for measuring the harness). */
const debug = process.env.OAUTH_LENS_DEBUG_PROMPTS === '1' ? (text: string) => process.stderr.write(`[prompt] ${text}\n`) : () => {};

/**
 * Chromium shows an extension's permission prompt as a modal dialog over its window: the whole
 * window, tab strip and toolbar included, is dimmed to 40 % (white becomes 102), and the dialog,
 * about 450 px wide, sits at the top, in the middle. The dialog is drawn inside the browser's own
 * X window, so only the picture tells it is there.
 *
 * Seen when, in the largest window on the display, the brightest pixel of the parts the dialog
 * never covers (a strip down each side, the bottom third) is between 50 and 140: dimmed, and
 * not merely a window still black. Undimmed, the browser's own toolbar is white or nearly
 * (Chromium's default light theme, which a fresh profile on Xvfb has), whatever the page.
 *
 * Answered with the keyboard, as a person would: the dialog opens with Deny focused, so
 * Tab, Return is Allow and Return alone is Deny.
 */
export async function answerChromiumPrompt(display: Display, answer: PromptAnswer, since: number | undefined): Promise<void> {
  const started = Date.now();
  const window = await largestWindow(display);
  const shown = await poll(display, (shot) => brightestOutsideDialog(shot, window), (level) => level >= 50 && level <= 140);
  if (!shown.found) {
    throw await failure(display, 'chromium', `no permission prompt within ${PROMPT_TIMEOUT_MS / 1000} s: the window was never dimmed (brightest pixel outside the dialog's place: ${shown.value} of 255, dimmed is 50–140)`);
  }
  debug(`chromium: prompt seen ${since ? `${shown.at - since} ms after the click, ` : ''}after ${shown.at - started} ms of looking (${shown.captures} captures)`);
  await sleep(BUTTONS_ENABLED_AFTER_MS);
  if (answer === 'allow') {
    await display.key('Tab');
    await sleep(200);
  }
  await display.key('Return');
  const closed = await poll(display, (shot) => brightestOutsideDialog(shot, window), (level) => level > 180, CLOSE_TIMEOUT_MS);
  if (!closed.found) throw await failure(display, 'chromium', `the permission prompt was still shown ${CLOSE_TIMEOUT_MS / 1000} s after answering ${answer}`);
  debug(`chromium: answered ${answer}, prompt gone ${closed.at - shown.at} ms after it was seen`);
}

/**
 * Firefox shows the prompt as a doorhanger: a panel hanging from the extensions button, in an X
 * window of its own whose WM_CLASS instance is "Firefox" (its main window's is "Navigator"), as
 * the extension's toolbar popup is too. So the prompt is a panel window that was not there before
 * the click that asked (`before`), at least 150 × 60.
 *
 * Answered with its access keys, as a person would: Alt+A is "Allow", Alt+D is "Deny" (the
 * underlined letters).
 */
export async function answerFirefoxPrompt(display: Display, answer: PromptAnswer, before: ReadonlySet<string>, since: number | undefined): Promise<void> {
  const started = Date.now();
  const panels = async () => (await display.windows({ classname: '^Firefox$' })).filter((w) => w.width >= 150 && w.height >= 60 && !before.has(w.id));
  let prompt: ScreenWindow | undefined;
  let looks = 0;
  while (!prompt && Date.now() - started < PROMPT_TIMEOUT_MS) {
    looks++;
    [prompt] = await panels();
    if (!prompt) await sleep(100);
  }
  if (!prompt) throw await failure(display, 'firefox', `no permission prompt within ${PROMPT_TIMEOUT_MS / 1000} s: no new panel window of Firefox appeared`);
  const seen = Date.now();
  debug(`firefox: prompt seen ${since ? `${seen - since} ms after the click, ` : ''}after ${seen - started} ms of looking (${looks} looks), ${prompt.width}×${prompt.height} at ${prompt.x},${prompt.y}`);
  await sleep(BUTTONS_ENABLED_AFTER_MS);
  await display.key(answer === 'allow' ? 'alt+a' : 'alt+d');
  const id = prompt.id;
  const deadline = Date.now() + CLOSE_TIMEOUT_MS;
  while ((await display.windows({ classname: '^Firefox$' })).some((w) => w.id === id)) {
    if (Date.now() > deadline) throw await failure(display, 'firefox', `the permission prompt was still shown ${CLOSE_TIMEOUT_MS / 1000} s after answering ${answer}`);
    await sleep(100);
  }
  debug(`firefox: answered ${answer}, prompt gone ${Date.now() - seen} ms after it was seen`);
}

/** The panel windows Firefox shows now (its toolbar popup, a doorhanger): what a prompt is not. */
export async function firefoxPanels(display: Display): Promise<Set<string>> {
  return new Set((await display.windows({ classname: '^Firefox$' })).map((w) => w.id));
}

async function largestWindow(display: Display): Promise<ScreenWindow> {
  const windows = await display.windows({ className: '.' });
  const [largest] = windows.sort((a, b) => b.width * b.height - a.width * a.height);
  if (!largest) throw await failure(display, 'chromium', 'no browser window on the display');
  return largest;
}

/**
 * The brightest channel value of a window's pixels where Chromium's permission dialog never is:
 * its left and right 15 %, and its bottom 30 % (every third pixel).
 */
function brightestOutsideDialog(shot: Screenshot, window: ScreenWindow): number {
  const left = Math.max(0, window.x);
  const top = Math.max(0, window.y);
  const right = Math.min(shot.width, window.x + window.width);
  const bottom = Math.min(shot.height, window.y + window.height);
  const side = Math.round(window.width * 0.15);
  const band = window.y + Math.round(window.height * 0.7);
  let brightest = 0;
  for (let y = top; y < bottom; y += 3) {
    for (let x = left; x < right; x += 3) {
      if (y < band && x >= left + side && x < right - side) continue;
      const i = (y * shot.width + x) * 3;
      brightest = Math.max(brightest, shot.rgb[i]!, shot.rgb[i + 1]!, shot.rgb[i + 2]!);
    }
  }
  return brightest;
}

/** Captures the screen until `done` holds for what `measure` reads of it, or the time is up. */
async function poll(display: Display, measure: (shot: Screenshot) => number, done: (value: number) => boolean, timeoutMs = PROMPT_TIMEOUT_MS) {
  const started = Date.now();
  let captures = 0;
  let value = NaN;
  do {
    captures++;
    value = measure(await display.screenshot());
    if (done(value)) return { found: true, value, at: Date.now(), captures };
    await sleep(50);
  } while (Date.now() - started < timeoutMs);
  return { found: false, value, at: Date.now(), captures };
}

/** An error that says what was not seen, with the screen saved under reports/ to look at. */
async function failure(display: Display, browser: string, what: string): Promise<Error> {
  const path = `${REPORTS}permission-prompt-${browser}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  const saved = await mkdir(REPORTS, { recursive: true })
    .then(() => display.savePng(path))
    .then(() => `; the screen is saved in ${path}`)
    .catch((error: Error) => `; the screen could not be saved: ${error.message}`);
  return new Error(`${browser}: ${what}${saved}`);
}

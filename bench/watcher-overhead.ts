import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../dev/browsers/chromium';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from '../dev/browsers/extension-browser';
import { launchFirefox } from '../dev/browsers/firefox';
import { LOOPBACK_WATCH_GRANT, watchHost } from '../dev/browsers/watch-view';
import { launchPlainChromium, launchPlainFirefox, type PlainBrowser } from './plain-browser';
import { median, round } from './stats';

/** The page's workload, as the issue names it. */
export const REQUESTS = 200;
const WARM_UP = 3;
const RUNS = 25;

/** Who loads the page: the same browser without the extension, and with it in three states. */
const SETUPS = ['withoutExtension', 'nothingWatched', 'webRequestHeldNoListener', 'watched'] as const;
type SetupName = (typeof SETUPS)[number];

export interface WatcherOverhead {
  browser: string;
  requests: number;
  rounds: number;
  /** Medians, ms from the page's first request to its last answer read. */
  medianMs: Record<SetupName, number>;
  /**
   * Against the same round's load without the extension, the median over rounds: each round's
   * loads run back to back, so a slow stretch of the machine slows all of them alike.
   */
  ratio: Record<Exclude<SetupName, 'withoutExtension'>, number>;
  /**
   * Watched against the browser's own floor (webRequest held, no listener), the median over rounds
   * of each round's pair: what the listeners cost, apart from what any webRequest watcher costs.
   */
  watchedOverFloor: number;
  samples: Record<SetupName, number[]>;
}

type Launchers = {
  plain: () => Promise<PlainBrowser>;
  extension: (options: LaunchOptions) => Promise<ExtensionBrowser>;
};


export function watcherOverheadChromium(): Promise<WatcherOverhead> {
  return measure({ plain: launchPlainChromium, extension: launchChromium });
}

export function watcherOverheadFirefox(): Promise<WatcherOverhead> {
  return measure({ plain: launchPlainFirefox, extension: launchFirefox });
}

/**
 * Four browsers of one kind side by side, in one session, taking turns (the order rotates each
 * round) to have a page on a loopback server make REQUESTS requests, half GETs and half
 * form POSTs, as an app calling its API:
 * - without the extension;
 * - with it, nothing watched (the budget: no webRequest permission, no listener);
 * - with it holding webRequest and the host, nothing watched: no listener, but what the browser
 *   itself does once an extension may watch (Chromium then routes every request through its
 *   browser process), the floor under any webRequest-based watcher;
 * - with it watching the page's own host (the budget).
 */
async function measure({ plain, extension }: Launchers): Promise<WatcherOverhead> {
  const server = await startLoadServer();
  const open: PlainBrowser[] = [];
  const launched = async <T extends PlainBrowser>(browser: Promise<T>) => {
    open.push(await browser);
    return open.at(-1) as T;
  };
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browsers: Record<SetupName, PlainBrowser> = {
      withoutExtension: await launched(plain()),
      nothingWatched: await launched(extension({})),
      webRequestHeldNoListener: await launched(extension({ grantOptionalPermissions: LOOPBACK_WATCH_GRANT })),
      watched: await launched(extension({ grantOptionalPermissions: LOOPBACK_WATCH_GRANT })),
    };
    await watch(browsers.watched as ExtensionBrowser, `127.0.0.1:${new URL(origin).port}`);
    // One tab each, opened once: a round is the page making its requests again, so opening and
    // closing tabs, which varies far more than the requests, is not timed.
    const pages = {} as Record<SetupName, PageDriver>;
    for (const name of SETUPS) pages[name] = await ready(browsers[name], `${origin}/page`);

    const samples = Object.fromEntries(SETUPS.map((name) => [name, [] as number[]])) as Record<SetupName, number[]>;
    for (let pass = 0; pass < WARM_UP + RUNS; pass++) {
      for (let turn = 0; turn < SETUPS.length; turn++) {
        const name = SETUPS[(pass + turn) % SETUPS.length]!;
        const ms = await makeRequests(pages[name]);
        if (pass >= WARM_UP) samples[name].push(ms);
      }
    }
    const pairedRatio = (name: SetupName) => round(median(samples[name].map((ms, i) => ms / samples.withoutExtension[i]!)), 3);
    return {
      browser: await (browsers.nothingWatched as ExtensionBrowser).version(),
      requests: REQUESTS,
      rounds: RUNS,
      medianMs: Object.fromEntries(SETUPS.map((name) => [name, round(median(samples[name]))])) as Record<SetupName, number>,
      ratio: {
        nothingWatched: pairedRatio('nothingWatched'),
        webRequestHeldNoListener: pairedRatio('webRequestHeldNoListener'),
        watched: pairedRatio('watched'),
      },
      watchedOverFloor: round(median(samples.watched.map((ms, i) => ms / samples.webRequestHeldNoListener[i]!)), 3),
      samples,
    };
  } finally {
    await Promise.all(open.map((b) => b.close().catch(() => {})));
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  }
}

/** Adds the host in the popup's Watch tab, as a person would; the harness has already said yes to the prompt. */
async function watch(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const popup = await browser.openPopup();
  await watchHost(popup, pattern);
  await popup.waitFor('[data-testid=watch-list][data-active=true]');
  await popup.close();
}

async function ready(browser: PlainBrowser, url: string): Promise<PageDriver> {
  const page = await browser.openUrl(url);
  await page.waitFor('body[data-ready]');
  return page;
}

/** One round: the page already open in this browser makes its requests again. */
async function makeRequests(page: PageDriver): Promise<number> {
  return round(await page.evaluate(() => (window as unknown as { makeRequests(): Promise<number> }).makeRequests(), undefined));
}

/** The page and the API it calls, on one loopback origin: the watched host. */
async function startLoadServer(): Promise<Server> {
  const page = `<!doctype html><title>${REQUESTS} requests</title><body>ready</body><script>
window.makeRequests = async () => {
  const start = performance.now();
  await Promise.all(Array.from({ length: ${REQUESTS} }, (_, i) =>
    (i % 2 ? fetch('/api/items?i=' + i) : fetch('/api/items', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'i=' + i + '&name=item' }))
      .then((r) => r.text())));
  return performance.now() - start;
};
document.body.dataset.ready = 'true';
</script>`;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const isPage = req.url === '/page';
      res.writeHead(200, { 'content-type': isPage ? 'text/html; charset=utf-8' : 'application/json', 'cache-control': 'no-store' });
      res.end(isPage ? page : `{"ok":true,"url":${JSON.stringify(req.url)}}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

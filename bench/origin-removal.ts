import { startBundledServer } from '../dev/server/bundled-server';
import { launchChromium } from '../dev/browsers/chromium';
import type { ExtensionBrowser, LaunchOptions, PageDriver } from '../dev/browsers/extension-browser';
import { launchFirefox } from '../dev/browsers/firefox';
import { fillProfile, LOOPBACK_RUN_GRANT, openFlowTab, run } from '../dev/browsers/popup-flow';
import { median, round } from './stats';

const WARM_UP = 3;
const ROUNDS = 30;

export interface OriginRemovalCost {
  browser: string;
  rounds: number;
  /** Medians, ms from sending the popup's message to its answer: one introspection request each, recorded and saved. */
  medianMs: { asServer: number; asBrowserApp: number };
  /** Median over rounds of each round's "as a server" time over the same round's "as a browser app" time. */
  ratio: number;
  samples: { asServer: number[]; asBrowserApp: number[] };
}

export const originRemovalChromium = () => measure(launchChromium);
export const originRemovalFirefox = () => measure(launchFirefox);

/**
 * What sending a token request "as a server" costs: a declarativeNetRequest session rule added
 * before the request and removed after it. Two runs against the bundled server, one per setting,
 * then the same action (Introspect, a POST to a token-family endpoint) on each in turn, the order
 * alternating, through the popup's own message to the background, as the button sends it.
 */
async function measure(launch: (options: LaunchOptions) => Promise<ExtensionBrowser>): Promise<OriginRemovalCost> {
  const server = await startBundledServer();
  const browser = await launch({ grantOptionalPermissions: LOOPBACK_RUN_GRANT });
  try {
    const popup = await openFlowTab(browser);
    await fillProfile(popup, { issuer: server.issuer });
    const asServer = await run(browser, popup);
    await fillProfile(popup, { tokenRequestsAs: 'browser' });
    const asBrowserApp = await run(browser, popup);
    if (asServer.tokenRequestsAs !== 'server' || asBrowserApp.tokenRequestsAs !== 'browser' || !asServer.tokens || !asBrowserApp.tokens) {
      throw new Error('origin removal bench: the two runs did not both get tokens');
    }
    const samples = { asServer: [] as number[], asBrowserApp: [] as number[] };
    const ratios: number[] = [];
    for (let i = 0; i < WARM_UP + ROUNDS; i++) {
      const order = i % 2 ? (['asBrowserApp', 'asServer'] as const) : (['asServer', 'asBrowserApp'] as const);
      const round: Partial<Record<'asServer' | 'asBrowserApp', number>> = {};
      for (const which of order) round[which] = await introspect(popup, which === 'asServer' ? asServer.id : asBrowserApp.id);
      if (i < WARM_UP) continue;
      samples.asServer.push(round.asServer!);
      samples.asBrowserApp.push(round.asBrowserApp!);
      ratios.push(round.asServer! / round.asBrowserApp!);
    }
    return {
      browser: await browser.version(),
      rounds: ROUNDS,
      medianMs: { asServer: round(median(samples.asServer), 2), asBrowserApp: round(median(samples.asBrowserApp), 2) },
      ratio: round(median(ratios), 3),
      samples,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function introspect(popup: PageDriver, runId: string): Promise<number> {
  return popup.evaluate(async (id) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> } };
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    const start = performance.now();
    const reply = await api.runtime.sendMessage({ type: 'introspect', payload: { runId: id, which: 'access_token' } });
    if (!reply.ok) throw new Error(`${reply.error?.code}: ${reply.error?.message}`);
    return performance.now() - start;
  }, runId);
}

import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';

type Dnr = Pick<typeof browser.declarativeNetRequest, 'updateSessionRules' | 'getSessionRules'>;

/** The browser's "no tab": requests of the extension's own worker or background page. */
const NO_TAB = -1;

/**
 * A session rule that removes the Origin header from the extension's own requests to exactly
 * `url`, and from nothing else: the initiator must be the extension itself (`extensionHost`, its
 * id in Chromium, its internal UUID in Firefox), outside any tab, as `fetch` from the background
 * (resource type xmlhttprequest; `other` does not match a worker's fetch). No web page's request
 * can match. Browsers apply it only while the extension holds the host permission for `url`.
 */
export function originRemovalRule(id: number, url: string, extensionHost: string): DeclarativeNetRequest.Rule {
  // urlFilter's own syntax gives `*`, `^` and `|` meanings; a URL holding one is matched by an anchored regex instead.
  const target = /[*^|]/.test(url) ? { regexFilter: `^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` } : { urlFilter: `|${url}|` };
  return {
    id,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    condition: { ...target, initiatorDomains: [extensionHost], tabIds: [NO_TAB], resourceTypes: ['xmlhttprequest'] },
  };
}

export type OriginRemoval = {
  /** Runs `send` with a rule removing Origin from requests to `url`, and removes the rule when it settles. */
  around<T>(url: string, send: () => Promise<T>): Promise<T>;
};

/**
 * Token requests "as a server": each one gets its own session rule for its lifetime only. Rules
 * left by a worker stopped mid-request are removed at start-up, before any new one is added.
 */
export function createOriginRemoval(extensionHost: string, dnr: Dnr = browser.declarativeNetRequest): OriginRemoval {
  let nextId = 1;
  const leftovers = dnr
    .getSessionRules()
    .then((rules) => (rules.length > 0 ? dnr.updateSessionRules({ removeRuleIds: rules.map((rule) => rule.id) }) : undefined))
    .catch(() => {});
  return {
    async around(url, send) {
      await leftovers;
      const id = nextId++;
      await dnr.updateSessionRules({ addRules: [originRemovalRule(id, url, extensionHost)] });
      try {
        return await send();
      } finally {
        await dnr.updateSessionRules({ removeRuleIds: [id] }).catch(() => {});
      }
    },
  };
}

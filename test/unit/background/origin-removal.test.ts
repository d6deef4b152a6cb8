import { describe, expect, it, vi } from 'vitest';

// The modules default to the real browser API; these tests hand in their own, so the polyfill (which throws outside an extension) is never used.
vi.mock('webextension-polyfill', () => ({ default: {} }));
import { createOriginRemoval, originRemovalRule } from '../../../src/background/origin-removal';

describe('originRemovalRule', () => {
  it('removes Origin from the extension’s own background requests to exactly that URL, and nothing else', () => {
    const rule = originRemovalRule(3, 'https://login.microsoftonline.com/common/oauth2/v2.0/token', 'fbbjkefjbkdnfcpjagbdjleagpgcfdjp');
    expect(rule).toEqual({
      id: 3,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
      condition: {
        urlFilter: '|https://login.microsoftonline.com/common/oauth2/v2.0/token|',
        initiatorDomains: ['fbbjkefjbkdnfcpjagbdjleagpgcfdjp'],
        tabIds: [-1],
        resourceTypes: ['xmlhttprequest'],
      },
    });
  });

  it('a URL with urlFilter’s special characters is matched by an anchored, escaped regex', () => {
    const rule = originRemovalRule(1, 'https://a.example/t?x=*|^', 'ext');
    const { regexFilter } = rule.condition as { regexFilter: string };
    expect(new RegExp(regexFilter).test('https://a.example/t?x=*|^')).toBe(true);
    expect(new RegExp(regexFilter).test('https://a.example/t?x=1')).toBe(false);
  });
});

describe('createOriginRemoval', () => {
  function dnr(existing: number[] = []) {
    const rules = new Map(existing.map((id) => [id, { id }]));
    const log: string[] = [];
    return {
      rules,
      log,
      api: {
        getSessionRules: async () => [...rules.values()],
        updateSessionRules: async ({ addRules = [], removeRuleIds = [] }: { addRules?: { id: number }[]; removeRuleIds?: number[] }) => {
          for (const id of removeRuleIds) (rules.delete(id), log.push(`remove ${id}`));
          for (const rule of addRules) {
            if (rules.has(rule.id)) throw new Error(`duplicate id ${rule.id}`);
            rules.set(rule.id, rule);
            log.push(`add ${rule.id}`);
          }
        },
      } as never,
    };
  }

  it('the rule lives exactly as long as the request, even when it fails', async () => {
    const browser = dnr();
    const removal = createOriginRemoval('ext', browser.api);
    expect(await removal.around('https://a.example/token', async () => (expect(browser.rules.size).toBe(1), 'answer'))).toBe('answer');
    expect(browser.rules.size).toBe(0);
    await expect(removal.around('https://a.example/token', async () => Promise.reject(new Error('Failed to fetch')))).rejects.toThrow('Failed to fetch');
    expect(browser.rules.size).toBe(0);
  });

  it('rules left by a stopped worker go before the first new one; concurrent requests get their own', async () => {
    const browser = dnr([1, 2]);
    const removal = createOriginRemoval('ext', browser.api);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = removal.around('https://a.example/token', () => held);
    const second = removal.around('https://a.example/revoke', async () => expect(browser.rules.size).toBe(2));
    await second;
    release();
    await first;
    expect(browser.log.slice(0, 2)).toEqual(['remove 1', 'remove 2']);
    expect(browser.rules.size).toBe(0);
  });
});

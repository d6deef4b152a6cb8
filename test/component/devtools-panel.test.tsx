import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorEntry } from '../../src/core';
import { DevtoolsPanel } from '../../src/popup/DevtoolsPanel';
import { background } from './fake-background';
import { renderWith } from './render-with';

afterEach(cleanup);

// Written by Chromium while the test app redeemed one code twice (npm run record-hars); the panel
// gets the same entries from devtools.network, some before it opened (getHAR), the rest one by one.
const ENTRIES = (JSON.parse(readFileSync(join(process.cwd(), 'test/unit/core/traffic/har-recorded/reused-code.har'), 'utf8')) as { log: { entries: object[] } }).log.entries;

function traffic() {
  let listener: ((entries: object[]) => void) | undefined;
  return {
    inspectedTraffic: (onEntries: (entries: object[]) => void) => ((listener = onEntries), () => void (listener = undefined)),
    send: (entries: object[]) => listener!(entries),
  };
}

describe('the DevTools panel', () => {
  it("judges the tab's traffic as it comes, with its history; each failure goes to the Errors list once", async () => {
    const recorded: ErrorEntry[][] = [];
    const { ask } = background({ recordErrors: async ({ entries }) => (recorded.push(entries), { recorded: entries.length }) });
    const tab = traffic();
    renderWith(<DevtoolsPanel />, { ask, inspectedTraffic: tab.inspectedTraffic });
    expect(screen.getByTestId('no-traffic')).toBeTruthy();
    // What came before the panel opened, then the second redemption as it finishes.
    tab.send(ENTRIES.slice(0, -1));
    await screen.findByTestId('har-timeline');
    expect(document.querySelector('[data-category]')).toBeNull();
    tab.send(ENTRIES.slice(-1));
    await waitFor(() => expect(document.querySelector('[data-testid=har-item][data-category=code_reused]')).not.toBeNull());
    await waitFor(() => expect(recorded).toHaveLength(1));
    expect(recorded[0]!.map((entry) => entry.exchange.response.status)).toEqual([400]);
    // Judged again with a request more, the failure is not sent twice.
    tab.send([{ ...(ENTRIES[0] as object), startedDateTime: '2030-01-01T00:00:00.000Z' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorded).toHaveLength(1);
    const code = /[?&]code=([A-Za-z0-9_-]{20,})/.exec(JSON.stringify(ENTRIES))![1]!;
    expect(JSON.stringify(recorded)).not.toContain(code);
    expect(document.body.textContent).not.toContain(code);
  });

  it('in Firefox, says the Network panel must be opened once while nothing is seen', () => {
    renderWith(<DevtoolsPanel />, { ask: background({}).ask, inspectedTraffic: traffic().inspectedTraffic, networkPanelFirst: true });
    expect(screen.getByTestId('no-traffic').textContent).toContain('Network panel has been opened');
  });
});

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Ask } from '../messages';
import type { CopyText } from '../shell/copy-text';
import type { InspectedTraffic } from '../shell/inspected-traffic';
import type { OpenView, Place } from '../shell/open-views';
import type { RequestHosts } from '../shell/request-hosts';
import type { RequestWatch } from '../shell/request-watch';
import type { OnStored } from '../shell/storage-changes';
import type { ViewMemory } from '../shell/view-memory';

/**
 * All the views may do beyond their own page. They make no browser call themselves: the entry
 * provides the shell's capabilities (`src/shell/`), a test its own fakes. Without
 * `requestHosts` or `requestWatch`, the views offer no permission prompt.
 */
export type Capabilities = {
  ask: Ask;
  copy: CopyText;
  requestHosts?: RequestHosts | undefined;
  requestWatch?: RequestWatch | undefined;
  /** Where this page is shown; without it, a tab. */
  place?: (() => Promise<Place>) | undefined;
  /** Chrome's side panel or Firefox's sidebar. */
  openPanel?: OpenView | undefined;
  openInTab?: OpenView | undefined;
  /** Storage changes, so every open view shows the same runs and errors at once. */
  onStored?: OnStored | undefined;
  /** The tab, run and entry last shown. */
  viewMemory?: ViewMemory | undefined;
  /** In the DevTools panel: the inspected tab's requests, as HAR entries. */
  inspectedTraffic?: InspectedTraffic | undefined;
  /** The browser reports requests to the panel only once its own Network panel was opened (Firefox). */
  networkPanelFirst?: boolean | undefined;
};

export const CapabilitiesContext = createContext<Capabilities | undefined>(undefined);

/** The capabilities provided above this view. */
export function useCapabilities(): Capabilities {
  const capabilities = useContext(CapabilitiesContext);
  // A missing provider is a wiring mistake: fail at the first render, not at the first click.
  if (!capabilities) throw new Error('No capabilities provided: render the views inside <CapabilitiesContext.Provider>.');
  return capabilities;
}

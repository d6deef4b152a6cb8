import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Ask } from '../messages';
import type { CopyText } from '../shell/copy-text';
import type { RequestHosts } from '../shell/request-hosts';
import type { RequestWatch } from '../shell/request-watch';

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
};

export const CapabilitiesContext = createContext<Capabilities | undefined>(undefined);

/** The capabilities provided above this view. */
export function useCapabilities(): Capabilities {
  const capabilities = useContext(CapabilitiesContext);
  // A missing provider is a wiring mistake: fail at the first render, not at the first click.
  if (!capabilities) throw new Error('No capabilities provided: render the views inside <CapabilitiesContext.Provider>.');
  return capabilities;
}

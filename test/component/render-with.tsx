import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { CapabilitiesContext, type Capabilities } from '../../src/popup/capabilities';

/**
 * Renders views as the popup's entry does, inside the capabilities they take from context; a
 * test gives the ones it watches. The others fail when used, so a test cannot lean on one unawares.
 */
export function renderWith(ui: ComponentChild, capabilities: Partial<Capabilities> = {}) {
  const provided: Capabilities = {
    ask: async (type) => {
      throw new Error(`no answer for ${type}`);
    },
    copy: () => Promise.reject(new Error('No clipboard in this test.')),
    ...capabilities,
  };
  return render(<CapabilitiesContext.Provider value={provided}>{ui}</CapabilitiesContext.Provider>);
}

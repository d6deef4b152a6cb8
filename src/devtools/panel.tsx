import { render } from 'preact';
import { ask } from '../shell/ask';
import { copyText } from '../shell/copy-text';
import { inspectedTraffic, needsNetworkPanelOpened } from '../shell/inspected-traffic';
import { CapabilitiesContext, type Capabilities } from '../popup/capabilities';
import { DevtoolsPanel } from '../popup/DevtoolsPanel';

// The panel's capabilities: the message contract, the clipboard, and the inspected tab's traffic.
const capabilities: Capabilities = { ask, copy: copyText, inspectedTraffic, networkPanelFirst: needsNetworkPanelOpened };

render(
  <CapabilitiesContext.Provider value={capabilities}>
    <DevtoolsPanel />
  </CapabilitiesContext.Provider>,
  document.getElementById('app')!,
);
document.documentElement.dataset.ready = 'true';

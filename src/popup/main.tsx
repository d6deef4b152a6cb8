import { render } from 'preact';
import { ask } from '../shell/ask';
import { copyText } from '../shell/copy-text';
import { isPopup, openInTab, panelOpener, placeOf } from '../shell/open-views';
import { requestHosts } from '../shell/request-hosts';
import { requestWatch } from '../shell/request-watch';
import { onStored } from '../shell/storage-changes';
import { viewMemory } from '../shell/view-memory';
import { App } from './App';
import { CapabilitiesContext, type Capabilities } from './capabilities';

// The views' one way to the browser: the shell's capabilities, handed down by context.
const capabilities: Capabilities = { ask, copy: copyText, requestHosts, requestWatch, place: placeOf, openPanel: panelOpener(), openInTab, onStored, viewMemory };

if (isPopup()) document.documentElement.dataset.place = 'popup';
render(
  <CapabilitiesContext.Provider value={capabilities}>
    <App />
  </CapabilitiesContext.Provider>,
  document.getElementById('app')!,
);
// render() is synchronous: the form is on screen and usable from here on. The mark is what
// `npm run bench` and the end-to-end tests wait for.
performance.mark('oauth-lens:ready');
document.documentElement.dataset.ready = 'true';

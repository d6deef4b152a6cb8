import { render } from 'preact';
import { App } from './App';
import { ask } from './ask';
import { requestHosts } from './request-hosts';
import { requestWatch } from './request-watch';

render(<App ask={ask} requestHosts={requestHosts} requestWatch={requestWatch} />, document.getElementById('app')!);
// render() is synchronous: the form is on screen and usable from here on. The mark is what
// `npm run bench` and the end-to-end tests wait for.
performance.mark('oauth-lens:ready');
document.documentElement.dataset.ready = 'true';

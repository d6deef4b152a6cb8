import { render } from 'preact';
import { App } from './App';
import { ask } from './ask';

render(<App ask={ask} />, document.getElementById('app')!);
// render() is synchronous: the form is on screen and usable from here on. The mark is what
// `npm run bench` and the end-to-end tests wait for.
performance.mark('oauth-lens:ready');
document.documentElement.dataset.ready = 'true';

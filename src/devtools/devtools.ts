import browser from 'webextension-polyfill';

// DevTools loads this page for each window it opens, and for as long as it is open: the panel,
// and all it reads of the inspected tab, costs nothing while DevTools is closed.
void browser.devtools.panels.create('OAuth', '/assets/icons/icon-32.png', '/src/devtools/panel.html');

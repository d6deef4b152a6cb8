import { render } from 'preact';
import { App } from './App';
import { ask } from './ask';

render(<App ask={ask} />, document.getElementById('app')!);

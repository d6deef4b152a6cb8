// Background entry: the only module with top-level side effects. Everything else is imported
// and wired here, so each piece can be loaded on its own in a test.
import { createHandlers } from './handlers';
import { listen } from './listen';

listen(createHandlers());

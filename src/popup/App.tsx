import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../messages';
import type { AccessView } from './AccessView';
import { useCapabilities } from './capabilities';
import type { ErrorsView } from './ErrorsView';
import { FlowView } from './FlowView';
import { InspectView } from './InspectView';
import { WatchView } from './WatchView';

type Connection = { state: 'waiting' } | { state: 'up'; info: ResponseOf<'ping'> } | { state: 'down'; error: string };
const TABS = { inspect: 'Inspect', flow: 'Flow', errors: 'Errors', watch: 'Watch', access: 'Access' } as const;
type Tab = keyof typeof TABS;

export function App() {
  const { ask, requestWatch } = useCapabilities();
  const [connection, setConnection] = useState<Connection>({ state: 'waiting' });
  const [tab, setTab] = useState<Tab>('inspect');
  const [unseen, setUnseen] = useState(0);
  // The Errors view, with the explainer and its catalogues, loads when first opened: the popup opens on Inspect.
  const [Errors, setErrors] = useState<typeof ErrorsView>();
  // Likewise the Access view, seldom opened.
  const [Access, setAccess] = useState<typeof AccessView>();

  useEffect(() => {
    ask('ping', undefined).then(
      (info) => setConnection({ state: 'up', info }),
      (error: Error) => setConnection({ state: 'down', error: error.message }),
    );
  }, [ask]);

  useEffect(() => {
    if (tab === 'access' && !Access) import('./AccessView').then((module) => setAccess(() => module.AccessView));
    if (tab === 'errors') {
      setUnseen(0);
      if (!Errors) import('./ErrorsView').then((module) => setErrors(() => module.ErrorsView));
    } else {
      ask('listErrors', undefined).then((entries) => setUnseen(entries.filter((entry) => !entry.seen).length), () => {});
    }
  }, [tab, ask]);

  return (
    <main>
      <header>
        <h1>OAuth Lens</h1>
        <nav role="tablist">
          {(Object.keys(TABS) as Tab[]).map((id) => (
            <button key={id} type="button" role="tab" data-tab={id} aria-selected={tab === id} onClick={() => setTab(id)}>
              {TABS[id]}
              {id === 'errors' && unseen > 0 && <span class="badge new" data-testid="unseen-errors">{unseen}</span>}
            </button>
          ))}
        </nav>
        <span class={`connection ${connection.state}`} data-testid="connection">
          {connection.state === 'waiting' && 'connecting…'}
          {connection.state === 'up' && `background v${connection.info.version}`}
          {connection.state === 'down' && `background unavailable: ${connection.error}`}
        </span>
      </header>
      {/* Both views stay mounted, so switching tabs loses neither a paste nor an edited profile. */}
      <div role="tabpanel" hidden={tab !== 'inspect'}>
        <InspectView />
      </div>
      <div role="tabpanel" hidden={tab !== 'flow'}>
        <FlowView redirectUri={connection.state === 'up' ? connection.info.redirectUri : undefined} />
      </div>
      <div role="tabpanel" hidden={tab !== 'errors'}>
        {Errors ? <Errors active={tab === 'errors'} /> : tab === 'errors' && <p class="muted">Loading…</p>}
      </div>
      <div role="tabpanel" hidden={tab !== 'access'}>
        {Access ? <Access active={tab === 'access'} /> : tab === 'access' && <p class="muted">Loading…</p>}
      </div>
      {requestWatch && (
        <div role="tabpanel" hidden={tab !== 'watch'}>
          <WatchView active={tab === 'watch'} />
        </div>
      )}
    </main>
  );
}

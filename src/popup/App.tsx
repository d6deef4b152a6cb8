import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../messages';
import type { Ask } from './ask';
import { FlowView } from './FlowView';
import { InspectView } from './InspectView';
import type { RequestHosts } from './request-hosts';

type Connection = { state: 'waiting' } | { state: 'up'; info: ResponseOf<'ping'> } | { state: 'down'; error: string };
const TABS = { inspect: 'Inspect', flow: 'Flow' } as const;
type Tab = keyof typeof TABS;

export function App({ ask, requestHosts }: { ask: Ask; requestHosts?: RequestHosts }) {
  const [connection, setConnection] = useState<Connection>({ state: 'waiting' });
  const [tab, setTab] = useState<Tab>('inspect');

  useEffect(() => {
    ask('ping', undefined).then(
      (info) => setConnection({ state: 'up', info }),
      (error: Error) => setConnection({ state: 'down', error: error.message }),
    );
  }, [ask]);

  return (
    <main>
      <header>
        <h1>OAuth Lens</h1>
        <nav role="tablist">
          {(Object.keys(TABS) as Tab[]).map((id) => (
            <button key={id} type="button" role="tab" data-tab={id} aria-selected={tab === id} onClick={() => setTab(id)}>
              {TABS[id]}
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
        <FlowView ask={ask} requestHosts={requestHosts} redirectUri={connection.state === 'up' ? connection.info.redirectUri : undefined} />
      </div>
    </main>
  );
}

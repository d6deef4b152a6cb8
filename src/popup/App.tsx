import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../messages';
import type { Ask } from './ask';
import { FlowView } from './FlowView';

type Connection = { state: 'waiting' } | { state: 'up'; info: ResponseOf<'ping'> } | { state: 'down'; error: string };

export function App({ ask }: { ask: Ask }) {
  const [connection, setConnection] = useState<Connection>({ state: 'waiting' });

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
        <span class={`connection ${connection.state}`} data-testid="connection">
          {connection.state === 'waiting' && 'connecting…'}
          {connection.state === 'up' && `background v${connection.info.version}`}
          {connection.state === 'down' && `background unavailable: ${connection.error}`}
        </span>
      </header>
      <FlowView ask={ask} redirectUri={connection.state === 'up' ? connection.info.redirectUri : undefined} />
    </main>
  );
}

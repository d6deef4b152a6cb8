import { useEffect, useRef, useState } from 'preact/hooks';
import type { Place } from '../shell/open-views';
import type { ResponseOf } from '../messages';
import type { AccessView } from './AccessView';
import { useCapabilities } from './capabilities';
import type { ErrorsView } from './ErrorsView';
import { FlowView } from './FlowView';
import { InspectView } from './InspectView';
import { OpenInInspect } from './open-in-inspect';
import { useStored } from './use-stored';
import { WatchView } from './WatchView';

type Connection = { state: 'waiting' } | { state: 'up'; info: ResponseOf<'ping'> } | { state: 'down'; error: string };
const TABS = { inspect: 'Inspect', flow: 'Flow', errors: 'Errors', watch: 'Watch', access: 'Access' } as const;
type Tab = keyof typeof TABS;

const isTab = (value: unknown): value is Tab => typeof value === 'string' && Object.hasOwn(TABS, value);

export function App() {
  const { ask, requestWatch, place: whereAmI, openPanel, openInTab, viewMemory } = useCapabilities();
  const [connection, setConnection] = useState<Connection>({ state: 'waiting' });
  // A new user starts on Flow, with the demo profile and Run in sight; one who was here, where they left.
  const [tab, setTab] = useState<Tab>('flow');
  const [place, setPlace] = useState<Place>('tab');
  const [opening, setOpening] = useState<string>();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  // A token a run holds, sent to Inspect: pasted there as if by hand.
  const [given, setGiven] = useState<{ text: string }>();
  const openInInspect = (text: string) => (setGiven({ text }), choose('inspect'));
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
    viewMemory?.load().then((state) => isTab(state.tab) && setTab(state.tab), () => {});
    whereAmI?.().then(setPlace, () => {});
  }, [viewMemory, whereAmI]);

  // Another view (or the background) changed the error log: the count follows.
  useStored(['errorIndex'], () => ask('listErrors', undefined).then((entries) => setUnseen(entries.filter((entry) => !entry.seen).length), () => {}));

  const choose = (next: Tab) => {
    setTab(next);
    viewMemory?.update({ tab: next }).catch(() => {});
  };
  // WAI-ARIA tabs: arrows move between tabs (and select them), Home and End go to the ends.
  const shown = (Object.keys(TABS) as Tab[]).filter((id) => id !== 'watch' || requestWatch);
  const onTabKey = (event: KeyboardEvent) => {
    const at = shown.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: shown.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = shown[(next + shown.length) % shown.length]!;
    choose(target);
    tabs.current[target]?.focus();
  };
  // The popup offers the panel and the tab; the panel, the tab; the tab, neither.
  const panelHere = place === 'popup' ? openPanel : undefined;
  const tabHere = place !== 'tab' ? openInTab : undefined;
  const open = (what: 'panel' | 'tab', how: () => Promise<void>) =>
    how().then(
      () => (place === 'popup' ? window.close() : setOpening(undefined)),
      (error: Error) => setOpening(`Could not open the ${what}: ${error.message}`),
    );

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
    <OpenInInspect.Provider value={openInInspect}>
      <main>
        <header>
          <h1>OAuth Lens</h1>
          <nav role="tablist" aria-label="OAuth Lens" onKeyDown={onTabKey}>
            {shown.map((id) => (
              <button
                key={id}
                ref={(button) => void (tabs.current[id] = button)}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-controls={`panel-${id}`}
                data-tab={id}
                aria-selected={tab === id}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => choose(id)}
              >
                {TABS[id]}
                {id === 'errors' && unseen > 0 && <span class="badge new" data-testid="unseen-errors">{unseen}</span>}
              </button>
            ))}
          </nav>
          {(panelHere || tabHere) && (
            <span class="open-views">
              {panelHere && (
                <button type="button" class="secondary" data-action="open-panel" onClick={() => open('panel', panelHere!)}>
                  Open panel
                </button>
              )}
              {tabHere && (
                <button type="button" class="secondary" data-action="open-tab" onClick={() => open('tab', tabHere!)}>
                  Open in tab
                </button>
              )}
            </span>
          )}
          <span class={`connection ${connection.state}`} data-testid="connection">
            {connection.state === 'waiting' && 'connecting…'}
            {connection.state === 'up' && `background v${connection.info.version}`}
            {connection.state === 'down' && `background unavailable: ${connection.error}`}
          </span>
        </header>
        {opening && <p class="error" role="alert">{opening}</p>}
        {/* Both views stay mounted, so switching tabs loses neither a paste nor an edited profile. */}
        <div role="tabpanel" id="panel-inspect" aria-labelledby="tab-inspect" hidden={tab !== 'inspect'}>
          <InspectView given={given} />
        </div>
        <div role="tabpanel" id="panel-flow" aria-labelledby="tab-flow" hidden={tab !== 'flow'}>
          <FlowView redirectUri={connection.state === 'up' ? connection.info.redirectUri : undefined} />
        </div>
        <div role="tabpanel" id="panel-errors" aria-labelledby="tab-errors" hidden={tab !== 'errors'}>
          {Errors ? <Errors active={tab === 'errors'} /> : tab === 'errors' && <p class="muted">Loading…</p>}
        </div>
        <div role="tabpanel" id="panel-access" aria-labelledby="tab-access" hidden={tab !== 'access'}>
          {Access ? <Access active={tab === 'access'} /> : tab === 'access' && <p class="muted">Loading…</p>}
        </div>
        {requestWatch && (
          <div role="tabpanel" id="panel-watch" aria-labelledby="tab-watch" hidden={tab !== 'watch'}>
            <WatchView active={tab === 'watch'} />
          </div>
        )}
      </main>
    </OpenInInspect.Provider>
  );
}

import { useState } from 'preact/hooks';
import { importProfiles, type FlowProfile, type ImportWarning } from '../core';
import { useCapabilities } from './capabilities';
import { EndpointWarnings } from './EndpointWarnings';

/**
 * Profiles in and out as JSON, never with their secrets. A file can name any host: once it is
 * imported, each profile whose endpoints are on plain http: or on another origin than its
 * issuer is named here with them, before anyone runs it.
 */
export function ProfileTransfer({ onImported }: { onImported: (profiles: FlowProfile[], message: string) => void }) {
  const { ask } = useCapabilities();
  const [json, setJson] = useState('');
  const [warnings, setWarnings] = useState<ImportWarning[]>([]);
  return (
    <details class="transfer">
      <summary>Import / export profiles</summary>
      <textarea name="profilesJson" rows={4} value={json} onInput={(e) => setJson(e.currentTarget.value)} placeholder="Exported profiles (JSON)" />
      <p class="actions">
        <button type="button" class="secondary" onClick={async () => setJson(await ask('exportProfiles', undefined))}>Export (without secrets)</button>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            setWarnings([]);
            const { imported, problems } = await ask('importProfiles', { json });
            // The same reading the background made, here for what it found worth a look.
            const { PROVIDER_IDENTITIES } = await import('./known-providers');
            setWarnings(imported > 0 ? importProfiles(json, PROVIDER_IDENTITIES).warnings : []);
            onImported(await ask('listProfiles', undefined), [`Imported ${imported} profile${imported === 1 ? '' : 's'}.`, ...problems].join(' '));
          }}
        >
          Import
        </button>
      </p>
      {warnings.length > 0 && (
        <div data-testid="import-warnings">
          {warnings.map(({ profile, warnings: found }, i) => (
            <EndpointWarnings key={`${i} ${profile}`} warnings={found} title={`Imported “${profile}”:`} testId="import-endpoint-warnings" />
          ))}
        </div>
      )}
    </details>
  );
}

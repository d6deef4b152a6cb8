import { useState } from 'preact/hooks';
import type { FlowProfile } from '../core';
import type { Ask } from './ask';

/** Profiles in and out as JSON, never with their secrets. */
export function ProfileTransfer({ ask, onImported }: { ask: Ask; onImported: (profiles: FlowProfile[], message: string) => void }) {
  const [json, setJson] = useState('');
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
            const { imported, problems } = await ask('importProfiles', { json });
            onImported(await ask('listProfiles', undefined), [`Imported ${imported} profile${imported === 1 ? '' : 's'}.`, ...problems].join(' '));
          }}
        >
          Import
        </button>
      </p>
    </details>
  );
}

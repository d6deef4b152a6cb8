import { useState } from 'preact/hooks';
import { fillPreset, PROVIDER_PRESETS, type FlowProfile } from '../core';
import { NoteText } from './NoteText';

/** Start from a provider preset (filled from its documentation) or a saved profile. */
export function ProfilePicker({ saved, onPick }: { saved: FlowProfile[]; onPick: (profile: FlowProfile) => void }) {
  const [choice, setChoice] = useState('preset:bundled-demo');
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const preset = choice.startsWith('preset:') ? PROVIDER_PRESETS.find((p) => `preset:${p.id}` === choice) : undefined;

  const use = () => {
    if (preset) {
      const filled = fillPreset(preset, values);
      if (!filled.ok) return setMissing(filled.missing);
      setMissing([]);
      return onPick(filled.profile);
    }
    const profile = saved.find((p) => `saved:${p.id}` === choice);
    if (profile) onPick(profile);
  };

  return (
    <div class="picker">
      <div class="pick">
        <label>
          Profile
          <select name="profilePick" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <optgroup label="Presets">
              {PROVIDER_PRESETS.map((p) => <option key={p.id} value={`preset:${p.id}`}>{p.name}</option>)}
            </optgroup>
            {saved.length > 0 && (
              <optgroup label="Saved">
                {saved.map((p) => <option key={p.id} value={`saved:${p.id}`}>{p.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <button type="button" class="secondary" data-action="use-profile" onClick={use}>Use</button>
      </div>
      {preset?.parameters.map((parameter) => (
        <label key={parameter.name}>
          {parameter.label}
          <input
            name={`preset-${parameter.name}`}
            placeholder={parameter.example}
            value={values[parameter.name] ?? ''}
            onInput={(e) => setValues({ ...values, [parameter.name]: e.currentTarget.value })}
          />
        </label>
      ))}
      {missing.length > 0 && <p class="error">Fill in: {missing.join(', ')}</p>}
      {/* Folded: read once, they would push Run out of a 600 px popup. */}
      {preset && preset.notes.length > 0 && (
        <details class="preset-notes">
          <summary>About {preset.name}</summary>
          <ul class="notes">
            {preset.notes.map((note) => <li key={note}><NoteText text={note} /></li>)}
            <li><a href={preset.source} target="_blank" rel="noreferrer">Provider documentation</a></li>
          </ul>
        </details>
      )}
    </div>
  );
}

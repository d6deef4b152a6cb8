import { useState } from 'preact/hooks';
import { useLazy } from './use-lazy';

/**
 * A HAR file from any browser or proxy, dropped, chosen or pasted: judged here, in this page, as
 * the watcher judges live traffic. Nothing of it is stored or sent anywhere.
 */
export function HarImport() {
  const [har, setHar] = useState<{ text: string; name: string }>();
  const [reading, setReading] = useState<string>();
  const Timeline = useLazy(() => import('./HarTimeline').then((module) => module.HarTimeline), har !== undefined);
  const read = (file: File | undefined) => {
    if (!file) return;
    setReading(`Reading ${file.name}…`);
    file.text().then(
      (text) => (setHar({ text, name: file.name }), setReading(undefined)),
      (error: Error) => setReading(`Could not read ${file.name}: ${error.message}`),
    );
  };
  return (
    <section
      class="har-import"
      aria-label="Import a HAR file"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => (e.preventDefault(), read(e.dataTransfer?.files[0]))}
    >
      <h3>Import a HAR file</h3>
      <p class="muted">
        Export one from the browser's network panel (Chrome, Firefox, Safari) or a proxy (Charles, Fiddler, Proxyman), then drop it here, choose it or paste it: its OAuth requests are judged with the file's own history (a code redeemed twice, a redirect_uri that changed). Read in this page only; nothing of it is stored.
      </p>
      <p class="actions">
        <label class="inline">
          <input type="file" name="harFile" accept=".har,application/json" onChange={(e) => read(e.currentTarget.files?.[0])} />
        </label>
      </p>
      <textarea
        name="harText"
        rows={3}
        spellcheck={false}
        aria-label="HAR file, pasted"
        placeholder='{"log": {"version": "1.2", "entries": [...]}}'
        onInput={(e) => {
          const text = e.currentTarget.value;
          setHar(text.trim() === '' ? undefined : { text, name: 'pasted HAR' });
        }}
      />
      {reading && <p class="muted" role="status">{reading}</p>}
      {har && (Timeline ? <Timeline text={har.text} name={har.name} /> : <p class="muted">Judging…</p>)}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { percentEncode } from '../core';
import { useCapabilities } from './capabilities';

/** One click each: the token, a ready Authorization header line, the token percent-encoded for a URL or cookie. */
export function CopyButtons({ token }: { token: string }) {
  const { copy } = useCapabilities();
  const [feedback, setFeedback] = useState<{ label: string; ok: boolean; error?: string }>();
  const variants = [
    ['token', 'Copy token', token],
    ['header', 'Copy Authorization header', `Authorization: Bearer ${token}`],
    ['url', 'Copy URL-encoded', percentEncode(token)],
  ] as const;

  const run = (label: string, text: string) =>
    copy(text).then(
      () => setFeedback({ label, ok: true }),
      (error: Error) => setFeedback({ label, ok: false, error: error.message }),
    );

  return (
    <p class="copy">
      {variants.map(([id, label, text]) => (
        <button key={id} type="button" class="secondary" data-copy={id} onClick={() => run(label, text)}>
          {feedback?.label === label ? (feedback.ok ? 'Copied ✓' : 'Copy failed') : label}
        </button>
      ))}
      <span role="status" class={feedback?.ok === false ? 'error' : 'muted'}>
        {feedback && (feedback.ok ? `${feedback.label.replace('Copy ', '')} copied.` : `Could not copy: ${feedback.error}`)}
      </span>
    </p>
  );
}

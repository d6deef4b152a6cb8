import { compareRedirectUris } from '../core';

/** The two redirect URIs one above the other, then each difference named. */
export function RedirectDiff({ expected, actual }: { expected: string; actual: string }) {
  const { differences } = compareRedirectUris(expected, actual);
  return (
    <div class="redirect-diff" data-testid="redirect-diff">
      <dl>
        <dt>At authorization</dt>
        <dd>
          <code>{expected}</code>
        </dd>
        <dt>At the token request</dt>
        <dd>
          <code>{actual}</code>
        </dd>
      </dl>
      <ul>
        {differences.map((difference) => (
          <li key={`${difference.part}:${difference.expected}:${difference.actual}`} data-part={difference.part}>
            <strong>{difference.part.replace('_', ' ')}</strong>: <code>{difference.expected || '(none)'}</code> → <code>{difference.actual || '(none)'}</code>{' '}
            <span class="muted">{difference.note}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

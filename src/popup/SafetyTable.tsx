import { describeChar, type TokenInspection } from '../core';

const PLACES = { url: 'URL (query or path)', header: 'Authorization header', cookie: 'Cookie value' } as const;

/** Where the token can travel unencoded, by the grammar of each place. */
export function SafetyTable({ safety }: { safety: TokenInspection['safety'] }) {
  return (
    <table class="safety" data-testid="safety">
      <tbody>
        {(Object.keys(PLACES) as (keyof typeof PLACES)[]).map((place) => {
          const verdict = safety[place];
          return (
            <tr key={place} data-place={place} data-safe={String(verdict.safe)}>
              <th scope="row">{PLACES[place]}</th>
              <td class="verdict" aria-label={verdict.safe ? 'safe' : 'not safe'}>
                {verdict.safe ? '✓' : '✗'}
              </td>
              <td>
                {verdict.offending.length > 0 && (
                  <span class="offending-list">
                    {verdict.offending.map((char) => <code key={char}>{describeChar(char)}</code>)}{' '}
                  </span>
                )}
                {verdict.advice}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

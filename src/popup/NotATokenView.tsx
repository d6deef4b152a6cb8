import type { NotATokenReason, TokenInspection } from '../core';
import { TokenInspectionView } from './TokenInspectionView';

/** "This does not look like a token", with why; the inspection stays one click away. */
export function NotATokenView({ reasons, inspection, now }: { reasons: NotATokenReason[]; inspection: TokenInspection; now: number }) {
  return (
    <article class="not-a-token" data-testid="not-a-token">
      <h3>This does not look like a token</h3>
      <ul class="warnings" data-testid="not-a-token-reasons">
        {reasons.map((reason) => (
          <li key={reason.message} data-code={reason.code}>
            {reason.message}
          </li>
        ))}
      </ul>
      <details class="token-field">
        <summary>Inspect it as a token anyway</summary>
        <TokenInspectionView inspection={inspection} now={now} />
      </details>
    </article>
  );
}

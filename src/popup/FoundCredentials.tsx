import type { PasteClassification } from '../core';
import { BasicCredentialsView } from './BasicCredentialsView';
import { TokenInspectionView } from './TokenInspectionView';

type Found = Extract<PasteClassification, { kind: 'credentials' }>;

/** Every credential found in a command, request or text, each with where it was; the first opened. */
export function FoundCredentials({ found, now }: { found: Found; now: number }) {
  const { credentials } = found;
  return (
    <article class="found-credentials" data-testid="found-credentials" data-container={found.container}>
      <h3>
        {credentials.length === 0 ? 'No credential' : credentials.length === 1 ? 'One credential' : `${credentials.length} credentials`} in {found.description}
      </h3>
      {found.request && (
        <p class="muted">
          <code>
            {found.request.method} {found.request.url}
          </code>
        </p>
      )}
      {credentials.length === 0 && (
        <p class="muted">
          Nothing here carries a credential: no Authorization header, -u or --oauth2-bearer, cookie, token or secret field, or token in the URL. Paste the token itself, or the command or request that sends it.
        </p>
      )}
      {credentials.map((credential, i) => (
        <details key={`${credential.where}-${i}`} open={i === 0} class="token-field" data-testid="credential" data-source={credential.source}>
          <summary>
            <code>{credential.scheme && credential.source === 'authorization' ? `${credential.name}: ${credential.scheme}` : credential.name}</code>{' '}
            <span data-testid="credential-where">from {credential.where}</span>
          </summary>
          {credential.meaning && <p class="muted">{credential.meaning}</p>}
          {credential.notAToken && (
            <ul class="warnings" data-testid="credential-not-a-token">
              {credential.notAToken.map((reason) => (
                <li key={reason.message} data-code={reason.code}>
                  {reason.message}
                </li>
              ))}
            </ul>
          )}
          {credential.basic && <BasicCredentialsView basic={credential.basic} />}
          {credential.inspection && <TokenInspectionView inspection={credential.inspection} now={now} />}
        </details>
      ))}
    </article>
  );
}

import type { EndpointWarning } from '../core';

/**
 * Where a profile would send its secrets, when that deserves a look: endpoints on plain http:
 * (not loopback) and endpoints on another origin than the issuer, each named with its host. A
 * host documented as the same provider's (Google's oauth2.googleapis.com, say) is listed apart,
 * quieter. Nothing is refused: the developer judges.
 */
export function EndpointWarnings({ warnings, title, testId = 'endpoint-warnings' }: { warnings: EndpointWarning[]; title?: string; testId?: string }) {
  if (warnings.length === 0) return null;
  const look = warnings.filter((warning) => !warning.knownProvider);
  const known = warnings.filter((warning) => warning.knownProvider);
  const hosts = [...new Set(look.map((warning) => warning.host))];
  return (
    <div class="endpoint-warnings" data-testid={testId}>
      {title && <p class="title">{title}</p>}
      {look.length > 0 && (
        <>
          <p class="warning" role="note">
            Check where this profile sends its secrets before running it: {hosts.join(', ')}.
          </p>
          <ul class="warnings">
            {look.map(warningItem)}
          </ul>
        </>
      )}
      {known.length > 0 && (
        <details class="known">
          <summary class="muted">
            On other hosts of {[...new Set(known.map((warning) => warning.knownProvider!.provider))].join(', ')}: {[...new Set(known.map((warning) => warning.host))].join(', ')}
          </summary>
          <ul class="muted">
            {known.map(warningItem)}
          </ul>
        </details>
      )}
    </div>
  );
}

// Called, not rendered as a component: the key must sit on the item the list holds.
function warningItem(warning: EndpointWarning) {
  return (
    <li key={`${warning.code} ${warning.endpoint}`} data-code={warning.code} data-endpoint={warning.endpoint} data-host={warning.host}>
      {warning.message}
    </li>
  );
}

import { maskSecret, type BasicCredentials } from '../core';

/** HTTP Basic credentials read back: the client id in full, the secret only by its length (it is in the paste already). */
export function BasicCredentialsView({ basic }: { basic: BasicCredentials }) {
  return (
    <div class="basic-credentials" data-testid="basic-credentials">
      <dl>
        <dt>Client id</dt>
        <dd>
          <code data-testid="basic-client-id">{basic.clientId}</code>
        </dd>
        <dt>Client secret</dt>
        <dd data-testid="basic-client-secret">{basic.secretMissing ? 'not in the paste' : maskSecret(basic.clientSecret, 'password')}</dd>
      </dl>
      <p class="muted">Basic is base64, not encryption: anyone who sees this header can read the secret. Treat a pasted one as exposed.</p>
      {basic.notes.length > 0 && (
        <ul class="warnings">
          {basic.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

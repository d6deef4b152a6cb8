import { useEffect, useState } from 'preact/hooks';
import { jwtPayload, maskSecret, tokenStatus, type FlowRun, type TokenStatus } from '../core';
import { useCapabilities } from './capabilities';
import { JwsVerdict } from './JwsVerdict';
import { useOpenInInspect } from './open-in-inspect';
import { Time } from './Time';

const STATE_WORDS: Record<TokenStatus['state'], string> = { active: 'active', expired: 'expired', revoked: 'revoked', inactive: 'inactive (introspection)' };

/** The scheme an Authorization header takes for this token_type (RFC 6750 §2.1; RFC 9449 §7.1). */
function scheme(tokenType: unknown): string {
  if (typeof tokenType !== 'string' || /^bearer$/i.test(tokenType)) return 'Bearer';
  return /^dpop$/i.test(tokenType) ? 'DPoP' : tokenType;
}

/** "in 59:48" or "3:02 ago": the time left, counted down while the view is open. */
function until(at: number, now: number): string {
  const seconds = Math.round(Math.abs(at - now) / 1000);
  const text = `${Math.floor(seconds / 3600) ? `${Math.floor(seconds / 3600)}:` : ''}${String(Math.floor(seconds / 60) % 60).padStart(seconds >= 3600 ? 2 : 1, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return at >= now ? `in ${text}` : `${text} ago`;
}

/**
 * A JWT among the run's tokens gets its verdict beside it. The ID token is verified at once with
 * the run's issuer's keys (its own iss's when the run knows no issuer, as IdTokenCheck does); an
 * access token only when its iss names the run's issuer (RFC 9068's JWT access tokens do): another
 * issuer's, or none, is verified on request.
 */
function verdictOf(name: 'access_token' | 'refresh_token' | 'id_token', token: string, runIssuer: string | undefined) {
  const claims = name === 'refresh_token' ? undefined : jwtPayload(token);
  if (!claims) return null;
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const issuer = name === 'id_token' ? (runIssuer ?? iss) : iss;
  return <JwsVerdict token={token} issuer={issuer} auto={issuer !== undefined && (name === 'id_token' || issuer === runIssuer)} />;
}

/** A run's tokens, usable: each copied as itself or as an Authorization line, or opened in Inspect; expiry counted down; what ended it shown. */
export function RunTokens({ run }: { run: FlowRun }) {
  const { copy } = useCapabilities();
  const inspect = useOpenInInspect();
  const [now, setNow] = useState(Date.now());
  const [copied, setCopied] = useState<string>();
  const status = tokenStatus(run, now);
  const tokens = run.tokens;
  const counting = status.access?.state === 'active' && status.access.expiresAt !== undefined;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);
  if (!tokens) return null;
  const claims = typeof tokens.id_token === 'string' ? jwtPayload(tokens.id_token) : undefined;
  const doCopy = (key: string, text: string) =>
    copy(text).then(
      () => setCopied(key),
      (error: Error) => setCopied(`error:${error.message}`),
    );
  const row = (name: 'access_token' | 'refresh_token' | 'id_token', label: string, token: string, state?: TokenStatus) => (
    <div class="token" data-token={name} data-state={state?.state} key={name}>
      <dt>
        {label} {state && state.state !== 'active' && <span class={`badge ${state.state}`}>{STATE_WORDS[state.state]}</span>}
      </dt>
      <dd>
        <code data-testid={name === 'access_token' ? 'access-token' : undefined}>{maskSecret(token)}</code>
        <span class="token-actions">
          <button type="button" class="secondary" data-copy-token={name} onClick={() => doCopy(name, token)}>
            {copied === name ? 'Copied ✓' : 'Copy'}
          </button>
          {name === 'access_token' && (
            <button type="button" class="secondary" data-copy-token="authorization" onClick={() => doCopy('authorization', `Authorization: ${scheme(tokens.token_type)} ${token}`)}>
              {copied === 'authorization' ? 'Copied ✓' : 'Copy as Authorization'}
            </button>
          )}
          {inspect && (
            <button type="button" class="secondary" data-inspect-token={name} onClick={() => inspect(token)}>
              Inspect
            </button>
          )}
        </span>
        {verdictOf(name, token, run.issuer?.identifier)}
      </dd>
    </div>
  );
  const expiresAt = status.access?.expiresAt;
  return (
    <dl class="run-tokens">
      {row('access_token', 'Access token', tokens.access_token, status.access)}
      {tokens.token_type && (<><dt>Type</dt><dd>{tokens.token_type}</dd></>)}
      {expiresAt && (
        <>
          <dt>Expires</dt>
          <dd data-testid="expires">
            <Time at={expiresAt} now={now} />
            {status.access?.state !== 'revoked' && status.access?.state !== 'inactive' && <> ({until(Date.parse(expiresAt), now)})</>}
          </dd>
        </>
      )}
      {tokens.scope && (<><dt>Scope</dt><dd>{tokens.scope}</dd></>)}
      {typeof tokens.refresh_token === 'string' ? row('refresh_token', 'Refresh token', tokens.refresh_token, status.refresh) : (<><dt>Refresh token</dt><dd>none</dd></>)}
      {typeof tokens.id_token === 'string' && row('id_token', 'ID token', tokens.id_token)}
      {claims && (
        <>
          <dt>ID token claims</dt>
          <dd>
            <pre data-testid="id-token-claims">{JSON.stringify(claims, null, 2)}</pre>
          </dd>
        </>
      )}
      {copied?.startsWith('error:') && <dd class="error">Could not copy: {copied.slice(6)}</dd>}
    </dl>
  );
}

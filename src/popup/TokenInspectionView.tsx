import { describeExpiry, describeRelative, type TokenInspection } from '../core';
import { CopyButtons } from './CopyButtons';
import { JwsVerdict } from './JwsVerdict';
import { SafetyTable } from './SafetyTable';
import { Time } from './Time';
import { TokenText } from './TokenText';

const KIND_LABEL = { jwt: 'JWT', jwe: 'JWE (encrypted)', opaque: 'opaque', empty: 'empty' } as const;

/** The token's own iss, when it names an issuer whose discovery could be read: the keys it offers to verify with. */
function issuerOf(payload: Record<string, unknown> | undefined): string | undefined {
  const iss = payload?.iss;
  return typeof iss === 'string' && /^https?:\/\//i.test(iss) && URL.canParse(iss) ? iss : undefined;
}

export function TokenInspectionView({ inspection, now }: { inspection: TokenInspection; now: number }) {
  const { jwt, provider } = inspection;
  return (
    <article class="inspection" data-testid="inspection" data-kind={inspection.kind}>
      <p class="badges">
        <span class="badge kind">{KIND_LABEL[inspection.kind]}</span>
        {provider && (
          <a class="badge provider" href={provider.source} target="_blank" rel="noreferrer" title={`Prefix ${provider.prefix}: see the provider's documentation`}>
            {provider.name} · {provider.kind}
          </a>
        )}
        <span class="badge">{inspection.length} chars</span>
      </p>
      {inspection.warnings.length > 0 && (
        <ul class="warnings" data-testid="warnings">
          {inspection.warnings.map((warning, i) => (
            <li key={i} data-code={warning.code}>
              {warning.message}
            </li>
          ))}
        </ul>
      )}
      {inspection.token !== '' && (
        <>
          <TokenText inspection={inspection} />
          <CopyButtons token={inspection.token} />
        </>
      )}
      {jwt && (
        <div class="jwt">
          {inspection.kind === 'jwt' && <JwsVerdict token={inspection.token} issuer={issuerOf(jwt.payload)} />}
          {(jwt.expiresAt || jwt.issuedAt || jwt.notBefore) && (
            <dl class="times">
              {([['Expires', jwt.expiresAt], ['Issued', jwt.issuedAt], ['Not before', jwt.notBefore]] as const).map(
                ([label, at]) =>
                  at && (
                    <>
                      <dt>{label}</dt>
                      <dd>
                        <Time at={at} now={now} /> <small>({label === 'Expires' ? describeExpiry(Date.parse(at), now) : describeRelative(Date.parse(at), now)})</small>
                      </dd>
                    </>
                  ),
              )}
            </dl>
          )}
          <h4 class="part-header">Header</h4>
          <pre data-testid="jwt-header">{JSON.stringify(jwt.header, null, 2)}</pre>
          {jwt.payload && (
            <>
              <h4 class="part-payload">Claims</h4>
              <pre data-testid="jwt-payload">{JSON.stringify(jwt.payload, null, 2)}</pre>
            </>
          )}
        </div>
      )}
      {inspection.token !== '' && <SafetyTable safety={inspection.safety} />}
    </article>
  );
}

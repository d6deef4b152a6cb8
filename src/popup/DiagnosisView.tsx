import { CATEGORY_TEXTS, type Diagnosis } from '../core';
import { RedirectDiff } from './RedirectDiff';
import { RetryCountdown } from './RetryCountdown';
import { TextWithTimes } from './TextWithTimes';

const URL_IN_TEXT = /https?:\/\/\S+/;

/** Cause, evidence and fix, in the order a developer reads them; `at` anchors the Retry-After countdown. */
export function DiagnosisView({ diagnosis, at }: { diagnosis: Diagnosis; at?: string | undefined }) {
  return (
    <section class="diagnosis" data-category={diagnosis.category} data-certain={diagnosis.certain}>
      <h3>
        {headingOf(diagnosis)} {diagnosis.provider && <span class="badge provider">{diagnosis.provider}</span>}
      </h3>
      <p data-testid="explanation">
        <TextWithTimes text={diagnosis.explanation} times={diagnosis.times} />
      </p>
      {diagnosis.retryAfterSeconds !== undefined && <RetryCountdown seconds={diagnosis.retryAfterSeconds} from={at} />}
      {diagnosis.redirectUris && <RedirectDiff expected={diagnosis.redirectUris.atAuthorization} actual={diagnosis.redirectUris.atExchange} />}
      <h4>How to fix</h4>
      <ol class="fixes">
        {diagnosis.fixes.map((fix) => (
          <li key={fix}>{fix}</li>
        ))}
      </ol>
      <h4>Evidence</h4>
      <ul class="evidence">
        {diagnosis.evidence.map((line) => (
          <li key={line}>
            <TextWithTimes text={line} times={diagnosis.times} />
          </li>
        ))}
      </ul>
      {!diagnosis.certain && diagnosis.candidates.length > 1 && (
        <p class="muted" data-testid="candidates">
          Also possible: {diagnosis.candidates.slice(1).map((category) => CATEGORY_TEXTS[category].title).join(' · ')}
        </p>
      )}
      <h4>References</h4>
      <ul class="references">
        {diagnosis.references.map((reference) => (
          <li key={reference}>
            <Reference text={reference} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The title, without the provider it ends with when the badge beside it names that provider:
 * "Authorization code already used (FreeAgent) FreeAgent" says it twice. The Errors list, which
 * has no badge, keeps the whole title.
 */
function headingOf({ title, provider }: Diagnosis): string {
  const suffix = provider ? ` (${provider})` : '';
  return suffix && title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

function Reference({ text }: { text: string }) {
  const url = URL_IN_TEXT.exec(text)?.[0];
  if (!url) return <>{text}</>;
  const label = text.replace(url, '').trim() || url;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
}

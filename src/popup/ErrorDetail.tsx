import { useState } from 'preact/hooks';
import { errorReport, type Diagnosis, type HttpExchange } from '../core';
import { useCapabilities } from './capabilities';
import { DiagnosisView } from './DiagnosisView';
import { formatRequest, formatResponse } from './format-http';
import { HostAccess } from './HostAccess';

/** One error opened: the diagnosis, the raw (redacted) exchange, and a report to paste elsewhere. */
export function ErrorDetail({ exchange, diagnosis, at }: { exchange: HttpExchange; diagnosis: Diagnosis; at?: string | undefined }) {
  const { copy } = useCapabilities();
  const [copied, setCopied] = useState<string>();
  const copyReport = () =>
    copy(errorReport(exchange, diagnosis, at)).then(
      () => setCopied('Report copied (secrets redacted).'),
      (error: Error) => setCopied(`Could not copy: ${error.message}`),
    );
  const { request, response } = exchange;
  return (
    <div class="error-detail" data-testid="error-detail">
      <DiagnosisView diagnosis={diagnosis} at={at} />
      {/* Nothing was read because CORS hid or stopped it: the host permission is the fix, offered here. */}
      {exchange.noResponse?.hostPermission && <HostAccess url={exchange.request?.url} />}
      <p class="copy">
        <button type="button" class="secondary" data-action="copy-report" onClick={copyReport}>
          Copy report
        </button>
        <span role="status" class="muted">
          {copied}
        </span>
      </p>
      <details>
        <summary>Request and response (secrets redacted)</summary>
        {request && (
          <>
            <h4>Request</h4>
            <pre>{formatRequest(request)}</pre>
          </>
        )}
        <h4>Response</h4>
        <pre data-testid="error-response">{formatResponse(response)}</pre>
      </details>
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { explainExchange, parseHttpTranscript, redactExchange, type Diagnosis, type HttpExchange } from '../core';
import { ErrorDetail } from './ErrorDetail';

type Outcome = { kind: 'empty' } | { kind: 'unreadable'; message: string } | { kind: 'fine'; status: number } | { kind: 'error'; exchange: HttpExchange; diagnosis: Diagnosis };

/** Paste what curl, a log or the network panel showed; get the same diagnosis as a logged error. */
export function ExplainResponse() {
  const [text, setText] = useState('');
  const outcome = useMemo((): Outcome => {
    if (text.trim() === '') return { kind: 'empty' };
    const read = parseHttpTranscript(text);
    if (!read.ok) return { kind: 'unreadable', message: read.problem };
    const { exchange } = read;
    const diagnosis = explainExchange(exchange);
    return diagnosis ? { kind: 'error', exchange: redactExchange(exchange), diagnosis } : { kind: 'fine', status: exchange.response.status };
  }, [text]);

  return (
    <section class="explain-response" aria-label="Explain a response">
      <label>
        Explain a response
        <textarea
          name="transcript"
          rows={5}
          placeholder={'Paste curl -i or curl -v output, a raw HTTP response, or a status and a body:\n401\n{"error":"invalid_token"}'}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      {outcome.kind === 'unreadable' && (
        <p class="error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.kind === 'fine' && <p class="muted">HTTP {outcome.status} with no error in it: nothing to explain.</p>}
      {outcome.kind === 'error' && <ErrorDetail exchange={outcome.exchange} diagnosis={outcome.diagnosis} />}
    </section>
  );
}

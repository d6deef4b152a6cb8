import { explainExchange, redactExchange, type HttpExchange } from '../core';
import { ErrorDetail } from './ErrorDetail';

/** An error redirect pasted into Inspect, explained as "Explain a response" explains one; loaded on demand. */
export function AuthorizationErrorView({ exchange }: { exchange: HttpExchange }) {
  const diagnosis = explainExchange(exchange, { step: 'authorize' });
  if (!diagnosis) return null;
  return <ErrorDetail exchange={redactExchange(exchange)} diagnosis={diagnosis} />;
}

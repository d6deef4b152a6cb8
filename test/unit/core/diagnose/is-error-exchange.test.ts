import { describe, expect, it } from 'vitest';
import { isErrorExchange, readError, type HttpExchange } from '../../../../src/core';

const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
  ({ request: { method: 'POST', url: 'https://as.example/token' }, response: { status, headers, body } }) as HttpExchange;

describe('isErrorExchange: whether an exchange failed, by readError’s rules', () => {
  it.each([
    ['no response', answer(0), true],
    ['a 4xx', answer(400), true],
    ['a 5xx', answer(503), true],
    ['a 2xx with an RFC 6749 error', answer(200, '{"error":"invalid_grant"}'), true],
    ["a 2xx with Slack's ok: false", answer(200, '{"ok":false}'), true],
    ['a 2xx with a form-encoded error', answer(200, 'error=bad_verification_code'), true],
    ['a 2xx with an XML error code', answer(200, '<?xml version="1.0"?><r><code>E1</code></r>'), true],
    ['a redirect carrying an error in its fragment', answer(302, '', { Location: 'https://app.example/cb#error=access_denied' }), true],
    ['a 2xx token response', answer(200, '{"access_token":"x","token_type":"Bearer"}'), false],
    ['a 2xx HTML page naming an error', answer(200, '<html><title>Error</title><h1>Oops</h1></html>'), false],
    ['a 2xx with an empty error', answer(200, '{"error":""}'), false],
    ['a redirect with a code', answer(302, '', { location: 'https://app.example/cb?code=abc' }), false],
  ])('%s', (_, exchange, failed) => {
    expect(isErrorExchange(exchange)).toBe(failed);
    expect(readError(exchange) !== null).toBe(failed);
  });

  it('counts an exchange it cannot read as failed, as readError reads it', () => {
    const hostile = { get response(): never { throw new Error('boom'); } } as unknown as HttpExchange;
    expect(isErrorExchange(hostile)).toBe(true);
    expect(readError(hostile)).not.toBeNull();
  });
});

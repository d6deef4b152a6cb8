import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { explainExchange, type Diagnosis } from '../../src/core';
import { DiagnosisView } from '../../src/popup/DiagnosisView';

afterEach(cleanup);

// FreeAgent answers a reused authorisation code with its Basic-auth refusal: a provider rule, so the title names FreeAgent.
const freeAgentReuse = explainExchange(
  {
    request: { method: 'POST', url: 'https://api.freeagent.com/v2/token_endpoint', body: 'grant_type=authorization_code&code=x&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb' },
    response: { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Application"' }, body: 'HTTP Basic: Access denied.\n' },
  },
  { step: 'token', grantType: 'authorization_code', codeFirstRedeemedAt: '2026-11-22T14:02:11Z' },
)!;

const heading = (diagnosis: Diagnosis) => render(<DiagnosisView diagnosis={diagnosis} />).container.querySelector('h3')!;

describe('a diagnosis title', () => {
  it('names its provider once: in the badge, not again in the title', () => {
    expect(freeAgentReuse.provider).toBe('FreeAgent');
    expect(freeAgentReuse.title).toMatch(/ \(FreeAgent\)$/);
    const h3 = heading(freeAgentReuse);
    expect(h3.textContent!.match(/FreeAgent/g)).toHaveLength(1);
    expect(h3.textContent).not.toContain('(FreeAgent)');
    expect(h3.querySelector('.badge.provider')!.textContent).toBe('FreeAgent');
  });

  it('keeps a title that does not end with its provider as it is', () => {
    const h3 = heading({ ...freeAgentReuse, title: 'FreeAgent (sandbox) refused the code' });
    expect(h3.textContent).toBe('FreeAgent (sandbox) refused the code FreeAgent');
    expect(heading({ ...freeAgentReuse, provider: undefined, title: 'Reused (FreeAgent)' }).textContent!.trim()).toBe('Reused (FreeAgent)');
  });
});

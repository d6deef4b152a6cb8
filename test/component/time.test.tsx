import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { explainExchange } from '../../src/core';
import { DiagnosisView } from '../../src/popup/DiagnosisView';
import { TextWithTimes } from '../../src/popup/TextWithTimes';
import { Time } from '../../src/popup/Time';

afterEach(cleanup);

const AT = '2026-11-22T14:02:11.000Z';
const local = new Date(AT);

describe('Time', () => {
  it('shows the local time of an instant of today, with UTC and ISO 8601 on hover', () => {
    const { container } = render(<Time at={AT} now={Date.parse(AT) + 60_000} />);
    const time = container.querySelector('time')!;
    expect(time.textContent).toBe(local.toLocaleTimeString());
    expect(time.dateTime).toBe('2026-11-22T14:02:11Z');
    expect(time.title).toBe('2026-11-22 14:02:11 UTC\n2026-11-22T14:02:11Z');
  });

  it('adds the local date to an instant of another day', () => {
    const { container } = render(<Time at={AT} now={Date.parse(AT) + 3 * 86_400_000} />);
    expect(container.querySelector('time')!.textContent).toBe(local.toLocaleString());
  });

  it('shows what is no instant as it came, without a <time>', () => {
    const { container } = render(<Time at="soon" />);
    expect(container.textContent).toBe('soon');
    expect(container.querySelector('time')).toBeNull();
  });
});

describe('a core text that names instants', () => {
  it('shows each instant it is told of as a Time, the rest as text', () => {
    const { container } = render(<TextWithTimes text="Revoked at 14:02:11 UTC; the server says 10:00:00 UTC." times={[AT]} />);
    expect(container.querySelectorAll('time')).toHaveLength(1);
    expect(container.textContent).toBe(`Revoked at ${local.toLocaleString()}; the server says 10:00:00 UTC.`);
  });

  it('in a diagnosis: the explanation and the evidence, in local time', () => {
    const diagnosis = explainExchange(
      {
        request: { method: 'POST', url: 'https://server.example.com/token', body: 'grant_type=authorization_code&code=x&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb' },
        response: { status: 400, headers: { 'Content-Type': 'application/json' }, body: '{"error":"invalid_grant"}' },
      },
      { step: 'token', grantType: 'authorization_code', codeFirstRedeemedAt: AT },
    )!;
    // The core's texts stay in UTC: the same for every reader of a copied report.
    expect(diagnosis.explanation).toContain('already exchanged at 14:02:11 UTC');
    const { container } = render(<DiagnosisView diagnosis={diagnosis} />);
    expect(screen.getByTestId('explanation').textContent).toContain(`already exchanged at ${local.toLocaleString()}`);
    const evidence = container.querySelector('ul.evidence')!;
    expect(within(evidence as HTMLElement).getByText(/first sent to the token endpoint at/).querySelector('time')!.dateTime).toBe('2026-11-22T14:02:11Z');
    expect(container.textContent).not.toContain('14:02:11 UTC');
  });
});

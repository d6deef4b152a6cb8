import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HostAccess } from '../../src/popup/HostAccess';

afterEach(cleanup);

const NO_ANSWER =
  "No response from https://api.freeagent.com/v2/token_endpoint (Failed to fetch). The server may be down, or it refused the extension's origin (CORS).";

describe('Host access', () => {
  it('offers to ask for the host a request got no answer from, and says what came of it', async () => {
    const asked: string[][] = [];
    render(<HostAccess message={NO_ANSWER} requestHosts={async (urls) => (asked.push(urls), true)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow OAuth Lens to reach api.freeagent.com' }));
    expect(await screen.findByText('Access to api.freeagent.com granted: run it again.')).toBeTruthy();
    expect(asked).toEqual([['https://api.freeagent.com/v2/token_endpoint']]);
  });

  it('stays away when the request was answered', () => {
    render(<HostAccess message="HTTP 400. invalid_grant: grant request is invalid" requestHosts={async () => true} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

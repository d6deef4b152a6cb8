import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HostAccess } from '../../src/popup/HostAccess';

afterEach(cleanup);

const NO_ANSWER = 'https://api.freeagent.com/v2/token_endpoint';

describe('Host access', () => {
  it('offers to ask for the host a request got no answer from, and says what came of it', async () => {
    const asked: string[][] = [];
    render(<HostAccess url={NO_ANSWER} requestHosts={async (urls) => (asked.push(urls), true)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow OAuth Lens to reach api.freeagent.com' }));
    expect(await screen.findByText('Access to api.freeagent.com granted: run it again.')).toBeTruthy();
    expect(asked).toEqual([['https://api.freeagent.com/v2/token_endpoint']]);
  });

  it('stays away when the request was answered', () => {
    render(<HostAccess url={undefined} requestHosts={async () => true} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

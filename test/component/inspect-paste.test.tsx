import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InspectView } from '../../src/popup/InspectView';
import { RFC7519_EXP_MS, RFC7519_JWT } from '../unit/core/fixtures';
import { GITHUB_CURL, OIDC_ERROR_REDIRECT, RFC6749_ERROR_REDIRECT, RFC6749_TOKEN_REQUEST } from '../unit/core/paste-fixtures';
import { renderWith } from './render-with';

afterEach(cleanup);
// The view loads its reader after the first screen; loaded here once, the view's import finds it
// ready, as the built popup does, instead of each test waiting for it to be compiled.
beforeAll(async () => {
  await import('../../src/popup/PasteResult');
  await import('../../src/popup/AuthorizationErrorView');
});

/** Pastes, then waits for the reader, which loads after the first screen. */
async function paste(text: string) {
  renderWith(<InspectView now={() => RFC7519_EXP_MS - 12 * 60_000} />);
  fireEvent.input(screen.getByLabelText('Token, token response, header or cookie'), { target: { value: text } });
  return screen.findByTestId('paste-kind');
}

describe('Inspect knows what it was given', () => {
  it('a curl command: the JWT of its Authorization header, decoded, and where it was found', async () => {
    const shown = await paste(`curl -s -X GET \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: Bearer ${RFC7519_JWT}' \\\n  https://api.example.com/me`);
    expect(shown.dataset.kind).toBe('credentials');
    expect(screen.getByTestId('found-credentials').dataset.container).toBe('curl');
    expect(screen.getByRole('heading', { name: 'One credential in a curl command' })).toBeTruthy();
    expect(screen.getByTestId('credential-where').textContent).toBe('from the Authorization header (Bearer), set with -H');
    const inspection = screen.getByTestId('inspection');
    expect(inspection.dataset.kind).toBe('jwt');
    expect(JSON.parse(screen.getByTestId('jwt-payload').textContent!)).toMatchObject({ iss: 'joe' });
    // The token itself, not the 392-character command, is what can be copied.
    expect(within(inspection).getByText(`${RFC7519_JWT.length} chars`)).toBeTruthy();
  });

  it("a curl command from GitHub's docs: its placeholder token is said to be one", async () => {
    await paste(GITHUB_CURL);
    const reasons = screen.getByTestId('credential-not-a-token');
    expect([...reasons.querySelectorAll('li')].map((li) => li.dataset.code)).toEqual(['placeholder']);
    expect(reasons.textContent).toContain('"YOUR-TOKEN" is a placeholder');
  });

  it('a raw token request: Basic read as client id and secret, the secret shown only by its length', async () => {
    await paste(RFC6749_TOKEN_REQUEST);
    expect(screen.getByTestId('found-credentials').dataset.container).toBe('http_request');
    expect(screen.getByTestId('basic-client-id').textContent).toBe('s6BhdRkqt3');
    expect(screen.getByTestId('basic-client-secret').textContent).toBe('•••• (10 chars)');
    expect(screen.getByTestId('found-credentials').textContent).not.toContain('gX1fBat3bV');
  });

  it('an error redirect: shown as an error, not a token, and explained as Explain a response explains it', async () => {
    const shown = await paste(RFC6749_ERROR_REDIRECT);
    expect(shown.dataset.kind).toBe('authorization_error');
    expect(screen.getByRole('alert').textContent).toContain('error=access_denied');
    expect(screen.queryByTestId('inspection')).toBeNull();
    expect(screen.queryByTestId('warnings')).toBeNull();
    // The explainer loads on demand; then the diagnosis is the one Explain a response gives.
    const detail = await screen.findByTestId('error-detail');
    expect(detail.querySelector('.diagnosis')?.getAttribute('data-category')).toBe('consent_denied');
    expect(within(detail).getByTestId('error-response').textContent).toContain('302');
  });

  it("an error redirect with a description (OpenID Connect Core §3.1.2.6): the server's words shown", async () => {
    await paste(OIDC_ERROR_REDIRECT);
    expect(screen.getByRole('alert').textContent).toContain('error=invalid_request: Unsupported response_type value');
    expect(await screen.findByTestId('error-detail')).toBeTruthy();
  });

  it('prose: "this does not look like a token", with the reason, and the inspection still one click away', async () => {
    const shown = await paste('Why does my access token stop working after an hour?');
    expect(shown.dataset.kind).toBe('not_a_token');
    expect(screen.getByRole('heading', { name: 'This does not look like a token' })).toBeTruthy();
    const reasons = [...screen.getByTestId('not-a-token-reasons').querySelectorAll('li')];
    expect(reasons.map((li) => li.dataset.code)).toEqual(['prose']);
    expect(reasons[0]!.textContent).toContain('spaces between words');
    expect(screen.getByText('Inspect it as a token anyway')).toBeTruthy();
  });

  it('a program’s empty value after Bearer: said so, not inspected as a token', async () => {
    await paste('Authorization: Bearer undefined');
    expect([...screen.getByTestId('not-a-token-reasons').querySelectorAll('li')].map((li) => li.dataset.code)).toEqual(['empty_value']);
  });
});

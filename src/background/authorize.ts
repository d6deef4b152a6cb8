import { errorMessage, FlowFailure, type FlowEnvironment } from './flow-environment';
import { originOf } from './recorded-fetch';

// What each browser says when the sign-in window ends without a redirect (seen in Chromium 156 and Firefox 153).
const USER_CLOSED = /did not approve access|cancelled or denied/i;
const PAGE_NOT_LOADED = /could not be loaded/i;

/**
 * Opens the provider's sign-in window and returns the redirect URL it ends on. When it ends
 * otherwise, says why as precisely as the browser allows: Chrome reports only "could not be
 * loaded" or "did not approve access", and Firefox never settles while the provider shows an
 * error page, so a timeout stops the wait and a probe tells a dead server from a live one.
 */
export async function authorize(url: string, env: FlowEnvironment): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FlowFailure('authorize', '', 'timeout')), env.authorizeTimeoutMs);
  });
  const launched = env.launchWebAuthFlow(url);
  // Once the race is lost, a late rejection (the window closed after all) has no one to tell.
  launched.catch(() => {});
  // Chromium settles at once when the page cannot load, and the probe waits for that. Firefox
  // would wait on its error page for a dead server until the timeout, so there the probe (of the
  // origin alone, never the authorization request) runs beside the window.
  const racers = env.authorizeHangsOnErrorPage ? [launched, timeout, unreachable(url, env)] : [launched, timeout];
  try {
    return await Promise.race(racers);
  } catch (error) {
    throw await explainAuthorizeFailure(url, error, env);
  } finally {
    clearTimeout(timer);
  }
}

function unreachable(url: string, env: FlowEnvironment): Promise<never> {
  return env.reachable(originOf(url)).then((up) => (up ? new Promise<never>(() => {}) : Promise.reject(new FlowFailure('authorize', '', 'server_unreachable'))));
}

async function explainAuthorizeFailure(url: string, error: unknown, env: FlowEnvironment): Promise<FlowFailure> {
  const said = error instanceof FlowFailure ? '' : errorMessage(error);
  const reachable = error instanceof FlowFailure && error.reason === 'server_unreachable' ? false : await env.reachable(originOf(url));
  const origin = new URL(url).origin;
  if (!reachable) {
    return new FlowFailure('authorize', `${said ? `${said} ` : ''}${origin} does not answer: the authorization server is down or the address is wrong.`, 'server_unreachable');
  }
  if (error instanceof FlowFailure && error.reason === 'timeout') {
    return new FlowFailure(
      'authorize',
      `The sign-in window did not come back within ${Math.round(env.authorizeTimeoutMs / 1000)} s. ${origin} is up, so it is most likely showing an error page — ` +
        'typically a redirect_uri or client_id it does not know (Firefox waits on such a page until the window is closed) — or the sign-in was left unfinished.',
      'timeout',
    );
  }
  if (USER_CLOSED.test(said)) {
    return new FlowFailure('authorize', `${said} The sign-in window was closed before the provider redirected back (or the provider showed an error page and it was closed).`, 'user_closed');
  }
  if (PAGE_NOT_LOADED.test(said)) {
    return new FlowFailure('authorize', `${said} ${origin} answers, but not with a sign-in page: check the authorization endpoint, client_id and redirect_uri registered there.`, 'authorization_page_error');
  }
  return new FlowFailure('authorize', said, 'authorization_page_error');
}

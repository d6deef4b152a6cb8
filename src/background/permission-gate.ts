import browser from 'webextension-polyfill';

/** How a wait for the person's answer to a permission prompt ended. */
export type PermissionAnswer = 'granted' | 'declined' | 'expired';

/** What a page asked the browser for: host match patterns and API permissions. */
export type Requested = { origins?: string[]; permissions?: string[] };

type Permissions = Pick<typeof browser.permissions, 'contains' | 'onAdded'>;

export type PermissionGate = {
  /** Whether the extension holds all of these now. */
  holds(request: Requested): Promise<boolean>;
  /**
   * Resolves once all are granted, the page that asked says "no" (`decline` with the same
   * `asker`), or `until` (epoch ms) passes.
   */
  wait(request: Requested, until: number, asker: string): Promise<PermissionAnswer>;
  /** The page that asked heard "no" from the prompt: its waits end declined. */
  decline(asker: string): void;
};

const POLL_MS = 1000;

/**
 * Where a grant asked for by a page arrives. A toolbar popup that asks is closed by Chromium as
 * soon as the prompt takes focus, and its promise never settles: the background hears the grant
 * (`permissions.onAdded`) and carries on with what the page meant to do. The poll is a second
 * ear, since Chromium tells nobody about a "Deny", and its steady API calls keep an idle service
 * worker from being stopped while the person reads the prompt. Create it at start-up,
 * synchronously, so an onAdded that wakes a stopped worker finds the listener.
 */
export function createPermissionGate(permissions: Permissions = browser.permissions, pollMs = POLL_MS): PermissionGate {
  const waiters = new Set<{ request: Requested; until: number; asker: string; settle: (answer: PermissionAnswer) => void }>();
  const holds = async ({ origins = [], permissions: api = [] }: Requested) =>
    (origins.length === 0 && api.length === 0) || (await permissions.contains({ origins, permissions: api as never }).catch(() => false));
  const check = async () => {
    for (const waiter of [...waiters]) {
      if (await holds(waiter.request)) waiter.settle('granted');
      else if (Date.now() >= waiter.until) waiter.settle('expired');
    }
  };
  permissions.onAdded.addListener(() => void check());
  return {
    holds,
    wait(request, until, asker) {
      return new Promise<PermissionAnswer>((resolve) => {
        const waiter = {
          request,
          until,
          asker,
          settle: (answer: PermissionAnswer) => {
            clearInterval(timer);
            waiters.delete(waiter);
            resolve(answer);
          },
        };
        const timer = setInterval(() => void check(), pollMs);
        waiters.add(waiter);
        // After registering: a grant that came before this wait began is seen here.
        void check();
      });
    },
    decline(asker) {
      for (const waiter of [...waiters]) if (waiter.asker === asker) waiter.settle('declined');
    },
  };
}

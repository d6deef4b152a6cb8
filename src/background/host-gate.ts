import browser from 'webextension-polyfill';

/** How a wait for the user's answer to a host-permission prompt ended. */
export type HostAnswer = 'granted' | 'declined' | 'expired';

type Permissions = Pick<typeof browser.permissions, 'contains' | 'onAdded'>;

export type HostGate = {
  /** Whether the extension may reach all these hosts (match patterns) now. */
  holds(permissions: string[]): Promise<boolean>;
  /** Resolves once all are granted, the user declines (`decline`), or `until` (epoch ms) passes. */
  wait(permissions: string[], until: number): Promise<HostAnswer>;
  /** The page that asked heard "no" from the prompt: every wait ends declined. */
  decline(): void;
};

const POLL_MS = 1000;

/**
 * Where a grant asked for by a page arrives. A toolbar popup that asks is closed by Chromium as
 * soon as the prompt takes focus, and its promise never settles: the background hears the grant
 * (`permissions.onAdded`) and carries on. The poll is a second ear, since Chromium tells nobody
 * about a "Deny", and its steady API calls keep an idle service worker from being stopped while
 * the person reads the prompt. Create it at start-up, synchronously, so an onAdded that wakes a
 * stopped worker finds the listener.
 */
export function createHostGate(permissions: Permissions = browser.permissions, pollMs = POLL_MS): HostGate {
  const waiters = new Set<{ permissions: string[]; until: number; settle: (answer: HostAnswer) => void }>();
  const holds = async (origins: string[]) => origins.length === 0 || (await permissions.contains({ origins }).catch(() => false));
  const check = async () => {
    for (const waiter of [...waiters]) {
      if (await holds(waiter.permissions)) waiter.settle('granted');
      else if (Date.now() >= waiter.until) waiter.settle('expired');
    }
  };
  permissions.onAdded.addListener(() => void check());
  return {
    holds,
    wait(origins, until) {
      return new Promise<HostAnswer>((resolve) => {
        const waiter = {
          permissions: origins,
          until,
          settle: (answer: HostAnswer) => {
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
    decline() {
      for (const waiter of [...waiters]) waiter.settle('declined');
    },
  };
}

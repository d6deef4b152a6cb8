import { DEMO_ACCOUNT } from '../../src/core';

/** The one user of the bundled server. Its login is printed by `npm start` and in the README. */
export const ACCOUNTS: Record<string, { password: string; email: string; name: string }> = {
  [DEMO_ACCOUNT.login]: { password: DEMO_ACCOUNT.password, email: 'demo@example.test', name: 'Demo User' },
};

export function checkLogin(login: string, password: string): string | undefined {
  return ACCOUNTS[login]?.password === password ? login : undefined;
}

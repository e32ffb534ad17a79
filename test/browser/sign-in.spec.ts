import { expect, test, type Page } from '@playwright/test';
import { mintDevToken } from '../../src/auth/mint-token.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { checkPage } from './console-page.js';

const DAN = { sub: 'stf_dan', kind: 'staff', name: 'Dan Okafor', roles: ['auditor'] } as const;
const TOKEN_LABEL = 'Bearer token from your identity provider';

/** Pastes a token into the sign-in form and submits it. */
async function pasteAndSignIn(page: Page, token: string): Promise<void> {
  await page.getByLabel(TOKEN_LABEL).fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a pasted token that expired, is not a token, or was signed by another key is refused in a sentence, and stays pasted', async ({ page }) => {
  await page.goto('/console');
  const expired = await mintDevToken(DEVELOPMENT_JWT_SECRET, DAN, { expiresInSeconds: -120 });
  await pasteAndSignIn(page, expired);
  const error = page.locator('.sign-in form .field-error');
  await expect(error).toHaveText('This token was not accepted. Your token has expired; sign in again.');
  await expect(page.getByLabel(TOKEN_LABEL)).toHaveValue(expired);
  await expect(page.getByLabel(TOKEN_LABEL)).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, 'sign-in-token-expired');

  await pasteAndSignIn(page, 'not-a-token');
  await expect(error).toHaveText('This token was not accepted. The bearer token is not a valid JWT; sign in again to get a new one.');

  const forged = await mintDevToken('a-key-the-gateway-does-not-trust-0123456789', DAN);
  await pasteAndSignIn(page, forged);
  await expect(error).toHaveText('This token was not accepted. The bearer token was not signed by a key Warden trusts; sign in again.');
  await expect(page.getByLabel(TOKEN_LABEL)).toHaveValue(forged);
});

test('a pasted token signs in, and is kept in this tab only: not in localStorage, not in a cookie', async ({ page, context }) => {
  await page.goto('/console');
  const token = await mintDevToken(DEVELOPMENT_JWT_SECRET, DAN);
  await pasteAndSignIn(page, `Bearer ${token}`);
  await expect(page.getByRole('banner').getByText('Dan Okafor')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();

  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage).length,
    session: Object.values(sessionStorage).join(' '),
    cookie: document.cookie,
  }));
  expect(stored.local).toBe(0);
  expect(stored.session).toContain(token);
  expect(stored.cookie).toBe('');
  expect(await context.cookies()).toEqual([]);

  // A new tab of the same browser starts signed out: sessionStorage is per tab.
  const other = await context.newPage();
  await other.goto('/console');
  await expect(other.getByRole('heading', { name: 'Sign in to the Warden support console' })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { checkPage, graphqlAs, signIn } from './console-page.js';

// The browser tests' gateway allows one-minute sessions (serve-gateway.ts): the wait is real.
test('a session that reaches its time limit ends in the console, and the gateway has ended it too', async ({ page, request }) => {
  test.setTimeout(150_000);
  await signIn(page, 'Sarah Lee');
  await page.getByLabel('Customer or account name').fill('Tom');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Start a session as Tom Baker' }).click();
  await page.getByLabel('Reason').fill('Customer reports invoice ACME-2026-019 shows a discount that was never agreed');
  await page.getByLabel('Ticket').fill('SUP-1250');
  await page.getByLabel('Length in minutes').fill('1');
  await page.getByRole('button', { name: 'Start session' }).click();

  const banner = page.getByRole('region', { name: 'Impersonation session' });
  await expect(banner).toContainText(/Ends in 0:[0-5]\d/);
  await expect(page.getByRole('heading', { name: 'Session ended' })).toBeVisible({ timeout: 75_000 });
  await expect(page.getByText('The session reached its time limit and has ended.')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: "The customer's account, as they see it" })).toHaveCount(0);
  await checkPage(page, 'session-ended-time-limit');

  // Not the page's say alone: the gateway no longer has the session open, and a reload resumes none.
  const graphql = graphqlAs(request);
  await expect.poll(async () => (await graphql('agent', '{ myImpersonationSession { id } }')).data?.['myImpersonationSession'] ?? null).toBeNull();
  await page.reload();
  await expect(page.getByLabel('Customer or account name')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: "The customer's account, as they see it" })).toHaveCount(0);
});

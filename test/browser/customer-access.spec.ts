import { expect, test } from '@playwright/test';
import { checkPage, graphqlAs, signIn } from './console-page.js';

const START = `mutation ($input: StartImpersonationInput!) { startImpersonation(input: $input) { token session { id status } } }`;

test("a customer sees support's visit, says never, and the visit going on ends", async ({ page, request }) => {
  const graphql = graphqlAs(request);
  // Sarah enters Acme as Tom Baker through the API and reads the account.
  const started = await graphql('agent', START, {
    input: { userId: 'usr_tom', reason: 'Customer reports invoice ACME-2026-031 was sent to the wrong address', ticket: 'SUP-4101' },
  });
  expect(started.errors).toBeUndefined();
  const { token, session } = started.data?.['startImpersonation'] as { token: string; session: { id: string; status: string } };
  expect(session.status).toBe('active');
  const read = await graphql('agent', '{ account { name } }', {}, { 'x-impersonation-token': token });
  expect(read.errors).toBeUndefined();

  await signIn(page, 'Jane Doe');
  await expect(page.getByRole('heading', { name: 'Support access to Acme Co' })).toBeVisible();
  const visit = page.getByRole('article').filter({ hasText: 'SUP-4101' });
  await expect(visit).toContainText('Sarah Lee entered as Tom Baker (read only)');
  await expect(visit).toContainText('invoice ACME-2026-031 was sent to the wrong address');
  await expect(visit).toContainText('It is still going on.');
  await expect(page.getByRole('radio', { name: /^Allow/ })).toBeChecked();
  await checkPage(page, 'customer-access-history');

  await page.getByRole('radio', { name: /^Never/ }).check();
  await page.getByRole('button', { name: 'Save support access' }).click();
  await expect(page.getByText('Saved: support access is now “Never”.')).toBeVisible();
  await expect(visit).not.toContainText('It is still going on.');
  const after = await graphql('agent', '{ account { name } }', {}, { 'x-impersonation-token': token });
  expect(after.errors?.length).toBeGreaterThan(0);
  await checkPage(page, 'customer-support-access-never');

  // Leave Acme open to support for the other tests, through the page again.
  await page.getByRole('radio', { name: /^Allow/ }).check();
  await page.getByRole('button', { name: 'Save support access' }).click();
  await expect(page.getByText('Saved: support access is now “Allow”.')).toBeVisible();
});

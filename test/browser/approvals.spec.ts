import { expect, test, type Page } from '@playwright/test';
import { checkPage, graphqlAs, signIn } from './console-page.js';

const REASON = 'Customer reports invoice ACME-2026-007 was charged twice on the same card';

async function startAs(page: Page, search: string, customer: string, ticket: string): Promise<void> {
  await page.getByLabel('Customer or account name').fill(search);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Start a session as ${customer}` }).click();
  await page.getByLabel('Reason').fill(REASON);
  await page.getByLabel('Ticket').fill(ticket);
  await page.getByRole('button', { name: 'Start session' }).click();
}

test('a start that needs approval waits; its requester cannot approve it, another manager does, and the account opens', async ({ browser }) => {
  // Nadia is both agent and manager: the four-eyes rule is what keeps her from deciding her own.
  const nadia = await (await browser.newContext()).newPage();
  await signIn(nadia, 'Nadia Rahman');
  await startAs(nadia, 'Jane', 'Jane Doe', 'SUP-3001');
  await expect(nadia.getByRole('heading', { name: "Waiting for a manager's approval" })).toBeVisible();
  await checkPage(nadia, 'waiting-for-approval');

  await nadia.getByRole('link', { name: 'Approvals' }).click();
  const own = nadia.getByRole('article').filter({ hasText: 'Nadia Rahman asks to' });
  await expect(own).toContainText('Your own request: another manager decides it.');
  await expect(own.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(own.getByRole('button', { name: 'Deny' })).toHaveCount(0);
  await checkPage(nadia, 'approvals-own-request');

  const marcus = await (await browser.newContext()).newPage();
  await signIn(marcus, 'Marcus Webb');
  await expect(marcus.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  const request = marcus.getByRole('article').filter({ hasText: 'Nadia Rahman asks to open a read-only session' });
  await expect(request).toContainText('acting as Jane Doe');
  await expect(request).toContainText('SUP-3001');
  await checkPage(marcus, 'approvals');

  // Denying needs a note; the refusal says so next to it.
  await request.getByRole('button', { name: 'Deny' }).click();
  await expect(request.locator('.field-error')).toContainText('Say why you deny it');
  await request.getByLabel('Note to the agent (required to deny)').fill('Checked with the account owner by phone');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(marcus.getByText(/^Approved: Nadia Rahman asks to/)).toBeVisible();
  await expect(request).toHaveCount(0);

  // Nadia's console collects the session by itself and opens the account.
  await nadia.getByRole('link', { name: 'Customers' }).click();
  const banner = nadia.getByRole('region', { name: 'Impersonation session' });
  await expect(banner).toContainText('Nadia Rahman is viewing as', { timeout: 15_000 });
  await expect(nadia.getByRole('heading', { name: "The customer's account, as they see it" })).toBeVisible();
  // The banner stays on every page while the session runs.
  await nadia.getByRole('link', { name: 'Approvals' }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'End session' }).click();
  await nadia.getByRole('link', { name: 'Customers' }).click();
  await expect(nadia.getByRole('heading', { name: 'Session ended' })).toBeVisible();
});

test('a session a manager revokes shows as ended in the agent console', async ({ browser, request }) => {
  const leo = await (await browser.newContext()).newPage();
  await signIn(leo, 'Leo Park');
  await startAs(leo, 'Tom', 'Tom Baker', 'SUP-3002');
  const banner = leo.getByRole('region', { name: 'Impersonation session' });
  await expect(banner).toContainText('Leo Park is viewing as');

  // The manager revokes it through the API, as any client of the gateway could.
  const graphql = graphqlAs(request);
  const open = await graphql('agent2', '{ myImpersonationSession { id } }');
  const sessionId = (open.data?.['myImpersonationSession'] as { id: string } | null | undefined)?.id;
  expect(sessionId).toMatch(/^ses_/);
  const revoked = await graphql('manager', 'mutation ($id: ID!) { revokeImpersonation(sessionId: $id, reason: "Wrong customer: the ticket is about Umbrella Labs") { id } }', { id: sessionId });
  expect(revoked.errors).toBeUndefined();

  await leo.getByRole('button', { name: 'Refresh' }).click();
  await expect(leo.getByRole('heading', { name: 'Session ended' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await checkPage(leo, 'session-ended-revoked');
});

test('a manager denies a start with a note, and the agent reads it in the console', async ({ browser }) => {
  const sarah = await (await browser.newContext()).newPage();
  await signIn(sarah, 'Sarah Lee');
  await sarah.getByLabel('Customer or account name').fill('Tom');
  await sarah.getByRole('button', { name: 'Search' }).click();
  await sarah.getByRole('button', { name: 'Start a session as Tom Baker' }).click();
  await sarah.getByLabel('Reason').fill(REASON);
  await sarah.getByLabel('Ticket').fill('SUP-3003');
  // Read-write: a manager approves it first.
  await sarah.getByRole('radio', { name: /^Read-write/ }).check();
  await sarah.getByRole('button', { name: 'Start session' }).click();
  await expect(sarah.getByRole('heading', { name: "Waiting for a manager's approval" })).toBeVisible();

  const marcus = await (await browser.newContext()).newPage();
  await signIn(marcus, 'Marcus Webb');
  const request = marcus.getByRole('article').filter({ hasText: 'Sarah Lee asks to open a read-write session' });
  await expect(request).toContainText('SUP-3003');
  await request.getByLabel('Note to the agent (required to deny)').fill('Read-only shows the duplicate charge; no change is needed');
  await request.getByRole('button', { name: 'Deny' }).click();
  await expect(marcus.getByText(/^Denied: Sarah Lee asks to open a read-write session/)).toBeVisible();
  await expect(request).toHaveCount(0);

  // Sarah's console hears of it by itself, with the manager's words.
  await expect(sarah.getByRole('heading', { name: 'Session ended' })).toBeVisible({ timeout: 15_000 });
  await expect(sarah.getByText('A manager denied the request: “Read-only shows the duplicate charge; no change is needed”. No session was opened.')).toBeVisible();
  await expect(sarah.getByRole('region', { name: 'Impersonation session' })).toHaveCount(0);
  await checkPage(sarah, 'start-denied');
});

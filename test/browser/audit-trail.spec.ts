import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../src/domain/seed/demo-data.js';
import { checkPage, errorFor, graphqlAs, recordGraphQLBodies, signIn } from './console-page.js';

const START = `mutation ($input: StartImpersonationInput!) { startImpersonation(input: $input) { token session { id } } }`;
const TOM = DEMO_USERS.find((user) => user.id === 'usr_tom');

test('an auditor filters by agent, reads a session and its events page by page, and exports them', async ({ page, request }) => {
  const graphql = graphqlAs(request);
  // Leo enters Acme as Tom and reads his profile (masked to him) a few times, then ends.
  const started = await graphql('agent2', START, { input: { userId: 'usr_tom', reason: 'Customer cannot change the billing contact on invoice ACME-2026-044', ticket: 'SUP-5202' } });
  expect(started.errors).toBeUndefined();
  const { token, session: opened } = started.data?.['startImpersonation'] as { token: string; session: { id: string } };
  for (let read = 0; read < 4; read += 1) {
    const answer = await graphql('agent2', '{ me { name email phone } account { name users { name email } } }', {}, { 'x-impersonation-token': token });
    expect(answer.data?.['me']).toBeTruthy();
  }
  expect((await graphql('agent2', 'mutation ($id: ID!) { endImpersonation(sessionId: $id) { id } }', { id: opened.id }, { 'x-impersonation-token': token })).errors).toBeUndefined();

  const bodies = recordGraphQLBodies(page);
  await signIn(page, 'Dan Okafor');
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  // Whether the trail verifies, checked by the gateway just now from its newest signed checkpoint.
  const chain = page.getByRole('region', { name: 'Chain verification' });
  await expect(chain.getByRole('status')).toContainText(/^Verifies The trail verifies: /);
  await expect(chain).toContainText('Rows checked');
  await expect(chain).toContainText('Checked at');

  // A range that ends before it starts is refused next to "To", and what was typed stays.
  await page.getByLabel('Agent (staff id, e.g. stf_sarah)').fill('stf_leo');
  await page.getByLabel('From', { exact: true }).fill('2026-12-06T10:00');
  await page.getByLabel('To', { exact: true }).fill('2026-12-06T09:00');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  expect(await errorFor(page, 'To')).toMatch(/Pick an end after the start/);
  await expect(page.getByLabel('Agent (staff id, e.g. stf_sarah)')).toHaveValue('stf_leo');
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByLabel('To', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Apply filters' }).click();

  const session = page.getByRole('article').filter({ hasText: 'SUP-5202' });
  await expect(session.getByRole('heading')).toContainText('Leo Park as Tom Baker (Acme Co)');
  await expect(page.getByRole('article').filter({ hasNotText: 'Leo Park' })).toHaveCount(0);
  await session.getByRole('button', { name: 'Show audit events' }).click();
  await expect(session.getByRole('table')).toBeVisible();
  await checkPage(page, 'audit-sessions');

  // The trail's events by Leo, ten a page: the second page holds others than the first.
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.getByRole('row').nth(1)).toBeVisible();
  const firstPage = await events.getByRole('row').allInnerTexts();
  await events.getByRole('button', { name: 'Older events' }).click();
  await expect(events.getByText('Page 2')).toBeVisible();
  await expect(events.getByRole('row').nth(1)).toBeVisible();
  const secondPage = await events.getByRole('row').allInnerTexts();
  expect(secondPage.slice(1).filter((row) => firstPage.includes(row))).toEqual([]);
  await events.getByRole('button', { name: 'Newer events' }).click();
  await expect(events.getByText('Page 1')).toBeVisible();
  await checkPage(page, 'audit-events');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toContain('summary');
  expect(csv).toContain('stf_leo');
  await expect(page.getByText(/events exported as CSV/)).toBeVisible();

  // Tom's email and phone reached neither the agent's answers in the trail nor this page.
  const seen = (await bodies.read()).join('\n') + csv;
  for (const secret of [TOM?.email, TOM?.phone]) {
    expect(secret).toBeTruthy();
    expect(seen).not.toContain(secret);
  }
});

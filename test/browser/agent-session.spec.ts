import { expect, test } from '@playwright/test';
import { mintDevToken } from '../../src/auth/mint-token.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { DEMO_API_TOKENS, DEMO_PAYMENT_METHODS, DEMO_PRIVATE_NOTES, DEMO_USERS } from '../../src/domain/seed/demo-data.js';
import { checkPage, errorFor, recordCspViolations, recordGraphQLBodies, signIn } from './console-page.js';

const GOOD_REASON = 'Customer reports invoice ACME-2026-012 shows 20% tax instead of 10%';

/** What Acme's people keep to themselves: no byte of it may reach a support agent's browser. */
const ACME_SECRETS = [
  ...DEMO_USERS.filter((user) => user.account_id === 'acc_acme').flatMap((user) => [user.email, user.phone, user.birth_date, user.national_id, user.password_hash, ...user.mfa_recovery_codes]),
  ...DEMO_PAYMENT_METHODS.filter((card) => card.account_id === 'acc_acme').flatMap((card) => [card.card_number, card.billing_address]),
  ...DEMO_API_TOKENS.filter((token) => token.account_id === 'acc_acme').map((token) => token.secret),
  ...DEMO_PRIVATE_NOTES.filter((note) => note.account_id === 'acc_acme').map((note) => note.body),
];

test('an agent finds a customer, is told why a vague start is refused, then sees the account masked and ends the session', async ({ page }) => {
  const responses = recordGraphQLBodies(page);
  const csp = recordCspViolations(page);

  await page.goto('/console');
  await expect(page.getByRole('heading', { name: 'Sign in to the Warden support console' })).toBeVisible();
  await checkPage(page, 'sign-in');
  await signIn(page, 'Sarah Lee');

  await page.getByLabel('Customer or account name').fill('Tom');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('cell', { name: 'Tom Baker', exact: true })).toBeVisible();
  await checkPage(page, 'directory');
  await page.getByRole('button', { name: 'Start a session as Tom Baker' }).click();

  // A vague reason: refused next to the reason, and the ticket typed stays.
  await page.getByLabel('Reason').fill('support');
  await page.getByLabel('Ticket').fill('SUP-1234');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect.poll(() => errorFor(page, 'Reason')).toMatch(/The reason is too vague/);
  await expect(page.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Ticket')).toHaveValue('SUP-1234');
  expect(await errorFor(page, 'Ticket')).toBe('');
  await checkPage(page, 'start-refused-reason');

  // A good reason with a bad ticket: refused next to the ticket, the reason kept.
  await page.getByLabel('Reason').fill(GOOD_REASON);
  await page.getByLabel('Ticket').fill('asap');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect.poll(() => errorFor(page, 'Ticket')).toMatch(/not a ticket reference/);
  expect(await errorFor(page, 'Reason')).toBe('');
  await expect(page.getByLabel('Reason')).toHaveValue(GOOD_REASON);

  await page.getByLabel('Ticket').fill('SUP-1234');
  await page.getByRole('button', { name: 'Start session' }).click();

  const banner = page.getByRole('region', { name: 'Impersonation session' });
  await expect(banner).toContainText('Sarah Lee is viewing as');
  await expect(banner).toContainText('Acme Co');
  await expect(banner).toContainText('read-only');
  await expect(banner).toContainText(/Ends in \d+:\d\d/);
  await expect(banner).toContainText(/Idle timeout in \d+:\d\d/);

  // Masked values are marked; the sensitive ones are withheld, never shown.
  const profile = page.getByRole('region', { name: 'The customer', exact: true });
  await expect(profile.locator('.masked', { hasText: 't•••@acme.example' })).toContainText('masked');
  await expect(profile.getByText('withheld by policy').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payment methods' }).locator('.masked', { hasText: '•••• 4242' })).toContainText('masked');
  await expect(page.getByRole('region', { name: 'API tokens' }).locator('.masked').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Invoices (newest 10)' }).getByRole('row')).toHaveCount(11);
  await checkPage(page, 'account');

  // Not in the page, and not in anything the gateway sent the browser.
  const html = await page.content();
  const bodies = await responses.read();
  for (const secret of ACME_SECRETS) {
    expect(html, `the page shows ${secret}`).not.toContain(secret);
    for (const body of bodies) expect(body, `a /graphql response carries ${secret}`).not.toContain(secret);
  }
  expect(bodies.length).toBeGreaterThan(3);

  await banner.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('heading', { name: 'Session ended' })).toBeVisible();
  await expect(page.getByText('You ended the session.')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await checkPage(page, 'session-ended-by-agent');
  expect(csp).toEqual([]);
});

test('a customer who said never cannot be entered: the refusal is shown with the customer, and what was typed stays', async ({ page }) => {
  await signIn(page, 'Leo Park');
  await page.getByLabel('Customer or account name').fill('Initech');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Start a session as Peter Gibbons' }).click();
  await page.getByLabel('Reason').fill('Customer reports invoice INIT-2026-003 shows the wrong VAT number on the PDF');
  await page.getByLabel('Ticket').fill('SUP-2001');
  await page.getByRole('button', { name: 'Start session' }).click();
  const refusal = page.locator('.field-error', { hasText: 'asked that support never enter' });
  await expect(refusal).toBeVisible();
  // Above the form, next to the customer's line, not beside an input that is fine.
  expect(await errorFor(page, 'Reason')).toBe('');
  await expect(page.getByLabel('Ticket')).toHaveValue('SUP-2001');
  await checkPage(page, 'start-refused-never');
});

test('bad input is refused in a sentence next to the field, and a gateway out of reach is said so, with everything typed kept', async ({ page }) => {
  await signIn(page, 'Sarah Lee');
  await page.getByLabel('Customer or account name').fill('Tom');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Start a session as Tom Baker' }).click();

  // No reason at all.
  await page.getByLabel('Ticket').fill('SUP-1240');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect.poll(() => errorFor(page, 'Reason')).toMatch(/^The reason is too vague\. Say what the customer reported/);
  await expect(page.getByLabel('Ticket')).toHaveValue('SUP-1240');

  // The gateway cannot be reached: one sentence under the form, and the form as typed.
  await page.getByLabel('Reason').fill(GOOD_REASON);
  await page.getByLabel('Ticket').fill('SUP-1241');
  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.locator('form .field-error')).toHaveText('The gateway could not be reached; check your connection and try again.');
  await expect(page.getByLabel('Reason')).toHaveValue(GOOD_REASON);
  await expect(page.getByLabel('Ticket')).toHaveValue('SUP-1241');
  await checkPage(page, 'start-gateway-unreachable');

  // Back in reach, the same form starts the session.
  await page.unroute('**/graphql');
  await page.getByRole('button', { name: 'Start session' }).click();
  const banner = page.getByRole('region', { name: 'Impersonation session' });
  await expect(banner).toContainText('Sarah Lee is viewing as');
  await banner.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('heading', { name: 'Session ended' })).toBeVisible();
});

test('a staff member cannot be entered: the refusal is shown with the customer, and what was typed stays', async ({ page, request }) => {
  // Victor's account at Globex signs in with Sarah's work address: he is staff, whoever asks.
  const victor = DEMO_USERS.find((user) => user.id === 'usr_victor');
  const asVictor = async (email: string) => {
    const token = await mintDevToken(DEVELOPMENT_JWT_SECRET, { sub: 'usr_victor', kind: 'customer', name: 'Victor Hugo' });
    const response = await request.post('/graphql', {
      data: { query: 'mutation ($email: String!) { changeUserEmail(userId: "usr_victor", email: $email) { id } }', variables: { email } },
      headers: { authorization: `Bearer ${token}`, 'x-warden-csrf': '1' },
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  };
  await asVictor('sarah.lee@warden.example');
  try {
    await signIn(page, 'Leo Park');
    await page.getByLabel('Customer or account name').fill('Victor');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Start a session as Victor Hugo' }).click();
    await page.getByLabel('Reason').fill('Customer reports invoice GLOBEX-2026-090 lists a card that was removed last week');
    await page.getByLabel('Ticket').fill('SUP-2002');
    await page.getByRole('button', { name: 'Start session' }).click();
    const refusal = page.locator('.field-error', { hasText: 'Staff accounts cannot be impersonated.' });
    await expect(refusal).toBeVisible();
    // Next to the customer's line, above the form: the reason and ticket were fine, and stay.
    await expect(page.locator('.customer-line + .field-error')).toHaveText('Staff accounts cannot be impersonated.');
    expect(await errorFor(page, 'Reason')).toBe('');
    await expect(page.getByLabel('Ticket')).toHaveValue('SUP-2002');
    await checkPage(page, 'start-refused-staff');
  } finally {
    await asVictor(victor?.email ?? 'victor.hugo@globex.example');
  }
});

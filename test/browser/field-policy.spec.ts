import { expect, test, type Page } from '@playwright/test';
import { BROWSER_PORT } from './browser-settings.js';
import { checkPage, errorFor, graphqlAs, signIn } from './console-page.js';

type PolicyJson = { classes: Record<string, Record<string, string>>; overrides: unknown; oncallMayImpersonate: boolean };

/** Rewrites the policy in the editor, from what it shows. */
async function editPolicy(page: Page, change: (policy: PolicyJson) => void): Promise<void> {
  const editor = page.getByLabel('Policy document (JSON)');
  const policy = JSON.parse(await editor.inputValue()) as PolicyJson;
  change(policy);
  await editor.fill(JSON.stringify(policy, null, 2));
}

const PUBLISH = 'mutation ($input: PublishPolicyInput!) { publishPolicy(input: $input) { version status } }';
const VERSIONS = '{ policyVersions(first: 50) { version status createdBy } }';

/**
 * The gateway is shared by every spec: what this file publishes is put back afterwards (by the
 * API, as any client could), so no spec depends on running before or after it.
 */
let found: string | null = null;
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${BROWSER_PORT}` });
  const answer = await graphqlAs(request)('security', '{ activePolicy { document } }');
  found = (answer.data?.['activePolicy'] as { document: string }).document;
  await request.dispose();
});
test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${BROWSER_PORT}` });
  const graphql = graphqlAs(request);
  const listed = (await graphql('security', VERSIONS)).data?.['policyVersions'] as Array<{ version: number; status: string; createdBy: string | null }>;
  for (const pending of listed.filter((version) => version.status === 'pending')) {
    const [who, mutation] = pending.createdBy === 'stf_priya' ? ['security', 'withdrawPolicyVersion'] : ['security', 'rejectPolicyVersion'];
    await graphql(who, `mutation ($v: Int!) { ${mutation}(version: $v, reason: "Browser tests leave nothing pending") { version } }`, { v: pending.version });
  }
  const put = await graphql('security', PUBLISH, { input: { document: found, reason: 'Browser tests put the policy back as they found it' } });
  const back = put.data?.['publishPolicy'] as { version: number; status: string } | undefined;
  // Putting back loosens what the tests tightened: a second admin approves that part.
  if (back?.status === 'pending') await graphql('security2', 'mutation ($v: Int!) { approvePolicyVersion(version: $v, note: "Restoring") { version } }', { v: back.version });
  const now = (await graphql('security', '{ activePolicy { document } }')).data?.['activePolicy'] as { document: string };
  expect(JSON.parse(now.document)).toEqual(JSON.parse(found ?? 'null'));
  await request.dispose();
});

test('a security admin sees each change labelled before publishing; a split version tightens at once and a second admin approves the loosening', async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  await signIn(priya, 'Priya Nair');
  await expect(priya.getByRole('heading', { name: 'Field policy' })).toBeVisible();
  await priya.locator('summary', { hasText: 'Class pii' }).click();
  await expect(priya.getByRole('row', { name: /User\.email/ }).first()).toBeVisible();
  // Nothing to publish until the gateway has reviewed the draft.
  await expect(priya.getByRole('button', { name: 'Publish' })).toHaveCount(0);

  // Broken JSON is refused next to the document, by line, and the document stays as typed.
  const editor = priya.getByLabel('Policy document (JSON)');
  const original = await editor.inputValue();
  await editor.fill(`${original}}`);
  await priya.getByRole('button', { name: 'Review changes' }).click();
  await expect.poll(() => errorFor(priya, 'Policy document (JSON)')).toMatch(/^The draft is not a policy the gateway would publish\. line \d+: Not valid JSON/);
  await expect(editor).toHaveValue(`${original}}`);
  await expect(priya.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await editor.fill(original);

  // One draft that tightens one rule and loosens another: the gateway labels each.
  await editPolicy(priya, (policy) => {
    policy.classes['internal']!['impersonation_read_write'] = 'mask';
    policy.classes['secret']!['staff'] = 'mask';
  });
  await priya.getByRole('button', { name: 'Review changes' }).click();
  const review = priya.locator('.review');
  await expect(review.getByRole('listitem').filter({ hasText: 'class internal · impersonation_read_write: allow → mask' })).toContainText(/^tightens/);
  await expect(review.getByRole('listitem').filter({ hasText: 'class secret · staff: deny → mask' })).toContainText(/^loosens/);
  await expect(review).toContainText('It tightens and loosens: once published the tightening is in force at once, and the loosening waits for a second security admin.');

  // A draft changed after its review must be reviewed again before it can be published.
  await editor.press('End');
  await editor.pressSequentially(' ');
  await expect(priya.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await priya.getByRole('button', { name: 'Review changes' }).click();

  await priya.getByRole('button', { name: 'Publish' }).click();
  expect(await errorFor(priya, 'Why (kept with the version)')).toMatch(/Say why/);
  await priya.getByLabel('Why (kept with the version)').fill('Read-write sessions hide internal ids; staff see that a recovery code exists');
  await checkPage(priya, 'policy-review');
  await priya.getByRole('button', { name: 'Publish' }).click();
  const split = priya.getByText(/^Version (\d+) loosens the policy: it waits for a second security admin\. Its tightening part is in force at once as version (\d+)\.$/);
  await expect(split).toBeVisible();
  const [, pending, tightened] = (/Version (\d+) .* version (\d+)\./.exec((await split.textContent()) ?? '') ?? []).map(Number);
  expect(pending).toBe(Number(tightened) + 1);
  await expect(priya.getByText(`In force: version ${tightened}, Read-write sessions hide internal ids; staff see that a recovery code exists (the tightening part`)).toBeVisible();
  const own = priya.getByRole('article').filter({ hasText: `Version ${pending}` });
  await expect(own).toContainText('loosens class secret · staff: deny → mask');
  await expect(own).not.toContainText('impersonation_read_write');
  await expect(own.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(own.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await checkPage(priya, 'policy-pending');

  // A second security admin approves it, and it is in force.
  const yuki = await (await browser.newContext()).newPage();
  await signIn(yuki, 'Yuki Tanaka');
  const waiting = yuki.getByRole('article').filter({ hasText: `Version ${pending}` });
  await waiting.getByLabel('Note (required to reject)').fill('Checked with the audit lead');
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await expect(yuki.getByText(`Version ${pending} approved: it is in force.`)).toBeVisible();
  await expect(yuki.getByText(`In force: version ${pending}, Read-write sessions hide internal ids; staff see that a recovery code exists`)).toBeVisible();
});

test('a security admin withdraws their own pending loosening, saying why, and the policy in force stays', async ({ page }) => {
  await signIn(page, 'Priya Nair');
  const inForce = (await page.locator('.summary').filter({ hasText: 'In force: version' }).textContent()) ?? '';
  await editPolicy(page, (policy) => {
    policy.classes['sensitive']!['staff'] = 'mask';
  });
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.locator('.review')).toContainText('It loosens the policy: once published it waits for a second security admin.');
  await page.getByLabel('Why (kept with the version)').fill('Staff need to see that a tax id is on file');
  await page.getByRole('button', { name: 'Publish' }).click();
  const waits = page.getByText(/^Version (\d+) loosens the policy: it waits for a second security admin\.$/);
  await expect(waits).toBeVisible();
  const version = Number(/\d+/.exec((await waits.textContent()) ?? '')?.[0]);

  const own = page.getByRole('article').filter({ hasText: `Version ${version}` });
  await own.getByRole('button', { name: 'Withdraw' }).click();
  expect(await errorFor(page, 'Why you withdraw it')).toMatch(/Say why you withdraw it/);
  await own.getByLabel('Why you withdraw it').fill('Asked for by mistake: the ticket was about customers');
  await own.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByText(`Version ${version} withdrawn.`)).toBeVisible();
  await expect(own).toHaveCount(0);
  await expect(page.locator('.summary').filter({ hasText: 'In force: version' })).toHaveText(inForce);
});

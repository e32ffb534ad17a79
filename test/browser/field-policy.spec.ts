import { expect, test, type Page } from '@playwright/test';
import { checkPage, errorFor, signIn } from './console-page.js';

type PolicyJson = { classes: Record<string, Record<string, string>>; overrides: unknown; oncallMayImpersonate: boolean };

/** Rewrites the policy in the editor, from what it shows. */
async function editPolicy(page: Page, change: (policy: PolicyJson) => void): Promise<void> {
  const editor = page.getByLabel('Policy document (JSON)');
  const policy = JSON.parse(await editor.inputValue()) as PolicyJson;
  change(policy);
  await editor.fill(JSON.stringify(policy, null, 2));
}

// Last of the files (alphabetically, one worker): what it publishes stays in force for none after it.
test('a security admin publishes a tightening that is in force at once, and a loosening that waits for a second admin', async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  await signIn(priya, 'Priya Nair');
  await expect(priya.getByRole('heading', { name: 'Field policy' })).toBeVisible();
  await priya.locator('summary', { hasText: 'Class pii' }).click();
  await expect(priya.getByRole('row', { name: /User\.email/ }).first()).toBeVisible();

  // Broken JSON is refused next to the document, which stays as typed.
  const editor = priya.getByLabel('Policy document (JSON)');
  const original = await editor.inputValue();
  await editor.fill(`${original}}`);
  await priya.getByRole('button', { name: 'Review changes' }).click();
  expect(await errorFor(priya, 'Policy document (JSON)')).toMatch(/This is not valid JSON/);
  await expect(editor).toHaveValue(`${original}}`);
  await editor.fill(original);

  await editPolicy(priya, (policy) => {
    policy.classes['internal']!['impersonation_read_write'] = 'mask';
  });
  await priya.getByRole('button', { name: 'Review changes' }).click();
  await expect(priya.getByText('class internal · impersonation_read_write: allow → mask')).toBeVisible();
  await priya.getByRole('button', { name: 'Publish' }).click();
  expect(await errorFor(priya, 'Why (kept with the version)')).toMatch(/Say why/);
  await priya.getByLabel('Why (kept with the version)').fill('Read-write sessions need no internal ids in clear');
  await checkPage(priya, 'policy-review');
  await priya.getByRole('button', { name: 'Publish' }).click();
  const inForce = priya.getByText(/^Version (\d+) is in force\.$/);
  await expect(inForce).toBeVisible();
  const tightened = Number(/\d+/.exec((await inForce.textContent()) ?? '')?.[0]);
  await expect(priya.getByText(`In force: version ${tightened}, Read-write sessions need no internal ids in clear`)).toBeVisible();

  await editPolicy(priya, (policy) => {
    policy.classes['secret']!['staff'] = 'mask';
  });
  await priya.getByRole('button', { name: 'Review changes' }).click();
  await priya.getByLabel('Why (kept with the version)').fill('Staff need to see that a recovery code exists');
  await priya.getByRole('button', { name: 'Publish' }).click();
  await expect(priya.getByText(`Version ${tightened + 1} loosens the policy: it waits for a second security admin.`)).toBeVisible();
  await expect(priya.getByText(`In force: version ${tightened},`)).toBeVisible();
  const own = priya.getByRole('article').filter({ hasText: `Version ${tightened + 1}` });
  await expect(own).toContainText('loosens class secret · staff: deny → mask');
  await expect(own.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(own.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await checkPage(priya, 'policy-pending');

  // A second security admin approves it, and it is in force.
  const yuki = await (await browser.newContext()).newPage();
  await signIn(yuki, 'Yuki Tanaka');
  const waiting = yuki.getByRole('article').filter({ hasText: `Version ${tightened + 1}` });
  await waiting.getByLabel('Note (required to reject)').fill('Checked with the audit lead');
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await expect(yuki.getByText(`Version ${tightened + 1} approved: it is in force.`)).toBeVisible();
  await expect(yuki.getByText(`In force: version ${tightened + 1}, Staff need to see that a recovery code exists`)).toBeVisible();
});

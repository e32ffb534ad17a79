import { expect, test } from '@playwright/test';
import { sql } from 'kysely';
import { appendToChain } from '../../src/audit/append-audit-rows.js';
import { GENESIS_HASH } from '../../src/audit/audit-hash.js';
import { openDatabase } from '../../src/db/connect.js';
import { BROWSER_DATABASE_URL } from './browser-settings.js';
import { signIn } from './console-page.js';

/**
 * Gateways writing at once spread their audit rows over several chains, each verified on its
 * own: the auditor's chain panel lists each one the check walked. A second chain is written
 * beneath the gateway as a second writer would, hashed by Warden's own chain code.
 */
test('an auditor sees each audit chain the check walked, and the trail verifying across them', async ({ page }) => {
  test.skip(BROWSER_DATABASE_URL === null, 'needs DATABASE_URL: the embedded database lives inside the gateway, out of the test’s reach');
  const { db } = openDatabase({ url: BROWSER_DATABASE_URL ?? '', dataDir: 'memory://', poolSize: 1 });
  try {
    await db.transaction().execute(async (trx) => {
      await sql`insert into audit_chain_heads (chain_id, last_seq, last_hash) values (1, 0, ${GENESIS_HASH}) on conflict do nothing`.execute(trx);
      const head = await trx.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).where('chain_id', '=', 1).forUpdate().executeTakeFirstOrThrow();
      const row = (summary: string) => ({ kind: 'test_event', actor_kind: 'system' as const, actor_name: 'Second writer', details: { summary }, summary });
      await appendToChain(trx, head, [row('A second writer, first row'), row('A second writer, second row'), row('A second writer, third row')]);
    });
  } finally {
    await db.destroy();
  }

  await signIn(page, 'Dan Okafor');
  const panel = page.getByRole('region', { name: 'Chain verification' });
  await expect(panel.getByRole('status')).toContainText(/^Verifies /);
  const chains = panel.getByRole('table', { name: /Each chain, checked on its own/ });
  await expect(chains.getByRole('row', { name: /^Chain 0 / })).toBeVisible();
  // Its three rows at least: once it exists, the gateway's own writers may take it too.
  const second = chains.getByRole('row', { name: /^Chain 1 / });
  await expect(second).toContainText(/its first row\d+ \(row 1 to row \d+\)/);
  const [, checked] = /(\d+) \(row 1 to row \d+\)/.exec((await second.textContent()) ?? '') ?? [];
  expect(Number(checked)).toBeGreaterThanOrEqual(3);
});

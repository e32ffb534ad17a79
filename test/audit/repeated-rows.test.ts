import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { hashAuditRow } from '../../src/audit/audit-hash.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEY = 'repeated-rows-test-checkpoint-key-012345';

let own: TestDatabase;
beforeAll(async () => {
  own = await createTestDatabase();
});
afterAll(() => own?.destroy());

describe('rows inserted under a number already taken', () => {
  it('are reported, even when the number ends a page of the walk', async () => {
    // The walk reads 5,000 rows a page: the first ends with row 5000, whose copy is on the next.
    const rows = Array.from({ length: 5001 }, (_, i) => ({ kind: 'test_event', actor_kind: 'system' as const, details: { i }, summary: `event ${i}` }));
    await own.db.transaction().execute((trx) => appendAuditRows(trx, rows));
    for (const seq of ['5000', '5001']) {
      const original = await own.db.selectFrom('audit_events').selectAll().where('chain_seq', '=', seq).executeTakeFirstOrThrow();
      const { hash: _hash, ...content } = original;
      const copy = { ...content, occurred_at: new Date(original.occurred_at.getTime() + 1000), summary: 'a row that was never written' };
      await own.db.insertInto('audit_events').values({ ...copy, details: canonicalJson(copy.details), hash: hashAuditRow(copy) }).execute();
    }
    expect((await verifyAuditChain(own.db, KEY)).problems).toEqual([
      { kind: 'repeated-row', seq: '5000' },
      { kind: 'repeated-row', seq: '5001' },
    ]);
  });

  it('are reported when written less than a millisecond after the row they copy', async () => {
    const db = await createTestDatabase();
    try {
      const rows = Array.from({ length: 5 }, (_, i) => ({ kind: 'test_event', actor_kind: 'system' as const, details: { i }, summary: `event ${i}` }));
      await db.db.transaction().execute((trx) => appendAuditRows(trx, rows));
      await sql`insert into audit_events (chain_seq, occurred_at, kind, actor_kind, details, summary, prev_hash, hash)
        select chain_seq, occurred_at + interval '1 microsecond', kind, actor_kind, details, 'a row that was never written', prev_hash, hash from audit_events where chain_seq = 3`.execute(db.db);
      expect((await verifyAuditChain(db.db, KEY)).problems).toEqual([
        { kind: 'repeated-row', seq: '3' },
        { kind: 'altered-row', seq: '3' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});

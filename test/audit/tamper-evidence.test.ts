import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { hashAuditRow, keyId, signCheckpoint } from '../../src/audit/audit-hash.js';
import { writeCheckpoint } from '../../src/audit/checkpoints.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, partitionName } from '../../src/audit/partitions.js';
import { describeChainProblem, verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/database.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { chainSeqs, newRequestId } from './audit-support.js';

const KEY = 'tamper-test-checkpoint-key-0123456789abcdef';

const AuditTamperPeople = graphql(`
  query AuditTamperPeople {
    account {
      id
      users {
        id
        name
        phone
      }
    }
  }
`);

const AuditTamperTaxRate = graphql(`
  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

/** Owner-only: writes with the append-only triggers off for this transaction (replica mode). */
async function asOwnerBypassingTriggers(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

async function traffic(t: TestGateway, requests = 4): Promise<void> {
  for (let i = 0; i < requests; i++) {
    const read = await t.execute(AuditTamperPeople, { as: 'agent', actAs: 'usr_jane read_only', headers: { 'x-request-id': newRequestId('tamper') } });
    expect(read.status).toBe(200);
  }
  const changed = await t.execute(AuditTamperTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 + requests } } });
  expect(changed.body.errors).toBeUndefined();
}

const lastSeq = async (db: Db) => (await chainSeqs(db)).at(-1) ?? 0;

describe('the hash chain over a gateway’s traffic', () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
    await traffic(t);
  });
  afterEach(() => t?.close());

  it('verifies intact, with the signed checkpoint', async () => {
    const checkpointed = await writeCheckpoint(t.db, KEY);
    expect(checkpointed).toBe(String(await lastSeq(t.db)));
    await traffic(t, 2);
    const report = await verifyAuditChain(t.db, KEY);
    expect(report).toEqual({ rows: (await chainSeqs(t.db)).length, checkpoints: 1, problem: null });
    expect(report.rows).toBeGreaterThan(20);
  });

  it('catches a row the table owner changed with the triggers off, naming its chain_seq', async () => {
    const target = await t.db
      .selectFrom('audit_events')
      .select('chain_seq')
      .where('type_field', '=', 'User.phone')
      .orderBy('chain_seq')
      .executeTakeFirstOrThrow();
    await asOwnerBypassingTriggers(t.db, sql`update audit_events set summary = 'Agent Sarah Lee read nothing' where chain_seq = ${target.chain_seq}`);
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.problem).toEqual({ kind: 'altered-row', seq: target.chain_seq });
    expect(report.rows).toBe(Number(target.chain_seq) - 1);
    expect(describeChainProblem(report.problem!)).toBe(`Row ${target.chain_seq} was changed after it was written (its content no longer matches its hash).`);
  });

  it('catches a change made by disabling the trigger on the table', async () => {
    const target = await t.db.selectFrom('audit_events').select('chain_seq').where('kind', '=', 'mutation_executed').executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(t.db);
    try {
      const { numAffectedRows } = await sql`update audit_events set summary = summary || ' (corrected)' where chain_seq = ${target.chain_seq}`.execute(t.db);
      expect(numAffectedRows).toBe(1n);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(t.db);
    }
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'altered-row', seq: target.chain_seq });
    // The trigger is back on.
    await expect(sql`update audit_events set summary = 'x' where chain_seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('catches a changed row whose hash was recomputed, at the next link', async () => {
    const target = await t.db.selectFrom('audit_events').selectAll().where('type_field', '=', 'User.phone').orderBy('chain_seq').executeTakeFirstOrThrow();
    const { hash: _old, ...content } = target;
    const forged = { ...content, summary: 'Agent Sarah Lee read nothing' };
    await asOwnerBypassingTriggers(
      t.db,
      sql`update audit_events set summary = ${forged.summary}, hash = ${hashAuditRow(forged)} where chain_seq = ${target.chain_seq}`,
    );
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'broken-link', seq: String(Number(target.chain_seq) + 1) });
  });

  it('catches a rewrite re-hashed to the end, head included, by the signed checkpoint', async () => {
    await writeCheckpoint(t.db, KEY);
    const checkpointSeq = String(await lastSeq(t.db));
    const rows = await t.db.selectFrom('audit_events').selectAll().orderBy('chain_seq').execute();
    const targetIndex = rows.findIndex((row) => row.type_field === 'User.phone');
    // The attacker knows the hashing (it is no secret) and re-chains everything after the change.
    let prev = rows[targetIndex - 1]!.hash;
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      for (const row of rows.slice(targetIndex)) {
        const { hash: _old, ...content } = row;
        const rewritten = { ...content, prev_hash: prev, summary: row === rows[targetIndex] ? 'Agent Sarah Lee read nothing' : row.summary };
        const hash = hashAuditRow(rewritten);
        await sql`update audit_events set summary = ${rewritten.summary}, prev_hash = ${prev}, hash = ${hash} where chain_seq = ${row.chain_seq}`.execute(trx);
        prev = hash;
      }
      await trx.updateTable('audit_chain_head').set({ last_hash: prev }).execute();
    });
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'checkpoint-hash-mismatch', seq: checkpointSeq });
  });

  it('catches the newest rows removed while the head was left alone', async () => {
    await writeCheckpoint(t.db, KEY);
    const last = await lastSeq(t.db);
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_events where chain_seq > ${last - 3}`);
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'head-mismatch', headSeq: String(last), lastSeq: String(last - 3) });
  });

  it('catches the newest rows removed with the head rewritten to match, by the signed checkpoint', async () => {
    await writeCheckpoint(t.db, KEY);
    const last = await lastSeq(t.db);
    const keep = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).where('chain_seq', '=', String(last - 3)).executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from audit_events where chain_seq > ${last - 3}`.execute(trx);
      await trx.updateTable('audit_chain_head').set({ last_seq: keep.chain_seq, last_hash: keep.hash }).execute();
    });
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.problem).toEqual({ kind: 'checkpoint-missing-row', seq: String(last) });
    expect(report.rows).toBe(last - 3);
  });

  it('catches a forged checkpoint signature, and one signed with another key', async () => {
    const last = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
    await t.db
      .insertInto('audit_checkpoints')
      .values({ chain_seq: last.chain_seq, hash: last.hash, key_id: keyId(KEY), signature: signCheckpoint('not-the-key-but-just-as-long-0123456789', last.chain_seq, last.hash) })
      .execute();
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'checkpoint-bad-signature', seq: last.chain_seq });

    const other = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
    try {
      await traffic(other, 1);
      const head = await other.db.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
      const attackerKey = 'an-attacker-key-that-is-long-enough-0123';
      await other.db
        .insertInto('audit_checkpoints')
        .values({ chain_seq: head.last_seq, hash: head.last_hash, key_id: keyId(attackerKey), signature: signCheckpoint(attackerKey, head.last_seq, head.last_hash) })
        .execute();
      expect((await verifyAuditChain(other.db, KEY)).problem).toEqual({ kind: 'checkpoint-unknown-key', seq: head.last_seq, keyId: keyId(attackerKey) });
    } finally {
      await other.close();
    }
  });
});

describe('retention', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database?.destroy());

  const oldRow = (month: Date, n: number): AuditRowInput => ({
    kind: 'test_event',
    actor_kind: 'system',
    actor_name: 'Test',
    occurred_at: new Date(month.getTime() + n * 3_600_000),
    details: { n },
    summary: `old event ${n}`,
  });

  /** Two past months with rows (checkpointed, as the checkpointer would), then this month's. */
  async function chainAcrossMonths(db: Db): Promise<{ march: Date; april: Date }> {
    const march = new Date(Date.UTC(2025, 2, 1));
    const april = new Date(Date.UTC(2025, 3, 1));
    expect(await ensureAuditPartitions(db, march, 1)).toEqual([partitionName(march), partitionName(april)]);
    await ensureAuditPartitions(db);
    await db.transaction().execute((trx) => appendAuditRows(trx, [oldRow(march, 1), oldRow(march, 2), oldRow(march, 3)]));
    await writeCheckpoint(db, KEY);
    await db.transaction().execute((trx) => appendAuditRows(trx, [oldRow(april, 4), oldRow(april, 5)]));
    await writeCheckpoint(db, KEY);
    await db.transaction().execute((trx) =>
      appendAuditRows(trx, [1, 2, 3].map((n) => ({ kind: 'test_event', actor_kind: 'system' as const, details: { n }, summary: `new event ${n}` }))),
    );
    await writeCheckpoint(db, KEY);
    expect(await verifyAuditChain(db, KEY)).toEqual({ rows: 8, checkpoints: 3, problem: null });
    return { march, april };
  }

  it('detaches whole old months, keeps verify intact and records an audit_retention event', async () => {
    const db = database.db;
    const { march, april } = await chainAcrossMonths(db);
    const detached = await detachAuditPartitionsBefore(db, new Date(Date.UTC(2025, 4, 1)), false);
    expect(detached).toEqual([partitionName(march), partitionName(april)]);

    expect(await chainSeqs(db)).toEqual([6, 7, 8, 9]);
    const report = await verifyAuditChain(db, KEY);
    expect(report.problem).toBeNull();
    expect(report.rows).toBe(4);

    const retention = await db.selectFrom('audit_events').selectAll().where('kind', '=', 'audit_retention').executeTakeFirstOrThrow();
    expect(retention).toMatchObject({ chain_seq: '9', actor_kind: 'system' });
    expect(retention.details).toMatchObject({ detached, dropped: false, keptFrom: '6' });
    expect(retention.summary).toMatch(/detached the audit months before 2025-05/);
    // Detached, not dropped: the rows are kept in standalone tables for the archive.
    const archived = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(partitionName(march))}`.execute(db);
    expect(archived.rows[0]?.n).toBe(3);
  });

  it('still catches tampering with the rows it kept', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await detachAuditPartitionsBefore(db, new Date(Date.UTC(2025, 4, 1)), false);
    await asOwnerBypassingTriggers(db, sql`update audit_events set summary = 'new event 0' where chain_seq = 7`);
    expect((await verifyAuditChain(db, KEY)).problem).toEqual({ kind: 'altered-row', seq: '7' });
  });

  it('drops them with drop, and verify stays intact', async () => {
    const db = database.db;
    const { march } = await chainAcrossMonths(db);
    await detachAuditPartitionsBefore(db, new Date(Date.UTC(2025, 4, 1)), true);
    const exists = await sql<{ found: boolean }>`select to_regclass(${partitionName(march)}) is not null as found`.execute(db);
    expect(exists.rows[0]?.found).toBe(false);
    expect((await verifyAuditChain(db, KEY)).problem).toBeNull();
  });

  it('does not pass off the oldest rows removed without a retention event', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await sql`alter table audit_events detach partition ${sql.table(partitionName(new Date(Date.UTC(2025, 2, 1))))}`.execute(db);
    expect((await verifyAuditChain(db, KEY)).problem).toEqual({ kind: 'gap', expectedSeq: '1', foundSeq: '4' });
  });
});

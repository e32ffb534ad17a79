import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { writeCheckpoint } from '../../src/audit/checkpoints.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, partitionName } from '../../src/audit/partitions.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { chainSeqs } from './audit-support.js';

const KEY = 'retention-test-checkpoint-key-0123456789ab';
const SIGNER = checkpointSigner(KEY);

/** Owner-only: writes with the append-only triggers off for this transaction (replica mode). */
async function asOwnerBypassingTriggers(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

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
    await writeCheckpoint(db, SIGNER);
    await db.transaction().execute((trx) => appendAuditRows(trx, [oldRow(april, 4), oldRow(april, 5)]));
    await writeCheckpoint(db, SIGNER);
    await db.transaction().execute((trx) =>
      appendAuditRows(trx, [1, 2, 3].map((n) => ({ kind: 'test_event', actor_kind: 'system' as const, details: { n }, summary: `new event ${n}` }))),
    );
    await writeCheckpoint(db, SIGNER);
    expect(await verifyAuditChain(db, KEY)).toMatchObject({ rows: 8, checkpoints: 3, problems: [] });
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

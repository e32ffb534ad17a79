import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, moveStrandedAuditRows, partitionName, RetentionRefused } from '../../src/audit/partitions.js';
import { hashAuditRow } from '../../src/audit/audit-hash.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { describeChainProblem } from '../../src/audit/chain-report.js';
import { writeCheckpoint } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { chainSeqs, withAuditInsertsFailing } from './audit-support.js';

const KEY = 'retention-test-checkpoint-key-0123456789ab';
const SIGNER = checkpointSigner(KEY);
const MARCH = new Date(Date.UTC(2025, 2, 1));
const APRIL = new Date(Date.UTC(2025, 3, 1));
const MAY = new Date(Date.UTC(2025, 4, 1));

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

const newRows = (...ns: number[]): AuditRowInput[] => ns.map((n) => ({ kind: 'test_event', actor_kind: 'system', details: { n }, summary: `new event ${n}` }));

async function append(db: Db, rows: AuditRowInput[]): Promise<void> {
  await db.transaction().execute((trx) => appendAuditRows(trx, rows));
  await writeCheckpoint(db, SIGNER);
}

/** Two past months with rows (checkpointed, as the checkpointer would), then this month's. */
async function chainAcrossMonths(db: Db): Promise<void> {
  expect(await ensureAuditPartitions(db, MARCH, 1)).toEqual({ created: [partitionName(MARCH), partitionName(APRIL)], stranded: [] });
  await ensureAuditPartitions(db);
  await append(db, [oldRow(MARCH, 1), oldRow(MARCH, 2), oldRow(MARCH, 3)]);
  await append(db, [oldRow(APRIL, 4), oldRow(APRIL, 5)]);
  await append(db, newRows(1, 2, 3));
  expect(await verifyAuditChain(db, KEY)).toMatchObject({ rows: 8, checkpoints: 3, problems: [] });
}

const attached = async (db: Db) =>
  (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_events'::regclass order by 1`.execute(db)).rows.map(
    (r) => r.name,
  );

describe('retention', () => {
  it('detaches whole old months, keeps verify intact and records an audit_retention event', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    const detached = await detachAuditPartitionsBefore(db, MAY, false);
    expect(detached).toEqual([partitionName(MARCH), partitionName(APRIL)]);

    expect(await chainSeqs(db)).toEqual([6, 7, 8, 9]);
    expect(await verifyAuditChain(db, KEY)).toMatchObject({ rows: 4, problems: [] });

    const retention = await db.selectFrom('audit_events').selectAll().where('kind', '=', 'audit_retention').executeTakeFirstOrThrow();
    expect(retention).toMatchObject({ chain_seq: '9', actor_kind: 'system' });
    expect(retention.details).toMatchObject({ detached, dropped: false, keptFrom: '6' });
    expect(retention.summary).toMatch(/detached the audit months before 2025-05/);
    // Detached, not dropped: the rows are kept in standalone tables for the archive.
    const archived = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(partitionName(MARCH))}`.execute(db);
    expect(archived.rows[0]?.n).toBe(3);
  });

  it('still catches tampering with the rows it kept', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await detachAuditPartitionsBefore(db, MAY, false);
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_events set summary = 'new event 0' where chain_seq = 7`.execute(trx);
    });
    expect((await verifyAuditChain(db, KEY)).problem).toEqual({ kind: 'altered-row', seq: '7' });
  });

  it('drops them with drop, and verify stays intact', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await detachAuditPartitionsBefore(db, MAY, true);
    const exists = await sql<{ found: boolean }>`select to_regclass(${partitionName(MARCH)}) is not null as found`.execute(db);
    expect(exists.rows[0]?.found).toBe(false);
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
  });

  it('does not pass off the oldest rows removed without a retention event', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await sql`alter table audit_events detach partition ${sql.table(partitionName(MARCH))}`.execute(db);
    expect((await verifyAuditChain(db, KEY)).problem).toEqual({ kind: 'gap', expectedSeq: '1', foundSeq: '4' });
  });

  it('detaches nothing when its audit_retention record cannot be written: both or neither', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await expect(withAuditInsertsFailing(db, () => detachAuditPartitionsBefore(db, MAY, true))).rejects.toThrow(/audit store down/);
    expect(await attached(db)).toEqual(expect.arrayContaining([partitionName(MARCH), partitionName(APRIL)]));
    expect(await chainSeqs(db)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
  });

  it('declares the boundary even when every row goes: the chain continues from the retention record', async () => {
    const db = database.db;
    await ensureAuditPartitions(db, MARCH, 1);
    await append(db, [oldRow(MARCH, 1), oldRow(APRIL, 2)]);
    expect(await detachAuditPartitionsBefore(db, MAY, false)).toEqual([partitionName(MARCH), partitionName(APRIL)]);
    const retention = await db.selectFrom('audit_events').select(['chain_seq', 'details']).executeTakeFirstOrThrow();
    expect(retention).toMatchObject({ chain_seq: '3', details: { keptFrom: '3' } });
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
  });

  it('refuses, saying what to do, while rows before the cutoff sit in the default partition; after moving them it proceeds', async () => {
    const db = database.db;
    // March had no partition when its rows were written (a gateway that never created one): they went to the default partition.
    expect(await ensureAuditPartitions(db, APRIL, 0)).toEqual({ created: [partitionName(APRIL)], stranded: [] });
    await ensureAuditPartitions(db);
    await append(db, [oldRow(MARCH, 1), oldRow(MARCH, 2), oldRow(APRIL, 3)]);
    await append(db, newRows(4));

    const refused = detachAuditPartitionsBefore(db, MAY, false);
    await expect(refused).rejects.toThrow(RetentionRefused);
    await expect(refused).rejects.toThrow(
      /audit_events_default holds 2 rows from before 2025-05 \(2025-03\).*nothing was detached.*npm run audit:partitions -- --move-stranded/,
    );
    expect(await attached(db)).toContain(partitionName(APRIL));
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);

    expect(await moveStrandedAuditRows(db)).toEqual({ months: ['2025-03'], rows: 2 });
    expect(await detachAuditPartitionsBefore(db, MAY, false)).toEqual([partitionName(MARCH), partitionName(APRIL)]);
    expect(await chainSeqs(db)).toEqual([4, 5]);
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
  });
});

describe('rows outside the range verify walks after retention', () => {
  it('a detached row put back, and a second row under the first kept number, are reported', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    await detachAuditPartitionsBefore(db, MAY, false);
    // Row 3, copied back from the archive: March has no partition any more, so it lands in the default one.
    await sql`insert into audit_events select * from ${sql.table(partitionName(MARCH))} where chain_seq = 3`.execute(db);
    const six = await db.selectFrom('audit_events').selectAll().where('chain_seq', '=', '6').executeTakeFirstOrThrow();
    const { hash: _hash, ...content } = six;
    const copy = { ...content, occurred_at: new Date(six.occurred_at.getTime() + 1000), summary: 'a row that was never written' };
    await db.insertInto('audit_events').values({ ...copy, details: canonicalJson(copy.details), hash: hashAuditRow(copy) }).execute();

    const report = await verifyAuditChain(db, KEY);
    expect(report.problems).toEqual([
      { kind: 'row-before-start', seq: '3', startSeq: '6' },
      { kind: 'repeated-row', seq: '6' },
    ]);
    expect(describeChainProblem(report.problem!)).toMatch(/^Row 3 lies before the row the chain starts at \(6\).*or retention did not detach it as its record says\.$/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, moveStrandedAuditRows, partitionName, RetentionRefused } from '../../src/audit/partitions.js';
import { hashAuditRow } from '../../src/audit/audit-hash.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { describeChainProblem, describeChainStart } from '../../src/audit/chain-report.js';
import { readCheckpointFile, writeCheckpoint } from '../../src/audit/checkpoints.js';
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

/** Appends `rows` and signs them as the checkpointer would have: a moment after the newest was written. */
async function append(db: Db, rows: AuditRowInput[], file?: string): Promise<void> {
  await db.transaction().execute((trx) => appendAuditRows(trx, rows));
  const written = rows.flatMap((row) => (row.occurred_at ? [row.occurred_at.getTime()] : []));
  if (written.length < rows.length) return void (await writeCheckpoint(db, SIGNER, { file }));
  await signedAt(new Date(Math.max(...written) + 30_000), () => writeCheckpoint(db, SIGNER, { file }));
}

/** Runs `fn` with the clock at `at` (Date only: timers and the database driver keep real time). */
async function signedAt<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
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
    const report = await verifyAuditChain(db, KEY);
    expect(report).toMatchObject({ rows: 4, problems: [] });
    expect(describeChainStart(report.start)).toBe(
      'The chain starts at row 6: the audit_retention record at row 9 says the months before 2025-05 (audit_events_y2025m03, audit_events_y2025m04) were detached under the retention policy.',
    );

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

  it('refuses rows no signed checkpoint covers, saying why; nothing detached, verify still sees them unsigned', async () => {
    const db = database.db;
    await ensureAuditPartitions(db, MARCH, 1);
    // Written, never signed (a checkpointer that failed, or was never run).
    await db.transaction().execute((trx) => appendAuditRows(trx, [oldRow(MARCH, 1), oldRow(APRIL, 2)]));
    const refused = detachAuditPartitionsBefore(db, MAY, true);
    await expect(refused).rejects.toThrow(RetentionRefused);
    await expect(refused).rejects.toThrow(/^Rows 1 to 2 are in the months to detach but no signed checkpoint or seal covers them yet/);
    expect(await attached(db)).toContain(partitionName(MARCH));
    expect(await chainSeqs(db)).toEqual([1, 2]);
    // Once signed, they go.
    await signedAt(new Date(APRIL.getTime() + 7_200_000), () => writeCheckpoint(db, SIGNER, {}));
    expect(await detachAuditPartitionsBefore(db, MAY, true)).toEqual([partitionName(MARCH), partitionName(APRIL)]);
  });

  it('refuses a cutoff after this month: the month being written is never removed', async () => {
    const db = database.db;
    await chainAcrossMonths(db);
    const refused = detachAuditPartitionsBefore(db, new Date(Date.UTC(2099, 0, 1)), true);
    await expect(refused).rejects.toThrow(/^--before 2099-01 is after this month \(\d{4}-\d\d\)/);
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

/** Owner-only: runs statements with the append-only triggers off for this transaction (replica mode). */
async function asOwnerBypassingTriggers(db: Db, ...statements: Array<ReturnType<typeof sql>>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

/** A properly chained audit_retention record saying what `details` says, as the owner can append one. */
async function appendRetentionRecord(db: Db, details: Record<string, unknown>): Promise<string> {
  await db.transaction().execute((trx) => appendAuditRows(trx, [{ kind: 'audit_retention', actor_kind: 'system', actor_name: 'Warden', details, summary: 'Warden detached old audit months' }]));
  return String((await chainSeqs(db)).at(-1));
}

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

/**
 * The owner removes the oldest rows (part of a month) and appends a properly chained
 * audit_retention record saying they were detached. What is left of them, outside the rows,
 * contradicts it: partitions, times, checkpoints, the detached tables.
 */
describe('a forged retention record', () => {
  const FEBRUARY = '2025-02-01T00:00:00.000Z';

  /** Rows 1-2 and 3-5 in early March (each batch signed), 6-7 in April, 8-10 this month. */
  async function chainSignedAsWritten(db: Db, file?: string): Promise<void> {
    await ensureAuditPartitions(db, MARCH, 1);
    await ensureAuditPartitions(db);
    await append(db, [oldRow(MARCH, 1), oldRow(MARCH, 2)], file);
    await append(db, [oldRow(MARCH, 3), oldRow(MARCH, 4), oldRow(MARCH, 5)], file);
    await append(db, [oldRow(APRIL, 6), oldRow(APRIL, 7)], file);
    await append(db, newRows(8, 9, 10), file);
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
  }

  it('is caught when it names a month still attached, and rows it kept are older than its cutoff', async () => {
    const db = database.db;
    await chainSignedAsWritten(db);
    await asOwnerBypassingTriggers(db, sql`delete from audit_events where chain_seq <= 2`);
    const forged = await appendRetentionRecord(db, { detached: [partitionName(MARCH)], dropped: true, before: APRIL.toISOString(), keptFrom: '3' });
    const report = await verifyAuditChain(db, KEY);
    expect(report.start).toEqual({ seq: '3', reason: 'retention', retentionSeq: forged, before: APRIL.toISOString(), detached: [partitionName(MARCH)] });
    expect(report.problems).toEqual([
      { kind: 'retention-partition-attached', retentionSeq: forged, partition: partitionName(MARCH) },
      { kind: 'retention-row-before-boundary', retentionSeq: forged, seq: '3', before: APRIL.toISOString() },
    ]);
  });

  it('is caught, when it is self-consistent, by a checkpoint signed after the month of the first kept row began', async () => {
    const db = database.db;
    await chainSignedAsWritten(db);
    await asOwnerBypassingTriggers(db, sql`delete from audit_events where chain_seq <= 4`);
    // February never had a partition: nothing in the database says it was not detached.
    const forged = await appendRetentionRecord(db, { detached: ['audit_events_y2025m02'], dropped: true, before: FEBRUARY.replace('02-01', '03-01'), keptFrom: '5' });
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([
      // The checkpoint of rows 1-2, signed on 1 March: row 3 was written after it, in March, which was kept.
      { kind: 'retention-checkpoint-after-boundary', retentionSeq: forged, seq: '2', source: 'database', signedAt: '2025-03-01T02:00:30.000Z', boundary: MARCH.toISOString() },
    ]);
  });

  it('is caught by the checkpoint file when the checkpoints in the table went too; without any, it cannot be', async () => {
    const db = database.db;
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-retention-'));
    try {
      const file = path.join(dir, 'checkpoints.jsonl');
      await chainSignedAsWritten(db, file);
      await asOwnerBypassingTriggers(db, sql`delete from audit_events where chain_seq <= 4`, sql`delete from audit_checkpoints where chain_seq < 5`);
      const forged = await appendRetentionRecord(db, { detached: ['audit_events_y2025m02'], dropped: true, before: MARCH.toISOString(), keptFrom: '5' });
      const external = (await readCheckpointFile(file)).checkpoints;
      expect((await verifyAuditChain(db, KEY, { external })).problems).toEqual([
        { kind: 'retention-checkpoint-after-boundary', retentionSeq: forged, seq: '2', source: 'file', signedAt: '2025-03-01T02:00:30.000Z', boundary: MARCH.toISOString() },
      ]);
      // The limit: with no trace of the removed rows left anywhere, the record explains them away.
      expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is caught when the detached table it names does not end where the kept rows begin', async () => {
    const db = database.db;
    await chainSignedAsWritten(db);
    await detachAuditPartitionsBefore(db, MAY, false);
    // Genuine so far (rows 1-7 detached, kept from 8); then rows 8-9 removed, and a second record.
    await asOwnerBypassingTriggers(db, sql`delete from audit_events where chain_seq <= 9`, sql`delete from audit_checkpoints where chain_seq > 7`);
    const forged = await appendRetentionRecord(db, { detached: [partitionName(APRIL)], dropped: false, before: MAY.toISOString(), keptFrom: '10' });
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([
      { kind: 'retention-link-mismatch', retentionSeq: forged, seq: '7', keptFrom: '10', source: 'detached-partition' },
    ]);
  });
});

import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { writeCheckpoint } from '../../src/audit/checkpoints.js';
import { startPartitionUpkeep } from '../../src/audit/partition-upkeep.js';
import { ensureAuditPartitions, missingAuditPartitions, moveStrandedAuditRows, partitionName } from '../../src/audit/partitions.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEY = 'partitions-test-checkpoint-key-0123456789';
const MARCH = new Date(Date.UTC(2025, 2, 1));
const APRIL = new Date(Date.UTC(2025, 3, 1));

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database?.destroy());

const row = (at: Date, n: number): AuditRowInput => ({ kind: 'test_event', actor_kind: 'system', occurred_at: new Date(at.getTime() + n * 60_000), details: { n }, summary: `event ${n}` });
/** Appends rows and signs them, as a gateway's checkpointer would. */
async function append(db: Db, rows: AuditRowInput[]): Promise<void> {
  await db.transaction().execute((trx) => appendAuditRows(trx, rows));
  await writeCheckpoint(db, checkpointSigner(KEY));
}

const tableOf = async (db: Db) =>
  (await sql<{ table: string; n: number }>`select tableoid::regclass::text as table, count(*)::int as n from audit_events group by 1 order by 1`.execute(db)).rows;

describe('creating partitions', () => {
  it('lets two instances starting together both succeed, creating each partition once', async () => {
    // A second connection pool on the same database: another gateway instance.
    const other = database.url ? openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 }).db : database.db;
    try {
      const [a, b] = await Promise.all([ensureAuditPartitions(database.db), ensureAuditPartitions(other)]);
      expect([...a.created, ...b.created].sort()).toHaveLength(3);
      expect(await missingAuditPartitions(database.db)).toEqual([]);
    } finally {
      if (other !== database.db) await other.destroy();
    }
  });

  it("counts a month's table detached from audit_events as missing: its rows would land in the default", async () => {
    const db = database.db;
    await ensureAuditPartitions(db);
    const thisMonth = partitionName(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)));
    await sql`alter table audit_events detach partition ${sql.id(thisMonth)}`.execute(db);
    expect(await missingAuditPartitions(db)).toEqual([thisMonth.replace(/^audit_events_y(\d{4})m(\d{2})$/, '$1-$2')]);
  });

  it('reports a month whose rows already sit in the default partition as stranded, and creates the others', async () => {
    const db = database.db;
    await append(db, [row(MARCH, 1), row(MARCH, 2)]);
    expect(await ensureAuditPartitions(db, MARCH, 1)).toEqual({ created: [partitionName(APRIL)], stranded: ['2025-03'] });
  });

  it('moves stranded rows, unchanged, into a guarded monthly partition: the chain stays whole', async () => {
    const db = database.db;
    await ensureAuditPartitions(db, APRIL, 0);
    await append(db, [row(MARCH, 1), row(APRIL, 2), row(MARCH, 3)]);
    expect(await tableOf(db)).toEqual([
      { table: 'audit_events_default', n: 2 },
      { table: partitionName(APRIL), n: 1 },
    ]);

    expect(await moveStrandedAuditRows(db)).toEqual({ months: ['2025-03'], rows: 2 });
    expect(await tableOf(db)).toEqual([
      { table: partitionName(MARCH), n: 2 },
      { table: partitionName(APRIL), n: 1 },
    ]);
    expect((await verifyAuditChain(db, KEY)).problems).toEqual([]);
    // The moved-to partition and the new default partition refuse TRUNCATE like the others.
    await expect(sql`truncate ${sql.table(partitionName(MARCH))}`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(sql`truncate audit_events_default`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(sql`delete from audit_events where chain_seq = 1`.execute(db)).rejects.toThrow(/append-only: DELETE/);
    expect(await moveStrandedAuditRows(db)).toEqual({ months: [], rows: 0 });
  });
});

describe('partition upkeep in the gateway', () => {
  it('without the right to create them, warns loudly and reports the missing months; never fails', async () => {
    const { logger, lines } = capturingLogger();
    const upkeep = await startPartitionUpkeep({ db: database.db, logger, create: false });
    try {
      const missing = await missingAuditPartitions(database.db);
      expect(missing).toHaveLength(2);
      expect(upkeep.problem()).toBe(`audit partitions missing for ${missing.join(', ')}; run npm run audit:partitions as the table owner`);
      expect(lines.some((line) => line.includes('AUDIT PARTITIONS MISSING') && line.includes('"level":40'))).toBe(true);
      expect(await missingAuditPartitions(database.db)).toEqual(missing);
    } finally {
      await upkeep.stop();
    }
  });

  it('with the owner’s rights, creates them at start and reports nothing missing', async () => {
    const { logger } = capturingLogger();
    const upkeep = await startPartitionUpkeep({ db: database.db, logger, create: true });
    try {
      expect(upkeep.problem()).toBeNull();
      expect(await missingAuditPartitions(database.db)).toEqual([]);
    } finally {
      await upkeep.stop();
    }
  });
});

import { appendAuditRows, appendToChain, chainAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { GENESIS_HASH } from '../../src/audit/audit-hash.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { checkpointToken, parseCheckpointToken } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { readdirSync } from 'node:fs';
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import type { Db } from '../../src/db/database.js';
import { migrateWarden, migrateWardenDown, pendingWardenMigrations, WARDEN_MIGRATION_TABLE } from '../../src/db/migrate.js';
import { migrateDemo, migrateDemoDown } from '../../src/domain/migrate.js';
import { demoMigrations } from '../../src/domain/migrations/index.js';
import { ensureAuditPartitions } from '../../src/audit/partitions.js';
import { openDatabase } from '../../src/db/connect.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Warden's own migrations by name, oldest first: Kysely orders them by name, hence the timestamp prefix. */
const WARDEN_MIGRATIONS = Object.keys(migrations).sort();
const DEMO_MIGRATIONS = Object.keys(demoMigrations).sort();
const DEMO_TABLES = ['accounts', 'api_tokens', 'invoices', 'notification_settings', 'payment_methods', 'private_notes', 'users'];

const tableNames = async (db: Db) => (await db.introspection.getTables()).map((t) => t.name).sort();
const filesIn = (folder: URL) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();

describe('migrations', () => {
  it("are all listed: Warden's in migrations/index.ts, the reference domain's in its own index", () => {
    // A file missing from an index would never run, and nothing else would notice.
    expect(WARDEN_MIGRATIONS).toEqual(filesIn(new URL('../../migrations', import.meta.url)));
    expect(DEMO_MIGRATIONS).toEqual(filesIn(new URL('../../src/domain/migrations', import.meta.url)));
  });

  describe('on an empty database', () => {
    let testDatabase: TestDatabase;
    // Created in a hook, not the test: a cold PGlite can take longer than a test may.
    beforeEach(async () => {
      testDatabase = await createTestDatabase({ migrated: false });
    });
    afterEach(() => testDatabase.destroy());

    it("Warden's apply alone, touching none of the application's tables, and record themselves in a table of their own", async () => {
      const { db } = testDatabase;
      expect(await tableNames(db)).toEqual([]);
      expect(await migrateWarden(db)).toEqual(WARDEN_MIGRATIONS);
      const tables = await tableNames(db);
      expect(tables).toEqual(expect.arrayContaining(['staff', 'audit_events', 'impersonation_sessions', WARDEN_MIGRATION_TABLE]));
      expect(tables.filter((t) => DEMO_TABLES.includes(t) || t === 'kysely_migration')).toEqual([]);
      expect(await migrateWarden(db)).toEqual([]);
    });

    it("the reference domain's apply after Warden's, and a second run applies nothing", async () => {
      const { db } = testDatabase;
      expect(await migrateDemo(db)).toEqual([...WARDEN_MIGRATIONS, ...DEMO_MIGRATIONS]);
      expect(await tableNames(db)).toEqual(expect.arrayContaining([...DEMO_TABLES, 'staff', 'audit_events']));
      expect(await migrateDemo(db)).toEqual([]);
    });

    it('roll back one at a time to an empty schema, then apply again', async () => {
      const { db } = testDatabase;
      await migrateDemo(db);

      const rolledBack: string[] = [];
      for (let step = 0; step <= DEMO_MIGRATIONS.length; step++) {
        const names = await migrateDemoDown(db);
        if (names.length === 0) break;
        rolledBack.push(...names);
      }
      for (let step = 0; step <= WARDEN_MIGRATIONS.length; step++) {
        const names = await migrateWardenDown(db);
        if (names.length === 0) break;
        rolledBack.push(...names);
      }
      expect(rolledBack).toEqual([...[...DEMO_MIGRATIONS].reverse(), ...[...WARDEN_MIGRATIONS].reverse()]);
      // Each `down` must undo its `up` completely, or the next `up` would trip over the leftovers.
      expect((await tableNames(db)).filter((t) => !['kysely_migration', 'kysely_migration_lock', WARDEN_MIGRATION_TABLE, `${WARDEN_MIGRATION_TABLE}_lock`].includes(t))).toEqual([]);

      expect(await migrateDemo(db)).toEqual([...WARDEN_MIGRATIONS, ...DEMO_MIGRATIONS]);
    });

    it("a database whose whole history sits in kysely_migration (as before Warden's tables had their own) moves Warden's names over, once, and runs nothing again", async () => {
      const { db } = testDatabase;
      await migrateDemo(db);
      // The earlier bookkeeping: every name, Warden's included, in kysely_migration, and no
      // warden_migration (its staff table came with the domain's tables then).
      await sql`insert into kysely_migration (name, timestamp) select name, timestamp from ${sql.table(WARDEN_MIGRATION_TABLE)} where name <> '20261121000050_staff'`.execute(db);
      await sql`drop table ${sql.table(WARDEN_MIGRATION_TABLE)}, ${sql.table(`${WARDEN_MIGRATION_TABLE}_lock`)}`.execute(db);
      const before = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

      // The application role's check (it cannot convert) sees Warden's history as not there yet.
      expect(await pendingWardenMigrations(db)).toEqual(WARDEN_MIGRATIONS);
      expect(await migrateWarden(db)).toEqual([]);
      expect(await pendingWardenMigrations(db)).toEqual([]);
      const left = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(left.rows.map((r) => r.name)).toEqual(DEMO_MIGRATIONS);
      expect(await migrateDemo(db)).toEqual([]);
      expect(await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
    });
  });
});

describe('audit_events is append-only', () => {
  let db: Db;
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    db = testDatabase.db;
  });
  afterEach(() => testDatabase.destroy());

  const insertEvent = async () => {
    await db.transaction().execute((trx) =>
      appendAuditRows(trx, [{ kind: 'test_event', actor_kind: 'system', summary: 'Warden tested its audit table', details: {} }]),
    );
    const row = await db.selectFrom('audit_events').select('chain_seq').orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
    return { id: row.chain_seq };
  };

  /** What the trigger raises: SQLSTATE 42501, insufficient_privilege. */
  const refusal = (operation: string) => ({
    code: '42501',
    message: expect.stringContaining(`append-only: ${operation} is not allowed`),
  });

  it('accepts INSERT', async () => {
    const { id } = await insertEvent();
    const row = await db.selectFrom('audit_events').selectAll().where('chain_seq', '=', id).executeTakeFirst();
    expect(row).toMatchObject({ kind: 'test_event', actor_kind: 'system', summary: 'Warden tested its audit table' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and the row survives all three', async () => {
    const { id } = await insertEvent();

    await expect(
      sql`update audit_events set summary = 'rewritten' where chain_seq = ${id}`.execute(db),
    ).rejects.toMatchObject(refusal('UPDATE'));
    await expect(db.deleteFrom('audit_events').where('chain_seq', '=', id).execute()).rejects.toMatchObject(refusal('DELETE'));
    await expect(sql`truncate audit_events`.execute(db)).rejects.toMatchObject(refusal('TRUNCATE'));
    // A partition truncated directly does not fire the parent's trigger: each has its own.
    await expect(sql`truncate audit_events_default`.execute(db)).rejects.toMatchObject(refusal('TRUNCATE'));

    const rows = await db.selectFrom('audit_events').select(['chain_seq as id', 'summary']).execute();
    expect(rows).toEqual([{ id, summary: 'Warden tested its audit table' }]);
  });
});

describe('audit_events numbers its rows from 1', () => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await createTestDatabase({ migrated: false });
  });
  afterEach(() => testDatabase.destroy());

  const rowNumbered = (seq: number) => sql`insert into audit_events (chain_seq, occurred_at, kind, actor_kind, summary, prev_hash, hash) values (${seq}, now(), 'test_event', 'system', 'forged', 'x', 'y')`;
  const check = async (db: Db) =>
    (await sql<{ validated: boolean }>`select convalidated as validated from pg_constraint where conname = 'audit_events_chain_seq_positive' and conrelid = 'audit_events'::regclass`.execute(db)).rows;

  it('refuses a row numbered 0, checked against the rows already there', async () => {
    const { db } = testDatabase;
    await migrateDemo(db);
    expect(await check(db)).toEqual([{ validated: true }]);
    await expect(rowNumbered(0).execute(db)).rejects.toThrow(/audit_events_chain_seq_positive/);
  });

  it('a row numbered 0 written before the check does not stop the migration (verify lists it); new ones are refused', async () => {
    const { db } = testDatabase;
    await new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: WARDEN_MIGRATION_TABLE, migrationLockTableName: `${WARDEN_MIGRATION_TABLE}_lock` }).migrateTo('20261124000410_application_role_grants');
    await rowNumbered(0).execute(db);
    expect(await migrateWarden(db)).toContain('20261125000100_audit_chain_seq_positive');
    expect(await check(db)).toEqual([{ validated: false }]);
    await expect(rowNumbered(-1).execute(db)).rejects.toThrow(/audit_events_chain_seq_positive/);
  });
});

describe('several audit chains (20261208000100_audit_chains)', () => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await createTestDatabase({ migrated: false });
  });
  afterEach(() => testDatabase.destroy());

  const KEY = 'migration-test-checkpoint-key-0123456789abcdef';
  const migrateTo = (db: Db, name: string) =>
    new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: WARDEN_MIGRATION_TABLE, migrationLockTableName: `${WARDEN_MIGRATION_TABLE}_lock` }).migrateTo(name);
  const before = (summary: string): AuditRowInput => ({ kind: 'test_event', actor_kind: 'system', actor_name: 'Warden', details: { summary }, summary });

  /** The trail as a gateway of the single-chain schema left it: rows, its one head, and a checkpoint of today's form. */
  async function singleChainTrail(db: Db): Promise<string> {
    await migrateTo(db, '20261207000200_ai_assistants');
    const chained = chainAuditRows([before('first'), before('second'), before('third')], '0', GENESIS_HASH);
    await db.insertInto('audit_events').values(chained.rows).execute();
    await sql`update audit_chain_head set last_seq = ${chained.lastSeq}, last_hash = ${chained.lastHash}`.execute(db);
    const signer = checkpointSigner(KEY);
    const claim = { seq: chained.lastSeq, hash: chained.lastHash, signedAt: new Date() };
    const signature = signer.sign(claim);
    await sql`insert into audit_checkpoints (chain_seq, hash, signed_at, key_id, scheme, signature)
              values (${claim.seq}, ${claim.hash}, ${claim.signedAt}, ${signer.keyId}, ${signer.scheme}, ${signature})`.execute(db);
    return checkpointToken({ ...claim, signedAt: claim.signedAt.toISOString(), keyId: signer.keyId, scheme: signer.scheme, signature });
  }

  it('keep every old row and checkpoint verifying byte for byte, the old expect token included, and chain 0 goes on from the old head', async () => {
    const { db } = testDatabase;
    const token = await singleChainTrail(db);
    expect(await migrateWarden(db)).toEqual(['20261208000100_audit_chains', '20261209000100_audit_hold_chain_head']);
    expect(await db.selectFrom('audit_chain_heads').selectAll().execute()).toEqual([expect.objectContaining({ chain_id: 0, last_seq: '3' })]);
    const external = [parseCheckpointToken(token)!];
    expect(await verifyAuditChain(db, KEY, { external })).toMatchObject({ rows: 3, checkpoints: 2, lastSeq: '3', newestExternal: { seq: '3', source: 'expected' }, problems: [] });
    await db.transaction().execute((trx) => appendAuditRows(trx, [before('after the migration')], 8));
    expect(await db.selectFrom('audit_events').select(['chain_id', 'chain_seq']).orderBy('chain_seq').execute()).toEqual(
      [1, 2, 3, 4].map((seq) => ({ chain_id: 0, chain_seq: String(seq) })),
    );
    expect((await verifyAuditChain(db, KEY, { external })).problems).toEqual([]);
    // Control: the old checkpoint still catches what it always caught.
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from audit_events where chain_seq >= 3`.execute(trx);
    });
    expect((await verifyAuditChain(db, KEY, { external })).problems).toContainEqual({ kind: 'checkpoint-missing-row', seq: '3', source: 'database' });
  });

  it('roll back to one head while only chain 0 was used, and refuse to while another chain has rows', async () => {
    const { db } = testDatabase;
    await singleChainTrail(db);
    await migrateWarden(db);
    expect(await migrateWardenDown(db)).toEqual(['20261209000100_audit_hold_chain_head']);
    expect(await migrateWardenDown(db)).toEqual(['20261208000100_audit_chains']);
    expect((await sql<{ last_seq: string }>`select last_seq::text from audit_chain_head`.execute(db)).rows).toEqual([{ last_seq: '3' }]);
    expect(await tableNames(db)).not.toContain('audit_chain_heads');

    await migrateWarden(db);
    await db.transaction().execute(async (trx) => {
      await sql`insert into audit_chain_heads (chain_id, last_seq, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(trx);
      const head = await trx.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).where('chain_id', '=', 1).forUpdate().executeTakeFirstOrThrow();
      await appendToChain(trx, head, [before('on chain 1')]);
    });
    expect(await migrateWardenDown(db)).toEqual(['20261209000100_audit_hold_chain_head']);
    await expect(migrateWardenDown(db)).rejects.toThrow(/chains other than 0/);
    expect(await tableNames(db)).toContain('audit_chain_heads');
  });
});

describe("Warden's tables in a schema of the application's choice", () => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await createTestDatabase({ migrated: false });
  });
  afterEach(() => testDatabase.destroy());

  it('go where WARDEN_DB_SCHEMA says, created there, and the audit chain works there', async () => {
    const { db } = openDatabase({ url: testDatabase.url ?? undefined, dataDir: 'memory://', schema: 'warden_own', poolSize: 2 });
    try {
      expect(await migrateWarden(db)).toEqual(WARDEN_MIGRATIONS);
      const tables = await sql<{ schemaname: string; tablename: string }>`
        select schemaname, tablename from pg_tables where tablename in ('audit_events', 'staff', 'impersonation_sessions', ${WARDEN_MIGRATION_TABLE})`.execute(db);
      expect(new Set(tables.rows.map((row) => row.schemaname))).toEqual(new Set(['warden_own']));
      expect(tables.rows).toHaveLength(4);
      await ensureAuditPartitions(db);
      await db.transaction().execute((trx) =>
        appendAuditRows(trx, [{ kind: 'demo_data_seeded', actor_kind: 'system', actor_id: null, actor_name: 'Warden', details: {}, summary: 'a row in its own schema' }]),
      );
      const rows = await sql<{ n: number }>`select count(*)::int as n from warden_own.audit_events`.execute(db);
      expect(rows.rows[0]?.n).toBe(1);
      // Nothing of Warden's in public, where the application's tables are.
      const stray = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db);
      expect(stray.rows[0]?.n).toBe(0);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});

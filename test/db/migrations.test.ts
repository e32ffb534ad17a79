import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { readdirSync } from 'node:fs';
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import type { Db } from '../../src/db/database.js';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Every migration by name, oldest first: Kysely orders them by name, hence the timestamp prefix. */
const ALL_MIGRATIONS = Object.keys(migrations).sort();

const tableNames = async (db: Db) => (await db.introspection.getTables()).map((t) => t.name).sort();

describe('migrations', () => {
  it('are all listed in migrations/index.ts', () => {
    // A file missing from the index would never run, and nothing else would notice.
    const files = readdirSync(new URL('../../migrations', import.meta.url))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ALL_MIGRATIONS).toEqual(files.sort());
  });

  describe('on an empty database', () => {
    let testDatabase: TestDatabase;
    // Created in a hook, not the test: a cold PGlite can take longer than a test may.
    beforeEach(async () => {
      testDatabase = await createTestDatabase({ migrated: false });
    });
    afterEach(() => testDatabase.destroy());

    it('apply in order, and a second run applies nothing', async () => {
      const { db } = testDatabase;
      expect(await tableNames(db)).toEqual([]);

      expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS);
      expect(await tableNames(db)).toEqual(expect.arrayContaining(['accounts', 'users', 'staff', 'audit_events']));
      expect(await migrateToLatest(db)).toEqual([]);
    });

    it('roll back one at a time to an empty schema, then apply again', async () => {
      const { db } = testDatabase;
      await migrateToLatest(db);

      const rolledBack: string[] = [];
      for (let step = 0; step <= ALL_MIGRATIONS.length; step++) {
        const names = await migrateDown(db);
        if (names.length === 0) break;
        rolledBack.push(...names);
      }
      expect(rolledBack).toEqual([...ALL_MIGRATIONS].reverse());
      // Each `down` must undo its `up` completely, or the next `up` would trip over the leftovers.
      expect(await tableNames(db)).toEqual([]);

      expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS);
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
    await migrateToLatest(db);
    expect(await check(db)).toEqual([{ validated: true }]);
    await expect(rowNumbered(0).execute(db)).rejects.toThrow(/audit_events_chain_seq_positive/);
  });

  it('a row numbered 0 written before the check does not stop the migration (verify lists it); new ones are refused', async () => {
    const { db } = testDatabase;
    await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('20261124000410_application_role_grants');
    await rowNumbered(0).execute(db);
    expect(await migrateToLatest(db)).toContain('20261125000100_audit_chain_seq_positive');
    expect(await check(db)).toEqual([{ validated: false }]);
    await expect(rowNumbered(-1).execute(db)).rejects.toThrow(/audit_events_chain_seq_positive/);
  });
});

import { Migrator, sql, type MigrationProvider, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';

/** Where Warden records its migrations: tables of its own, never an application's `kysely_migration`. */
export const WARDEN_MIGRATION_TABLE = 'warden_migration';
const WARDEN_MIGRATION_LOCK_TABLE = 'warden_migration_lock';

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migratorFor(db: Db): Migrator {
  return new Migrator({ db, provider, migrationTableName: WARDEN_MIGRATION_TABLE, migrationLockTableName: WARDEN_MIGRATION_LOCK_TABLE });
}

export class MigrationFailed extends Error {
  constructor(
    readonly results: MigrationResult[],
    cause: unknown,
  ) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    super(`Migration ${failed} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * Applies every pending migration of Warden's own tables; returns the names applied in this
 * call. They go into the first schema of the connection's search_path (`openDatabase`'s
 * `schema`), which is created when missing.
 */
export async function migrateWarden(db: Db): Promise<string[]> {
  await createOwnSchema(db);
  await adoptEarlierHistory(db);
  const { error, results = [] } = await migratorFor(db).migrateToLatest();
  if (error) throw new MigrationFailed(results, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Rolls back Warden's newest migration. */
export async function migrateWardenDown(db: Db): Promise<string[]> {
  const { error, results = [] } = await migratorFor(db).migrateDown();
  if (error) throw new MigrationFailed(results, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Warden's migrations not applied yet. Reads the migration table only, as the application role
 * may; a database whose history still sits in `kysely_migration` (see `adoptEarlierHistory`)
 * counts every one as pending, so the start asks for `migrate` to be run as the owner.
 */
export async function pendingWardenMigrations(db: Db): Promise<string[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Warden's tables used to be migrated with the reference domain's, all recorded in Kysely's
 * default `kysely_migration`. Where that is the case (no `warden_migration` yet), Warden's names
 * move to its own table, once, in one transaction: nothing runs again, and the application's
 * migrator then finds only its own names where it looks. The staff directory, created with the
 * domain's tables then, counts as created by Warden's first migration.
 */
async function adoptEarlierHistory(db: Db): Promise<void> {
  const { rows } = await sql<{ earlier: boolean; ours: boolean }>`
    select to_regclass('kysely_migration') is not null as earlier, to_regclass(${WARDEN_MIGRATION_TABLE}) is not null as ours`.execute(db);
  if (!rows[0]?.earlier || rows[0].ours) return;
  const names = Object.keys(migrations);
  await db.transaction().execute(async (trx) => {
    const moved = await sql<{ name: string }>`
      select name from kysely_migration where name = any(${sql.val(names)}::text[])`.execute(trx);
    if (moved.rows.length === 0) return;
    await sql`create table ${sql.table(WARDEN_MIGRATION_TABLE)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
    await sql`insert into ${sql.table(WARDEN_MIGRATION_TABLE)} (name, timestamp)
      select name, timestamp from kysely_migration where name = any(${sql.val(names)}::text[])`.execute(trx);
    await sql`insert into ${sql.table(WARDEN_MIGRATION_TABLE)} (name, timestamp)
      select ${STAFF_MIGRATION}, min(timestamp) from kysely_migration
       where to_regclass('staff') is not null
      having count(*) > 0
      on conflict (name) do nothing`.execute(trx);
    await sql`delete from kysely_migration where name = any(${sql.val(names)}::text[])`.execute(trx);
  });
}

const STAFF_MIGRATION = '20261121000050_staff';

/** Creates the first schema of the search_path (Warden's), unless it is `public` or the user's own. */
async function createOwnSchema(db: Db): Promise<void> {
  const { rows } = await sql<{ path: string }>`select current_setting('search_path') as path`.execute(db);
  const first = rows[0]?.path.split(',')[0]?.trim() ?? 'public';
  if (first === 'public' || first === '"$user"' || !/^[a-z_][a-z0-9_]*$/.test(first)) return;
  await sql`create schema if not exists ${sql.id(first)}`.execute(db);
}

/**
 * Whether the application role the audit migration grants to exists. The migration creates it
 * only when the migrating user may create roles; its notice never reaches a node-postgres client.
 */
export async function applicationRoleExists(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

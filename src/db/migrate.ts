import { Migrator, sql, type MigrationProvider, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migratorFor(db: Db): Migrator {
  return new Migrator({ db, provider });
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

/** Applies every pending migration; returns the names applied in this call. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results = [] } = await migratorFor(db).migrateToLatest();
  if (error) throw new MigrationFailed(results, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Rolls back the newest migration (used by `npm run migrate -- down`). */
export async function migrateDown(db: Db): Promise<string[]> {
  const { error, results = [] } = await migratorFor(db).migrateDown();
  if (error) throw new MigrationFailed(results, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations not applied yet. Reads the migration table only, as the application role may. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Whether the application role the audit migration grants to exists. The migration creates it
 * only when the migrating user may create roles; its notice never reaches a node-postgres client.
 */
export async function applicationRoleExists(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

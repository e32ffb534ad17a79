import { Migrator, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrateWarden, pendingWardenMigrations, type WardenDb } from 'warden';
import { clinicMigrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => clinicMigrations };

function clinicMigrator(db: WardenDb): Migrator {
  return new Migrator({ db, provider });
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Warden's migrations, then the clinic's; the names applied in this call, Warden's first. */
export async function migrateClinic(db: WardenDb): Promise<string[]> {
  const warden = await migrateWarden(db);
  return [...warden, ...applied(await clinicMigrator(db).migrateToLatest())];
}

/** Rolls back the clinic's newest migration (Warden's stay). */
export async function migrateClinicDown(db: WardenDb): Promise<string[]> {
  return applied(await clinicMigrator(db).migrateDown());
}

/** What is not applied yet, Warden's and the clinic's. */
export async function pendingClinicMigrations(db: WardenDb): Promise<string[]> {
  const own = (await clinicMigrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
  return [...(await pendingWardenMigrations(db)), ...own];
}

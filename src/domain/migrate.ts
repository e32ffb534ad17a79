import { Migrator, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrateWarden, pendingWardenMigrations, type WardenDb } from '../index.js';
import { demoMigrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => demoMigrations };

/** The reference domain's migrator, in Kysely's default tables, as any application's would be. */
function demoMigrator(db: WardenDb): Migrator {
  return new Migrator({ db, provider });
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Warden's migrations, then the reference domain's; the names applied in this call, Warden's first. */
export async function migrateDemo(db: WardenDb): Promise<string[]> {
  const warden = await migrateWarden(db);
  return [...warden, ...applied(await demoMigrator(db).migrateToLatest())];
}

/** Rolls back the reference domain's newest migration (Warden's stay). */
export async function migrateDemoDown(db: WardenDb): Promise<string[]> {
  return applied(await demoMigrator(db).migrateDown());
}

/** What is not applied yet, Warden's and the reference domain's. */
export async function pendingDemoMigrations(db: WardenDb): Promise<string[]> {
  const own = (await demoMigrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
  return [...(await pendingWardenMigrations(db)), ...own];
}

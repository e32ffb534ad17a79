import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type MigrationResult } from 'kysely';
import type { Db } from './database.js';

/** `migrations/` at the top of the project: migrations are frozen files, not app modules. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

function migratorFor(db: Db): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
  });
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

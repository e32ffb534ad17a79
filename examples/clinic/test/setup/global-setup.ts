import { sql } from 'kysely';
import { openDatabase } from 'warden';
import type { TestProject } from 'vitest/node';
import { migrateClinic } from '../../app/migrate.js';
import { seedClinic } from '../../app/seed/seed.js';
import { asServerAdmin, TEMPLATE_DATABASE, withDatabaseName } from '../support/databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests create their databases on (DATABASE_URL). */
    serverUrl: string;
  }
}

/**
 * The clinic's tests run against a real PostgreSQL server, as the application does in
 * production: DATABASE_URL, with a user that may create databases. The template is migrated
 * (Warden's migrations and the clinic's) and seeded once; each test file clones it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    throw new Error(
      'The clinic example tests need a PostgreSQL server: set DATABASE_URL=postgres://user@host:5432/postgres ' +
        '(a user that may create databases; the tests create and drop their own). The repository\'s .ci/run sets it.',
    );
  }
  await asServerAdmin(serverUrl, async (admin) => {
    await sql`drop database if exists ${sql.id(TEMPLATE_DATABASE)} with (force)`.execute(admin);
    await sql`create database ${sql.id(TEMPLATE_DATABASE)}`.execute(admin);
  });
  const { db } = openDatabase({ url: withDatabaseName(serverUrl, TEMPLATE_DATABASE), dataDir: 'memory://', poolSize: 1 });
  // Closed before any clone: PostgreSQL refuses to copy a database somebody is connected to.
  try {
    await migrateClinic(db);
    await seedClinic(db);
  } finally {
    await db.destroy();
  }
  project.provide('serverUrl', serverUrl);
  return () => asServerAdmin(serverUrl, (admin) => sql`drop database if exists ${sql.id(TEMPLATE_DATABASE)} with (force)`.execute(admin)).then(() => {});
}

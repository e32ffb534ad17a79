import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { sql } from 'kysely';
import { openDatabase, type WardenDb } from 'warden';

/** The migrated, seeded database globalSetup builds once per run; each test file clones it. */
export const TEMPLATE_DATABASE = 'clinic_example_template';

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Runs `fn` over a connection to the database `DATABASE_URL` names, for CREATE and DROP
 * DATABASE (which cannot run in a transaction, nor name the database they are connected to).
 */
export async function asServerAdmin<T>(serverUrl: string, fn: (admin: WardenDb) => Promise<T>): Promise<T> {
  const { db } = openDatabase({ url: serverUrl, dataDir: 'memory://', poolSize: 1 });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** A fresh clone of the template; its URL. */
export async function cloneTemplate(serverUrl: string): Promise<string> {
  const name = `clinic_test_${randomBytes(6).toString('hex')}`;
  await asServerAdmin(serverUrl, (admin) => sql`create database ${sql.id(name)} template ${sql.id(TEMPLATE_DATABASE)}`.execute(admin));
  return withDatabaseName(serverUrl, name);
}

/**
 * Drops a database once its last connections have left (a closed pool's sockets linger a
 * moment; killing them mid-close is reported as an error elsewhere), forcing what remains.
 */
export async function dropDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await asServerAdmin(serverUrl, async (admin) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await sql<{ sessions: number }>`select count(*)::int as sessions from pg_stat_activity where datname = ${name}`.execute(admin);
      if (rows[0]?.sessions === 0) break;
      await setTimeout(100);
    }
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  });
}

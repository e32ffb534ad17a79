import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Listen } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { migrateDemo } from '../../src/domain/migrate.js';
import { seedDemoData } from '../../src/domain/seed/seed.js';
import { demoDb, type DemoDb } from '../../src/domain/database.js';

/** The migrated database globalSetup builds once per run; every test database clones it. */
export const TEMPLATE_DATABASE = 'warden_template';

export interface TestDatabase {
  db: Db;
  /** The same database with the reference domain's tables beside Warden's (`demoDb`). */
  demo: DemoDb;
  /** The database's own URL on a server; null on PGlite, which has none. */
  url: string | null;
  engine: DatabaseHandle['engine'];
  /** The node-postgres pool behind `db` on a server (the gateway's audit trail COPYs through it). */
  pool: DatabaseHandle['pool'];
  /** LISTEN on this database, as a policy store does (a connection of its own on a server). */
  listen: Listen;
  /** Closes the connections and drops the database (on PGlite: frees its memory). */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Start from the migrated schema. `false` gives an empty database, for testing the
   * migrations themselves.
   * @default true
   */
  migrated?: boolean;
}

/**
 * A database of the test's own, so test files running in parallel never see each other's rows.
 * On a server it is a clone of the template (a file copy, far cheaper than migrating again).
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const serverUrl = inject('databaseUrl');
  if (serverUrl === null) {
    const { db, engine, listen, pool } = openDatabase({ dataDir: 'memory://' });
    if (migrated) await migrateDemo(db);
    return { db, demo: demoDb(db), url: null, engine, listen, pool, destroy: () => db.destroy() };
  }

  const name = `warden_test_${randomBytes(6).toString('hex')}`;
  const template = migrated ? ` template ${TEMPLATE_DATABASE}` : '';
  await withAdminClient(serverUrl, (admin) => admin.query(`create database ${name}${template}`));
  const url = withDatabaseName(serverUrl, name);
  const { db, engine, listen, pool } = openDatabase({ url, dataDir: 'memory://', poolSize: 4 });
  return {
    db,
    demo: demoDb(db),
    url,
    engine,
    pool,
    listen,
    async destroy() {
      await db.destroy();
      await withAdminClient(serverUrl, (admin) => dropWhenIdle(admin, name));
    },
  };
}

/** A migrated test database holding the demo world (accounts, users, staff…). */
export async function createSeededTestDatabase(): Promise<TestDatabase> {
  const testDatabase = await createTestDatabase();
  await seedDemoData(testDatabase.db);
  return testDatabase;
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Hands `fn` a client on the server's `postgres` database. CREATE and DROP DATABASE cannot run
 * inside a transaction or while connected to the database they name, hence a client of its own.
 */
export async function withAdminClient<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * pg's `pool.end()` resolves before its sockets have closed. Dropping WITH (FORCE) at once would
 * kill those closing sessions, and pg reports that as an unhandled error in whichever test file
 * runs next; so wait (briefly) for them to leave, and force only what is left after that.
 */
export async function dropWhenIdle(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await admin.query<{ sessions: number }>(
      'select count(*)::int as sessions from pg_stat_activity where datname = $1',
      [database],
    );
    if (rows[0]?.sessions === 0) break;
    await setTimeout(100);
  }
  await admin.query(`drop database if exists ${database} with (force)`);
}

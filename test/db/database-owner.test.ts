import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { applicationRoleExists } from '../../src/db/migrate.js';
import { migrateDemo } from '../../src/domain/migrate.js';
import { dropWhenIdle, withAdminClient, withDatabaseName } from '../support/test-database.js';

/**
 * Managed PostgreSQL hands out a database owner, not a superuser, and often without CREATEROLE.
 * The migrations must run as that owner: nothing in them may need more than owning the database.
 */
/** Migrating from nothing takes a while on the embedded database, longer still on a busy machine. */
const MIGRATING = 180_000;

describe('migrating as a database owner without CREATEROLE', () => {
  it('applies every migration and grants warden_app its audit privileges', async () => {
    await asDatabaseOwner(async (db) => {
      expect(await migrateDemo(db)).not.toEqual([]);
      expect(await applicationRoleExists(db)).toBe(true);
      expect(await appRoleMay(db, 'audit_events', 'INSERT')).toBe(true);
      expect(await appRoleMay(db, 'audit_chain_heads', 'UPDATE')).toBe(true);
      expect(await appRoleMay(db, 'audit_events', 'UPDATE')).toBe(false);
    });
  }, MIGRATING);

  // Roles belong to the whole server, and the test server's warden_app serves every other test
  // database; so a server without the role is an embedded one, where the role can be absent.
  it('leaves warden_app to an administrator when the role does not exist yet', async () => {
    const { db } = openDatabase({ dataDir: 'memory://' });
    try {
      const owner = `warden_owner_${randomBytes(4).toString('hex')}`;
      await sql`create role ${sql.id(owner)} nologin`.execute(db);
      await sql`alter schema public owner to ${sql.id(owner)}`.execute(db);
      await sql`set role ${sql.id(owner)}`.execute(db);

      expect(await migrateDemo(db)).not.toEqual([]);
      expect(await applicationRoleExists(db)).toBe(false);
      expect((await db.introspection.getTables()).map((t) => t.name)).toContain('audit_events');
    } finally {
      await db.destroy();
    }
  }, MIGRATING);
});

const appRoleMay = async (db: Db, table: string, privilege: string) =>
  (await sql<{ ok: boolean }>`select has_table_privilege('warden_app', ${table}, ${privilege}) as ok`.execute(db)).rows[0]?.ok;

/**
 * Hands `fn` a database connected as a role that owns it and nothing more: on a server, a new
 * login role and a database of its own (both dropped after); on PGlite, a fresh instance whose
 * session switches to such a role. warden_app exists in both, as an administrator would make it.
 */
async function asDatabaseOwner(fn: (db: Db) => Promise<void>): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  const owner = `warden_owner_${suffix}`;
  const serverUrl = inject('databaseUrl');
  if (serverUrl === null) {
    const { db } = openDatabase({ dataDir: 'memory://' });
    try {
      await sql`create role warden_app nologin`.execute(db);
      await sql`create role ${sql.id(owner)} nologin`.execute(db);
      await sql`alter schema public owner to ${sql.id(owner)}`.execute(db);
      await sql`set role ${sql.id(owner)}`.execute(db);
      await fn(db);
    } finally {
      await db.destroy();
    }
    return;
  }

  const database = `warden_owned_${suffix}`;
  const password = randomBytes(12).toString('hex');
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`do $$ begin
      if not exists (select from pg_roles where rolname = 'warden_app') then create role warden_app nologin; end if;
    end $$`);
    await admin.query(`create role ${owner} login nosuperuser nocreaterole nocreatedb password '${password}'`);
    await admin.query(`create database ${database} owner ${owner}`);
  });
  const url = new URL(withDatabaseName(serverUrl, database));
  url.username = owner;
  url.password = password;
  const { db } = openDatabase({ url: url.toString(), dataDir: 'memory://', poolSize: 1 });
  try {
    await fn(db);
  } finally {
    await db.destroy();
    await withAdminClient(serverUrl, async (admin) => {
      await dropWhenIdle(admin, database);
      await admin.query(`drop role if exists ${owner}`);
    });
  }
}

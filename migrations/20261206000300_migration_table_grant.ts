import { type Kysely, sql } from 'kysely';

/**
 * The application role reads Warden's migration table (`warden_migration`), to refuse starting
 * on a schema older than its code; it cannot migrate.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (await roleExists(db)) await sql`grant select on warden_migration to warden_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await roleExists(db)) await sql`revoke select on warden_migration from warden_app`.execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

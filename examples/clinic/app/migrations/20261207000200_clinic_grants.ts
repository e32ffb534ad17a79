import { type Kysely, sql } from 'kysely';

/**
 * Warden's migrations create the application role `warden_app` (where the migrating user may
 * create roles); a gateway that connects as a member of it needs to read the clinic's tables,
 * change the appointments its mutations change, and read this migration table (a gateway that
 * does not migrate checks none is pending). Where the role does not exist, there is nothing to grant.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await roleExists(db))) return;
  for (const grant of GRANTS) await sql.raw(`grant ${grant} to warden_app`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await roleExists(db))) return;
  for (const grant of GRANTS) await sql.raw(`revoke ${grant} from warden_app`).execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

const GRANTS = ['select on kysely_migration', 'select on practices, members, patients, appointments', 'update on appointments'];

import { type Kysely, sql } from 'kysely';

/**
 * `warden_app` gets exactly what the gateway does at run time, and no more (docs/audit.md, "Who
 * may write"). The audit tables' own grants (INSERT and SELECT; UPDATE on the chain head) come
 * with 20261121000200. It reads the migration table, to refuse starting on a schema older than
 * its code, but cannot migrate; it deletes nothing and owns nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Where the migrating user could not create the role (20261121000200), there is nothing to grant to.
  if (!(await roleExists(db))) return;
  for (const grant of APP_GRANTS) await sql.raw(`grant ${grant} to warden_app`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await roleExists(db))) return;
  for (const grant of APP_GRANTS) await sql.raw(`revoke ${grant} from warden_app`).execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

/**
 * Table by table, Warden's own: staff, sessions, approvals, policy, the outbox. (The reference
 * domain grants its own tables; databases migrated before that was so got those grants here.)
 * The migration table is granted where Warden's migrations are first recorded (`migrate.ts`).
 */
const APP_GRANTS = ['select on staff', 'select, insert, update on policy_versions, impersonation_sessions, approval_requests, notification_outbox'];

import { type Kysely, sql } from 'kysely';

/**
 * The application role gets what the reference domain's resolvers do at run time: read its
 * tables and change the ones its mutations change (users, API tokens and private notes got
 * theirs with 20261127000200), and read its migration table, to refuse starting on a schema
 * older than the code. Granting again what a database migrated earlier already granted is a no-op.
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

const GRANTS = [
  'select on kysely_migration',
  'select on accounts, users, notification_settings, payment_methods, invoices, api_tokens, private_notes',
  'update on accounts, invoices, notification_settings',
];

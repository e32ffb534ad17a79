import { type Kysely, sql } from 'kysely';

/**
 * `warden_app` gets exactly what the gateway does at run time, and no more (docs/audit.md, "Who
 * may write"). The audit tables' own grants (INSERT and SELECT; UPDATE on the chain head) come
 * with 20261121000200. It reads the migration table, to refuse starting on a schema older than
 * its code, but cannot migrate; it deletes nothing and owns nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const grant of APP_GRANTS) await sql.raw(`grant ${grant} to warden_app`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const grant of APP_GRANTS) await sql.raw(`revoke ${grant} from warden_app`).execute(db);
}

/** Table by table: the reference domain's reads and mutations, sessions, approvals, policy, the outbox. */
const APP_GRANTS = [
  'select on kysely_migration',
  'select on accounts, users, notification_settings, payment_methods, invoices, api_tokens, private_notes, staff',
  'update on accounts, invoices, notification_settings',
  'select, insert, update on policy_versions, impersonation_sessions, approval_requests, notification_outbox',
];

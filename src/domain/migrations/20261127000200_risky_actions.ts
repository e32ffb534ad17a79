import { type Kysely, sql } from 'kysely';

/**
 * What the reference domain's risky actions change: when a login reset was last sent (the link
 * itself is the mail system's, never stored here), whether the plan is cancelled, when an API
 * token was revoked, and when a private note was deleted (its text erased, the row kept as a
 * tombstone, so the application role still deletes nothing). `warden_app` may now change users,
 * API tokens and private notes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column login_reset_sent_at timestamptz`.execute(db);
  await sql`alter table accounts add column plan_status text not null default 'active' check (plan_status in ('active', 'cancelled'))`.execute(db);
  await sql`alter table api_tokens add column revoked_at timestamptz`.execute(db);
  await sql`alter table private_notes add column deleted_at timestamptz`.execute(db);
  if (await roleExists(db)) await sql`grant update on users, api_tokens, private_notes to warden_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await roleExists(db)) await sql`revoke update on users, api_tokens, private_notes from warden_app`.execute(db);
  await sql`alter table private_notes drop column deleted_at`.execute(db);
  await sql`alter table api_tokens drop column revoked_at`.execute(db);
  await sql`alter table accounts drop column plan_status`.execute(db);
  await sql`alter table users drop column login_reset_sent_at`.execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

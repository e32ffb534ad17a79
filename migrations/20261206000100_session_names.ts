import { type Kysely, sql } from 'kysely';

/**
 * A session keeps the names of the customer and account it was for, as they were at its start,
 * and why entering as that customer needed a manager because of who they were: what the
 * history, the trail and the one-open-session rule show, without reading the application's
 * own tables (Warden learns about customers only through its identity hook). The names are
 * filled in from the rows of the time for the sessions that exist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table impersonation_sessions
    add column user_name text,
    add column account_name text,
    add column target_privileged_at_start text`.execute(db);
  // Only databases from before Warden's tables were separated from the reference domain's can
  // hold sessions here; the names come from the domain's tables of the time.
  const { rows } = await sql<{ sessions: boolean }>`select exists (select from impersonation_sessions) as sessions`.execute(db);
  if (rows[0]?.sessions) await sql`update impersonation_sessions s
     set user_name = u.name, account_name = a.name,
         target_privileged_at_start = case when s.target_role_at_start in ('owner', 'admin', 'billing')
                                           then 'the account''s ' || s.target_role_at_start end
    from users u, accounts a
   where u.id = s.user_id and a.id = s.account_id`.execute(db);
  await sql`alter table impersonation_sessions
    alter column user_name set not null,
    alter column account_name set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table impersonation_sessions
    drop column target_privileged_at_start,
    drop column account_name,
    drop column user_name`.execute(db);
}

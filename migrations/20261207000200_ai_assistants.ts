import { type Kysely, sql } from 'kysely';

/**
 * AI assistants as callers of their own kind (docs/ai-assistants.md):
 * - the staff directory also lists assistants (`kind = 'assistant'`), so an assistant's token
 *   is checked against Warden's records like a person's, and requests and sessions can name it;
 * - `session_delegations`: an agent lends a live session to one assistant, until it is revoked,
 *   lapses or the session ends; only the hash of its token is kept;
 * - a session's pseudonym key: one per session, so a stand-in is stable within it and unrelated
 *   across sessions;
 * - `approval_requests.approver_id`: who alone may decide a request (the delegating agent, for
 *   an assistant's routine write); null: any manager but the requester;
 * - audit rows may name an assistant as their actor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table staff
    add column kind text not null default 'person' check (kind in ('person', 'assistant')),
    add column vendor text,
    add column model text`.execute(db);
  await sql`alter table impersonation_sessions add column pseudonym_key text`.execute(db);
  await sql`alter table approval_requests
    add column approver_id text references staff (id),
    add column delegation_id text`.execute(db);
  await sql`create table session_delegations (
      id text primary key,
      session_id text not null references impersonation_sessions (id),
      agent_id text not null references staff (id),
      assistant_id text not null references staff (id),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by text references staff (id),
      check (agent_id <> assistant_id)
    )`.execute(db);
  await sql`create index session_delegations_session on session_delegations (session_id)`.execute(db);
  await sql`alter table audit_events drop constraint if exists audit_events_actor_kind_check`.execute(db);
  await sql`alter table audit_events add constraint audit_events_actor_kind_check
    check (actor_kind in ('staff', 'customer', 'system', 'anonymous', 'assistant'))`.execute(db);
  if (await roleExists(db)) await sql`grant select, insert, update on session_delegations to warden_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events drop constraint if exists audit_events_actor_kind_check`.execute(db);
  await sql`alter table audit_events add constraint audit_events_actor_kind_check
    check (actor_kind in ('staff', 'customer', 'system', 'anonymous'))`.execute(db);
  await sql`drop table session_delegations`.execute(db);
  await sql`alter table approval_requests drop column delegation_id, drop column approver_id`.execute(db);
  await sql`alter table impersonation_sessions drop column pseudonym_key`.execute(db);
  await sql`alter table staff drop column model, drop column vendor, drop column kind`.execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

import { type Kysely, sql } from 'kysely';

/**
 * The audit table: append-only, hash-chained, partitioned by month.
 *
 * - Row triggers refuse UPDATE and DELETE; a statement trigger refuses TRUNCATE, on the parent
 *   and on every partition (TRUNCATE on a partition does not fire the parent's trigger).
 * - `chain_seq` is gapless and assigned under a lock on `audit_chain_head`, so each row's
 *   `prev_hash` is its predecessor's `hash` even with many writers.
 * - Old months leave by DETACH PARTITION (retention), a deliberate act of the table owner.
 * - The application role `warden_app` may INSERT and SELECT and owns nothing. It is created only
 *   when the migrating user may create roles; otherwise a notice says who must (README.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_events (
      chain_seq bigint not null,
      occurred_at timestamptz not null,
      kind text not null,
      actor_kind text not null check (actor_kind in ('staff', 'customer', 'system', 'anonymous')),
      actor_id text,
      actor_name text,
      subject_user_id text,
      account_id text,
      session_id text,
      request_id text,
      reason text,
      operation text,
      type_field text,
      path text,
      data_class text,
      decision text,
      policy_version integer,
      details jsonb not null default '{}'::jsonb,
      summary text not null,
      prev_hash text not null,
      hash text not null,
      primary key (occurred_at, chain_seq)
    ) partition by range (occurred_at)`.execute(db);
  await sql`create table audit_events_default partition of audit_events default`.execute(db);

  await sql`create index audit_events_occurred_at_brin on audit_events using brin (occurred_at)`.execute(db);
  await sql`create index audit_events_chain_seq_idx on audit_events (chain_seq)`.execute(db);
  await sql`create index audit_events_session_idx on audit_events (session_id, occurred_at) where session_id is not null`.execute(db);
  await sql`create index audit_events_account_time_idx on audit_events (account_id, occurred_at desc)`.execute(db);
  await sql`create index audit_events_actor_time_idx on audit_events (actor_id, occurred_at desc)`.execute(db);
  await sql`create index audit_events_subject_time_idx on audit_events (subject_user_id, occurred_at desc) where subject_user_id is not null`.execute(db);

  await sql`
    create table audit_chain_head (
      id boolean primary key default true check (id),
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`insert into audit_chain_head (last_seq, last_hash) values (0, ${'0'.repeat(64)})`.execute(db);

  await sql`
    create table audit_checkpoints (
      chain_seq bigint primary key,
      hash text not null,
      signed_at timestamptz not null default now(),
      key_id text not null,
      signature text not null
    )`.execute(db);

  await sql`
    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', TG_OP
        using errcode = 'insufficient_privilege';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_refuse_change()`.execute(db);
  await sql`
    create function audit_events_guard_partition(partition regclass) returns void language plpgsql as $$
    begin
      execute format('create trigger audit_events_no_truncate before truncate on %s
                      for each statement execute function audit_events_refuse_change()', partition);
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change()`.execute(db);
  await sql`select audit_events_guard_partition('audit_events_default')`.execute(db);
  // Checkpoints are evidence too: nobody rewrites them.
  await sql`
    create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
    for each row execute function audit_events_refuse_change()`.execute(db);

  // Roles belong to the whole server: a database owner without CREATEROLE (the usual managed
  // setup) cannot create one, so it is left to an administrator, and granted once it exists.
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'warden_app') then
        if exists (select from pg_roles where rolname = current_user and (rolcreaterole or rolsuper)) then
          create role warden_app nologin;
        else
          raise notice '% may not create roles, so the application role warden_app was not created. '
            'Have an administrator create and grant it: see "On a real PostgreSQL server" in README.md.', current_user;
        end if;
      end if;
      if exists (select from pg_roles where rolname = 'warden_app') then
        grant select, insert on audit_events, audit_checkpoints to warden_app;
        grant select, update on audit_chain_head to warden_app;
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table audit_events`.execute(db);
  await sql`drop table audit_chain_head`.execute(db);
  await sql`drop table audit_checkpoints`.execute(db);
  await sql`drop function audit_events_guard_partition(regclass)`.execute(db);
  await sql`drop function audit_events_refuse_change()`.execute(db);
}

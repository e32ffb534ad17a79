import { type Kysely, sql } from 'kysely';

/**
 * Several audit chains, so gateways writing at once need not all wait on one head:
 *
 * - `audit_events.chain_id` names the chain a row is on (0 for every row written before). Adding
 *   a column with a constant default touches only the catalog, whatever the table's size.
 * - The primary key becomes (occurred_at, chain_id, chain_seq), and the sequence index
 *   (chain_id, chain_seq): a row number is unique per chain. Replacing a primary key REBUILDS
 *   THE INDEX OF EVERY PARTITION, holding an ACCESS EXCLUSIVE lock meanwhile: seconds on a small
 *   trail, long on a big one. For a big table prepare it online before deploying (docs/audit.md,
 *   "Several chains"): add the column, then `create unique index concurrently` on each partition
 *   over (occurred_at, chain_id, chain_seq) and an index over (chain_id, chain_seq); the key and
 *   the index added here on the partitioned table then attach those instead of building them.
 * - `audit_chain_heads` holds one head per chain, created on demand by the writers up to
 *   WARDEN_AUDIT_CHAINS and never removed; chain 0 takes over the single head's row, and
 *   `audit_chain_head` goes (a reader of it would see one chain of several and take it for all).
 * - `audit_seals`: one signed statement over every chain's head, read in one snapshot; its heads
 *   are listed again in `audit_seal_heads` to be found by chain and row, but the statement is what
 *   was signed and what verify believes. `audit_checkpoints` keeps the single-chain checkpoints.
 *   Both are append-only, like the checkpoints.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // `if not exists`: the online route below adds it ahead of the deploy.
  await sql`alter table audit_events add column if not exists chain_id smallint not null default 0`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add constraint audit_events_pkey primary key (occurred_at, chain_id, chain_seq)`.execute(db);
  await sql`drop index audit_events_chain_seq_idx`.execute(db);
  await sql`create index audit_events_chain_seq_idx on audit_events (chain_id, chain_seq)`.execute(db);

  await sql`
    create table audit_chain_heads (
      chain_id smallint primary key check (chain_id between 0 and 63),
      last_seq bigint not null check (last_seq >= 0),
      last_hash text not null
    )`.execute(db);
  await sql`insert into audit_chain_heads (chain_id, last_seq, last_hash) select 0, last_seq, last_hash from audit_chain_head`.execute(db);
  await sql`drop table audit_chain_head`.execute(db);

  await sql`
    create table audit_seals (
      seal_id bigint generated always as identity primary key,
      signed_at timestamptz not null,
      key_id text not null,
      scheme text not null check (scheme in ('hmac-sha256-v2', 'ed25519-v2')),
      statement text not null,
      signature text not null
    )`.execute(db);
  await sql`
    create table audit_seal_heads (
      seal_id bigint not null references audit_seals (seal_id),
      chain_id smallint not null,
      chain_seq bigint not null,
      hash text not null,
      primary key (seal_id, chain_id)
    )`.execute(db);
  await sql`create index audit_seal_heads_chain_idx on audit_seal_heads (chain_id, chain_seq)`.execute(db);
  for (const table of ['audit_seals', 'audit_seal_heads']) {
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function audit_events_refuse_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function audit_events_refuse_change()`.execute(db);
  }

  if (await roleExists(db)) {
    await sql`grant select, insert, update on audit_chain_heads to warden_app`.execute(db);
    await sql`grant select, insert on audit_seals, audit_seal_heads to warden_app`.execute(db);
  }
}

/**
 * Back to one chain: only while every row, head and checkpoint is chain 0's (and no seal was
 * signed). Otherwise rows would lose the chain that their hashes name.
 */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      if exists (select from audit_events where chain_id <> 0) or exists (select from audit_chain_heads where chain_id <> 0) or exists (select from audit_seals) then
        raise exception 'audit_events has chains other than 0 (or seals over them): going back to one chain would orphan them. Keep this migration.'
          using errcode = 'object_in_use';
      end if;
    end $$`.execute(db);
  await sql`drop table audit_seal_heads`.execute(db);
  await sql`drop table audit_seals`.execute(db);
  await sql`
    create table audit_chain_head (
      id boolean primary key default true check (id),
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`insert into audit_chain_head (last_seq, last_hash) select last_seq, last_hash from audit_chain_heads where chain_id = 0`.execute(db);
  await sql`insert into audit_chain_head (last_seq, last_hash) select 0, ${'0'.repeat(64)} where not exists (select from audit_chain_head)`.execute(db);
  await sql`drop table audit_chain_heads`.execute(db);
  if (await roleExists(db)) await sql`grant select, update on audit_chain_head to warden_app`.execute(db);

  await sql`drop index audit_events_chain_seq_idx`.execute(db);
  await sql`create index audit_events_chain_seq_idx on audit_events (chain_seq)`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add constraint audit_events_pkey primary key (occurred_at, chain_seq)`.execute(db);
  await sql`alter table audit_events drop column chain_id`.execute(db);
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

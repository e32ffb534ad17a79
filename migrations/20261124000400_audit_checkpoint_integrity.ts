import { type Kysely, sql } from 'kysely';

/**
 * Checkpoints are evidence against whoever owns the database, so:
 *
 * - `audit_checkpoints` refuses TRUNCATE too (its row trigger does not fire on TRUNCATE).
 * - Each checkpoint names how it was signed (`scheme`): rows written before this migration
 *   signed `seq:hash` with HMAC (`hmac-sha256-v1`); new ones sign `seq:hash:signed_at`, so a
 *   checkpoint cannot be put back under a newer time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_events_refuse_change()`.execute(db);

  await sql`alter table audit_checkpoints add column scheme text not null default 'hmac-sha256-v1'`.execute(db);
  await sql`alter table audit_checkpoints alter column scheme drop default`.execute(db);
  await sql`
    alter table audit_checkpoints add constraint audit_checkpoints_scheme_check
    check (scheme in ('hmac-sha256-v1', 'hmac-sha256-v2', 'ed25519-v2'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_checkpoints drop constraint audit_checkpoints_scheme_check`.execute(db);
  await sql`alter table audit_checkpoints drop column scheme`.execute(db);
  await sql`drop trigger audit_checkpoints_no_truncate on audit_checkpoints`.execute(db);
}

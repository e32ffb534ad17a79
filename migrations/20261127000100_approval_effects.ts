import { type Kysely, sql } from 'kysely';

/**
 * Approval requests say what they approve: `effect` holds the description built when the
 * request was made (the effect in parts, each value tagged with the field whose policy shows it,
 * with who asks, as whom and under which ticket), and `target_state_hash` a SHA-256 of the
 * target's state as described, which an approved call must still match when it runs. Requests
 * made before this migration have neither and are described by their payload.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table approval_requests add column effect jsonb, add column target_state_hash text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table approval_requests drop column effect, drop column target_state_hash`.execute(db);
}

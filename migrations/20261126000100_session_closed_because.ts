import { type Kysely, sql } from 'kysely';

/**
 * Why a session closed, in the words its audit record uses, kept on the session so that its
 * agent is told the same thing the trail says: why a start that never ran was closed ("nobody
 * decided it within 60 minutes", "it no longer holds: …", "… asked that support never enter
 * their account"), or the words that came with an end (a manager's reason for revoking it).
 * Null when the status and the end reason say it all, and for sessions closed before this.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table impersonation_sessions add column closed_because text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table impersonation_sessions drop column closed_because`.execute(db);
}

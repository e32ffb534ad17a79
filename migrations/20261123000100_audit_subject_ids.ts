import { type Kysely, sql } from 'kysely';

/**
 * Field reads name the users whose data they read in `details.subjectIds` (Jane's phone read in
 * a session as Tom names Jane). This index lets auditors filter by user across those ids.
 * `jsonb_path_ops` serves `@>` only, which is all the filter uses, and stays small. Created on
 * the partitioned table, it applies to every partition, present and future.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_events_subject_ids_idx on audit_events using gin ((details -> 'subjectIds') jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_events_subject_ids_idx`.execute(db);
}

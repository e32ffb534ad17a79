import { type Kysely, sql } from 'kysely';

/**
 * The baseline in schema/policy.json becomes part of the policy history: each content a gateway
 * starts with is recorded once as a version of its own (`baseline_hash` set, no author), so a
 * deploy that edits the file is a versioned, audited change. Authors may also withdraw their
 * own pending versions (`withdrawn`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('policy_versions')
    .addColumn('baseline_hash', 'text')
    .execute();
  await db.schema.alterTable('policy_versions').alterColumn('created_by', (c) => c.dropNotNull()).execute();
  await db.schema
    .alterTable('policy_versions')
    .addCheckConstraint('policy_versions_author', sql`created_by is not null or baseline_hash is not null`)
    .execute();
  await db.schema.alterTable('policy_versions').dropConstraint('policy_versions_status_check').execute();
  await db.schema
    .alterTable('policy_versions')
    .addCheckConstraint('policy_versions_status_check', sql`status in ('pending', 'active', 'superseded', 'rejected', 'withdrawn')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Versions without a person behind them cannot stay once authors are required again.
  await db.deleteFrom('policy_versions').where('created_by', 'is', null).execute();
  await db.updateTable('policy_versions').set({ status: 'rejected' }).where('status', '=', 'withdrawn').execute();
  await db.schema.alterTable('policy_versions').dropConstraint('policy_versions_status_check').execute();
  await db.schema
    .alterTable('policy_versions')
    .addCheckConstraint('policy_versions_status_check', sql`status in ('pending', 'active', 'superseded', 'rejected')`)
    .execute();
  await db.schema.alterTable('policy_versions').dropConstraint('policy_versions_author').execute();
  await db.schema.alterTable('policy_versions').alterColumn('created_by', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('policy_versions').dropColumn('baseline_hash').execute();
}

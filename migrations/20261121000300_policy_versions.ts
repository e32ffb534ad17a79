import { type Kysely, sql } from 'kysely';

/**
 * Published versions of the security team's field policy. One version is active at a time; a
 * version that loosens any rule waits (pending) for a second security admin.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'active', 'superseded', 'rejected')`),
    )
    .addColumn('based_on', 'integer', (c) => c.notNull())
    .addColumn('loosens', 'boolean', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'text', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .execute();
  // At most one active version: the database, not the application, guarantees it.
  await sql`create unique index policy_versions_one_active on policy_versions ((true)) where status = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_versions').execute();
}

import { type Kysely, sql } from 'kysely';

/**
 * The audit table's base. It is append-only from its first day: row triggers refuse UPDATE and
 * DELETE, a statement trigger refuses TRUNCATE (row triggers never see it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) =>
      c.notNull().check(sql`actor_kind in ('staff', 'customer', 'system', 'anonymous')`),
    )
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('subject_user_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('operation', 'text')
    .addColumn('type_field', 'text')
    .addColumn('path', 'text')
    .addColumn('data_class', 'text')
    .addColumn('decision', 'text')
    .addColumn('policy_version', 'integer')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('audit_events_account_id_occurred_at_idx')
    .on('audit_events')
    .columns(['account_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_id_occurred_at_idx')
    .on('audit_events')
    .columns(['actor_id', 'occurred_at'])
    .execute();

  await sql`
    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', TG_OP
        using errcode = 'insufficient_privilege';
    end;
    $$
  `.execute(db);
  await sql`
    create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_refuse_change()
  `.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await sql`drop function audit_events_refuse_change()`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/**
 * Impersonation sessions and the approval requests that gate them (session starts, single
 * mutations, field-access grants). A session's token is stored only as a SHA-256 hash.
 *
 * Customers and accounts are the application's, named by id without a foreign key: Warden's
 * tables never depend on the application's. (Databases migrated before that was so keep the
 * keys to the reference domain's users and accounts they were created with.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_start', 'mutation', 'field_access')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'approved', 'denied', 'expired', 'used')`),
    )
    .addColumn('requester_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('session_id', 'text')
    .addColumn('target_user_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('payload_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addColumn('grant_expires_at', 'timestamptz')
    .addColumn('used_at', 'timestamptz')
    .addCheckConstraint('approval_requests_no_self_decision', sql`decided_by is null or decided_by <> requester_id`)
    .execute();
  await sql`create index approval_requests_pending_idx on approval_requests (created_at) where status = 'pending'`.execute(db);
  await db.schema.createIndex('approval_requests_session_idx').on('approval_requests').columns(['session_id', 'kind', 'status']).execute();

  await db.schema
    .createTable('impersonation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('read_only', 'read_write')`))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending_approval', 'approved', 'active', 'ended', 'refused')`),
    )
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('approval_request_id', 'text', (c) => c.references('approval_requests.id'))
    // What the target looked like at the start: a change mid-session ends the session.
    .addColumn('target_role_at_start', 'text', (c) => c.notNull())
    .addColumn('account_sensitive_at_start', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('idle_expires_at', 'timestamptz')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .addColumn('ended_by', 'text')
    .execute();
  // One open session per agent, guaranteed by the database even across gateway instances.
  await sql`create unique index impersonation_sessions_one_open_per_agent on impersonation_sessions (agent_id)
    where status in ('pending_approval', 'approved', 'active')`.execute(db);
  await sql`create index impersonation_sessions_sweep_idx on impersonation_sessions (idle_expires_at, expires_at)
    where status = 'active'`.execute(db);
  await db.schema.createIndex('impersonation_sessions_account_idx').on('impersonation_sessions').columns(['account_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('impersonation_sessions').execute();
  await db.schema.dropTable('approval_requests').execute();
}

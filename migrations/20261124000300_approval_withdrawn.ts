import { type Kysely, sql } from 'kysely';

/**
 * An approval request its requester took back (an agent ending a start that waits for a manager,
 * or that was approved and not collected) is `withdrawn`, not `expired`: nothing lapsed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table approval_requests drop constraint approval_requests_status_check`.execute(db);
  await sql`alter table approval_requests add constraint approval_requests_status_check
    check (status in ('pending', 'approved', 'denied', 'expired', 'used', 'withdrawn'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update approval_requests set status = 'expired' where status = 'withdrawn'`.execute(db);
  await sql`alter table approval_requests drop constraint approval_requests_status_check`.execute(db);
  await sql`alter table approval_requests add constraint approval_requests_status_check
    check (status in ('pending', 'approved', 'denied', 'expired', 'used'))`.execute(db);
}

import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { appendAuditRows } from './append-audit-rows.js';

/** `audit_events_y2026m11` for November 2026. */
export function partitionName(month: Date): string {
  return `audit_events_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/**
 * Creates the monthly partitions from this month to `monthsAhead` months on, each guarded
 * against TRUNCATE. Idempotent; run at start and by `npm run audit:partitions`. Rows for a month
 * without a partition land in the default partition, so a write never fails for want of one.
 */
export async function ensureAuditPartitions(db: Db, now = new Date(), monthsAhead = 2): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i <= monthsAhead; i++) {
    const from = monthStart(now, i);
    const to = monthStart(now, i + 1);
    const name = partitionName(from);
    const exists = await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(db);
    if (exists.rows[0]?.found) continue;
    // Rows of that month already in the default partition would make the new partition's
    // creation fail (and they cannot be moved: the table is append-only). They stay where they
    // are; later months still get their partitions.
    const stranded = await sql<{ found: boolean }>`
      select exists (select 1 from audit_events_default where occurred_at >= ${from} and occurred_at < ${to}) as found`.execute(db);
    if (stranded.rows[0]?.found) continue;
    await db.transaction().execute(async (trx) => {
      // DDL takes no bind parameters: the bounds are literals built from dates, never from input.
      await sql`create table ${sql.id(name)} partition of audit_events for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(trx);
      await sql`select audit_events_guard_partition(${sql.lit(name)}::regclass)`.execute(trx);
    });
    created.push(name);
  }
  return created;
}

/**
 * Retention: detaches (and, with `drop`, drops) the monthly partitions wholly before `before`.
 * Detaching keeps the rows in a standalone table for archiving; only the table owner can.
 * The hash chain then starts after the detached rows: `audit:verify` reports where.
 */
export async function detachAuditPartitionsBefore(db: Db, before: Date, drop: boolean): Promise<string[]> {
  const partitions = await sql<{ name: string; bound: string }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'audit_events'::regclass and c.relname like 'audit_events_y%'
     order by c.relname`.execute(db);
  const cutoff = monthStart(before);
  const detached: string[] = [];
  for (const { name } of partitions.rows) {
    const match = /^audit_events_y(\d{4})m(\d{2})$/.exec(name);
    if (!match) continue;
    const end = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
    if (end > cutoff) continue;
    await sql`alter table audit_events detach partition ${sql.id(name)}`.execute(db);
    if (drop) {
      await sql`drop trigger if exists audit_events_no_truncate on ${sql.id(name)}`.execute(db);
      await sql`drop table ${sql.id(name)}`.execute(db);
    }
    detached.push(name);
  }
  if (detached.length > 0) {
    // The chain now starts later; say so in the chain itself, so verify can tell retention from tampering.
    const first = await db.selectFrom('audit_events').select('chain_seq').orderBy('chain_seq').limit(1).executeTakeFirst();
    await db.transaction().execute((trx) =>
      appendAuditRows(trx, [
        {
          kind: 'audit_retention',
          actor_kind: 'system',
          actor_name: 'Warden',
          details: { detached, dropped: drop, before: cutoff.toISOString(), keptFrom: first?.chain_seq ?? null },
          summary: `Warden ${drop ? 'deleted' : 'detached'} the audit months before ${cutoff.toISOString().slice(0, 7)} (${detached.join(', ')}) under the retention policy`,
        },
      ]),
    );
  }
  return detached;
}

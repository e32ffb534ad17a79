import { type Kysely, sql } from 'kysely';

/**
 * Where each audit stream destination has got to: the last row its sink acknowledged, per
 * destination and chain (one chain today; the key leaves room for more). A streamer takes a
 * lease on the row (`lease_owner`, `lease_until`) rather than a lock held across the delivery,
 * so no connection or transaction stays open while a sink answers, and an instance that dies
 * leaves the destination to another once the lease runs out. The cursor only moves forward
 * (`advanced` rows are checked against the value read), and only after the sink acknowledged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_stream_cursors')
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull().check(sql`last_seq >= 0`))
    .addColumn('last_hash', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('advanced_at', 'timestamptz')
    .addPrimaryKeyConstraint('audit_stream_cursors_pkey', ['destination', 'chain'])
    .execute();
  // The gateway creates a destination's cursor on its first start and moves it; it deletes nothing.
  if (await roleExists(db)) await sql`grant select, insert, update on audit_stream_cursors to warden_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_stream_cursors').execute();
}

async function roleExists(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
  return rows[0]?.found === true;
}

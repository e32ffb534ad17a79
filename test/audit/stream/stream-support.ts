import { expect } from 'vitest';
import { appendAuditRows } from '../../../src/audit/append-audit-rows.js';
import { hashAuditRow } from '../../../src/audit/audit-hash.js';
import type { OcsfApiActivity } from '../../../src/audit/stream/index.js';
import type { Db } from '../../../src/db/database.js';

/** Appends `n` rows to the chain in one transaction, as a writer would. */
export const appendRows = (db: Db, n: number, label = 'event') =>
  db.transaction().execute((trx) =>
    appendAuditRows(
      trx,
      Array.from({ length: n }, (_, i) => ({ kind: 'field_read', actor_kind: 'staff' as const, actor_id: 'stf_sarah', actor_name: 'Sarah Lee', details: { i, label }, summary: `${label} ${i}` })),
    ),
  );

/** The row numbers in the table, in chain order. */
export async function tableSeqs(db: Db): Promise<string[]> {
  return (await db.selectFrom('audit_events').select('chain_seq').orderBy('chain_seq').execute()).map((r) => r.chain_seq);
}

/**
 * What a receiver checks of the events it kept: each row's hash recomputed from the row, and
 * each row linked to the one before (the first to `prev` when given).
 */
export function expectChainHolds(events: readonly OcsfApiActivity[]): void {
  let prev: string | null = null;
  for (const event of events) {
    const { hash, occurred_at, ...row } = event.unmapped.warden.row;
    expect(hashAuditRow({ ...row, occurred_at: new Date(occurred_at) })).toBe(hash);
    if (prev !== null) expect(row.prev_hash).toBe(prev);
    prev = hash;
  }
}

/** Each event once, by id, in the order first received. */
export function firstOfEach(events: readonly OcsfApiActivity[]): OcsfApiActivity[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.metadata.uid)) return false;
    seen.add(event.metadata.uid);
    return true;
  });
}

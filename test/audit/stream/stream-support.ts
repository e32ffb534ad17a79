import { expect } from 'vitest';
import { appendAuditRows } from '../../../src/audit/append-audit-rows.js';
import { createHash } from 'node:crypto';
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

/** Canonical JSON as docs/audit-streaming.md tells a receiver to write it: sorted keys, no spaces. Not Warden's own code, on purpose. */
function receiverCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(receiverCanonical).join(',')}]`;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return `{${entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => `${JSON.stringify(key)}:${receiverCanonical(item)}`)
    .join(',')}}`;
}

/**
 * What a receiver checks of the events it kept, by the recipe in docs/audit-streaming.md: each
 * row's hash recomputed from the row (not for an event that says columns were withheld: its
 * links only), and each row linked to the one before.
 */
export function expectChainHolds(events: readonly OcsfApiActivity[]): void {
  let prev: string | null = null;
  for (const event of events) {
    const { hash, ...row } = event.unmapped.warden.row;
    if (!event.unmapped.warden.withheld) expect(createHash('sha256').update(receiverCanonical(row)).digest('hex')).toBe(hash);
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

import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { NewAuditEventRow } from '../db/tables/audit-event.js';
import { hashAuditRow } from './audit-hash.js';

/** A row as callers describe it; its place in the chain is assigned here. */
export type AuditRowInput = Omit<NewAuditEventRow, 'chain_seq' | 'prev_hash' | 'hash' | 'details' | 'occurred_at'> & {
  details: Record<string, unknown>;
  occurred_at?: Date;
};

/**
 * Appends rows to the hash chain inside the caller's transaction. The chain head is locked
 * (FOR UPDATE) until that transaction ends, so concurrent writers take turns and every row's
 * `prev_hash` is the hash of the row before it; `chain_seq` has no gaps.
 */
export async function appendAuditRows(trx: Transaction<Database>, rows: readonly AuditRowInput[]): Promise<void> {
  if (rows.length === 0) return;
  const head = await trx.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).forUpdate().executeTakeFirstOrThrow();
  let seq = BigInt(head.last_seq);
  let prev = head.last_hash;
  const now = new Date();
  const values = rows.map((row) => {
    seq += 1n;
    const chained = {
      ...row,
      occurred_at: row.occurred_at ?? now,
      actor_id: row.actor_id ?? null,
      actor_name: row.actor_name ?? null,
      subject_user_id: row.subject_user_id ?? null,
      account_id: row.account_id ?? null,
      session_id: row.session_id ?? null,
      request_id: row.request_id ?? null,
      reason: row.reason ?? null,
      operation: row.operation ?? null,
      type_field: row.type_field ?? null,
      path: row.path ?? null,
      data_class: row.data_class ?? null,
      decision: row.decision ?? null,
      policy_version: row.policy_version ?? null,
      chain_seq: seq.toString(),
      prev_hash: prev,
    };
    const hash = hashAuditRow(chained);
    prev = hash;
    return { ...chained, details: JSON.stringify(chained.details), hash };
  });
  await trx.insertInto('audit_events').values(values).execute();
  await trx.updateTable('audit_chain_head').set({ last_seq: seq.toString(), last_hash: prev }).execute();
}

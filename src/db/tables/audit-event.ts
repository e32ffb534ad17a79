import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Rows are never updated or deleted: the database refuses it. */
export interface AuditEventTable {
  /** Position in the hash chain: gapless, assigned under the chain head's lock. bigint → string. */
  chain_seq: ColumnType<string, string, never>;
  /** The chain the row is on (0 for every row written while there was one); hashed when not 0. */
  chain_id: ColumnType<number, number | undefined, never>;
  occurred_at: ColumnType<Date, Date, never>;
  kind: string;
  actor_kind: 'staff' | 'customer' | 'system' | 'anonymous' | 'assistant';
  actor_id: string | null;
  actor_name: string | null;
  subject_user_id: string | null;
  account_id: string | null;
  session_id: string | null;
  request_id: string | null;
  reason: string | null;
  operation: string | null;
  type_field: string | null;
  path: string | null;
  data_class: string | null;
  decision: string | null;
  policy_version: number | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  summary: string;
  prev_hash: string;
  hash: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;

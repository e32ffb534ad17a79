import type { ColumnType, Selectable } from 'kysely';

/** Signed snapshots of the chain head; the database refuses UPDATE and DELETE on them too. */
export interface AuditCheckpointTable {
  chain_seq: ColumnType<string, string, never>;
  hash: string;
  signed_at: ColumnType<Date, never, never>;
  key_id: string;
  signature: string;
}

export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

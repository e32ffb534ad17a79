import type { ColumnType } from 'kysely';

/** One row: the newest link of the audit hash chain, locked by every writer to append the next. */
export interface AuditChainHeadTable {
  id: ColumnType<boolean, never, never>;
  last_seq: ColumnType<string, never, string>;
  last_hash: string;
}

import type { ColumnType } from 'kysely';

/**
 * One row per audit chain: its newest link, locked by a writer to append the next. Writers
 * create heads on demand (up to WARDEN_AUDIT_CHAINS) and never remove one.
 */
export interface AuditChainHeadTable {
  chain_id: ColumnType<number, number, never>;
  last_seq: ColumnType<string, string, string>;
  last_hash: string;
}


import type { ColumnType } from 'kysely';

/**
 * One row per audit chain: its newest link, locked by a writer to append the next. Writers
 * create heads on demand (up to WARDEN_AUDIT_CHAINS) and never remove one. The view
 * `audit_chain_head` shows chain 0's, as the single head was before there were several.
 */
export interface AuditChainHeadTable {
  chain_id: ColumnType<number, number, never>;
  last_seq: ColumnType<string, string, string>;
  last_hash: string;
}

/** The view `audit_chain_head`: chain 0's head under the single head's old name, for tools that read it. */
export interface AuditChainZeroHeadView {
  id: ColumnType<boolean, never, never>;
  last_seq: ColumnType<string, never, string>;
  last_hash: string;
}

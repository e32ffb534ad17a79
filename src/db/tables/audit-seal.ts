import type { ColumnType, Selectable } from 'kysely';
import type { CheckpointScheme } from './audit-checkpoint.js';

/**
 * A seal: one signed statement naming every chain's head as read in one snapshot
 * (`warden-audit-seal-v1`, see audit-seal.ts). The statement is stored as it was signed; the
 * database refuses UPDATE, DELETE and TRUNCATE.
 */
export interface AuditSealTable {
  seal_id: ColumnType<string, never, never>;
  signed_at: ColumnType<Date, Date, never>;
  key_id: string;
  scheme: Exclude<CheckpointScheme, 'hmac-sha256-v1'>;
  statement: string;
  signature: string;
}

/** The heads a seal names, one row each, to find a chain's seals; the statement is what counts. */
export interface AuditSealHeadTable {
  seal_id: ColumnType<string, string, never>;
  chain_id: ColumnType<number, number, never>;
  chain_seq: ColumnType<string, string, never>;
  hash: string;
}

export type AuditSealRow = Selectable<AuditSealTable>;

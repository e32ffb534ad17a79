import type { ColumnType, Selectable } from 'kysely';

/**
 * How a checkpoint is signed: `v1` signed `seq:hash` (kept readable, proves nothing about time);
 * `v2` signs `seq:hash:signed_at`, with a shared secret or an Ed25519 key.
 */
export type CheckpointScheme = 'hmac-sha256-v1' | 'hmac-sha256-v2' | 'ed25519-v2';

/** Signed snapshots of the chain head; the database refuses UPDATE, DELETE and TRUNCATE on them. */
export interface AuditCheckpointTable {
  chain_seq: ColumnType<string, string, never>;
  hash: string;
  /** Set by the signer: the v2 schemes sign it along with the sequence and hash. */
  signed_at: ColumnType<Date, Date, never>;
  key_id: string;
  scheme: CheckpointScheme;
  signature: string;
}

export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

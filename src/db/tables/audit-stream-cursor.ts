import type { ColumnType, Selectable } from 'kysely';

/** One row per stream destination and chain: how far its sink has acknowledged. */
export interface AuditStreamCursorTable {
  /** The destination's name (WARDEN_AUDIT_STREAM_NAME, or `segments`). */
  destination: ColumnType<string, string, never>;
  /** The chain streamed; `default` while the trail has one. */
  chain: ColumnType<string, string, never>;
  /** The last row the sink acknowledged; 0 before the first. bigint → string. */
  last_seq: string;
  /** That row's hash; null before the first, the next row's `prev_hash` after. */
  last_hash: string | null;
  /** Which streamer holds the destination, until when. */
  lease_owner: string | null;
  lease_until: Date | null;
  advanced_at: Date | null;
}

export type AuditStreamCursorRow = Selectable<AuditStreamCursorTable>;

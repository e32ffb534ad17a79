import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type ApprovalKind = 'session_start' | 'mutation' | 'field_access';
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'used' | 'withdrawn';

/** What was asked for, by kind. Values here are names and hashes, never customer data. */
export type ApprovalPayload =
  | { kind: 'session_start'; mode: 'read_only' | 'read_write'; minutes: number; why: string[] }
  | { kind: 'mutation'; field: string; argumentsHash: string; arguments: Record<string, unknown> }
  | { kind: 'field_access'; fields: string[] };

export interface ApprovalRequestTable {
  id: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  requester_id: string;
  session_id: string | null;
  target_user_id: string;
  account_id: string;
  reason: string;
  payload: ColumnType<ApprovalPayload, string, never>;
  /** For mutations: the canonical hash the approval is bound to. */
  payload_hash: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /** A pending request lapses at this time. */
  expires_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** An approval must be used (mutation) or stops revealing (field access) by this time. */
  grant_expires_at: Date | null;
  used_at: Date | null;
}

export type ApprovalRequestRow = Selectable<ApprovalRequestTable>;
export type NewApprovalRequestRow = Insertable<ApprovalRequestTable>;
export type ApprovalRequestUpdate = Updateable<ApprovalRequestTable>;

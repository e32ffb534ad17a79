import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { EffectText } from '../../policy/plugin/effect-text.js';

export type ApprovalKind = 'session_start' | 'mutation' | 'field_access';
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'used' | 'withdrawn';

/** What was asked for, by kind. Values here are names and hashes, never customer data. */
export type ApprovalPayload =
  | { kind: 'session_start'; mode: 'read_only' | 'read_write'; minutes: number; why: string[] }
  | { kind: 'mutation'; field: string; argumentsHash: string; arguments: Record<string, unknown> }
  | { kind: 'field_access'; fields: string[] };

/**
 * What a request says it approves, fixed when it was made, so a manager approves what the
 * description said then: the effect in parts (each value tagged with the field whose policy shows
 * it, rendered for each reader), the same effect as the audit keeps values (every later record of
 * the request says the same, whoever writes it), and who asks, as whom, where, under which ticket.
 */
export interface ApprovalDescription {
  effect: EffectText;
  /** The effect with public and internal values shown, personal data masked, the rest withheld. */
  recorded: string;
  requester: string;
  customer: string;
  account: string;
  ticket: string;
}

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
  /** Null only for requests made before descriptions were kept: they are described by their payload. */
  effect: ColumnType<ApprovalDescription | null, string | null | undefined, never>;
  /** For a mutation whose target was described: SHA-256 of its state then; the call must still match it. */
  target_state_hash: ColumnType<string | null, string | null | undefined, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /** A pending request lapses at this time. */
  expires_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** An approval must be used (mutation) or stops revealing (field access) by this time. */
  grant_expires_at: Date | null;
  used_at: Date | null;
  /** Who alone may decide it (the agent who delegated the session to the assistant asking); null: any manager. */
  approver_id: ColumnType<string | null, string | null | undefined, never>;
  /** For an assistant's request: the delegation it asked under (the call runs only under it). */
  delegation_id: ColumnType<string | null, string | null | undefined, never>;
}

export type ApprovalRequestRow = Selectable<ApprovalRequestTable>;
export type NewApprovalRequestRow = Insertable<ApprovalRequestTable>;
export type ApprovalRequestUpdate = Updateable<ApprovalRequestTable>;

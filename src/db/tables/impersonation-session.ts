import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type SessionMode = 'read_only' | 'read_write';
export type SessionStatus = 'pending_approval' | 'approved' | 'active' | 'ended' | 'refused';
/** How a session ended; every session that started gets exactly one. */
export type SessionEndReason = 'ended' | 'idle_timeout' | 'expired' | 'revoked' | 'role_lost' | 'target_changed';

export interface ImpersonationSessionTable {
  id: string;
  agent_id: string;
  user_id: string;
  account_id: string;
  reason: string;
  ticket: string;
  mode: SessionMode;
  minutes: number;
  status: SessionStatus;
  /** SHA-256 of the session token; null until the session is active. */
  token_hash: string | null;
  approval_request_id: string | null;
  /** The customer's role at the start, as the application named it (kept for the record). */
  target_role_at_start: string;
  /** Why entering as the customer needed a manager because of who they were at the start (`the account's owner`); null: nobody special. */
  target_privileged_at_start: string | null;
  account_sensitive_at_start: boolean;
  /** The customer's and the account's names at the start, as the history and the trail show them. */
  user_name: string;
  account_name: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: Date | null;
  expires_at: Date | null;
  idle_expires_at: Date | null;
  last_seen_at: Date | null;
  ended_at: Date | null;
  end_reason: SessionEndReason | null;
  ended_by: string | null;
  /**
   * Why it closed, in its audit record's words: why a start that never ran was refused, or the
   * note that came with an end (a manager's reason for revoking it). Null when the status and
   * `end_reason` say it all.
   */
  closed_because: string | null;
  /**
   * The session's key for pseudonyms (`pseudonym` decisions), set when an assistant first reads
   * in it: a stand-in is stable within the session and unrelated to the next session's.
   */
  pseudonym_key: string | null;
}

export type ImpersonationSessionRow = Selectable<ImpersonationSessionTable>;
export type NewImpersonationSessionRow = Insertable<ImpersonationSessionTable>;
export type ImpersonationSessionUpdate = Updateable<ImpersonationSessionTable>;

import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * An agent lending their live impersonation session to one AI assistant. It works only with
 * that assistant's own bearer token (its `sub`), until the agent revokes it, it lapses
 * (never after the session's own limit) or the session ends.
 */
export interface SessionDelegationTable {
  id: string;
  session_id: string;
  agent_id: string;
  assistant_id: string;
  /** SHA-256 of the delegation token; the token itself is shown once, to the agent. */
  token_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export type SessionDelegationRow = Selectable<SessionDelegationTable>;
export type NewSessionDelegationRow = Insertable<SessionDelegationTable>;

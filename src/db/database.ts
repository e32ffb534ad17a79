import type { Kysely, Transaction } from 'kysely';
import type { ApprovalRequestTable } from './tables/approval-request.js';
import type { ImpersonationSessionTable } from './tables/impersonation-session.js';
import type { AuditChainHeadTable } from './tables/audit-chain-head.js';
import type { AuditSealHeadTable, AuditSealTable } from './tables/audit-seal.js';
import type { AuditCheckpointTable } from './tables/audit-checkpoint.js';
import type { AuditEventTable } from './tables/audit-event.js';
import type { AuditStreamCursorTable } from './tables/audit-stream-cursor.js';
import type { NotificationOutboxTable } from './tables/notification-outbox.js';
import type { PolicyVersionTable } from './tables/policy-version.js';
import type { SessionDelegationTable } from './tables/session-delegation.js';
import type { StaffTable } from './tables/staff.js';

/**
 * Warden's own tables, and nothing of the application's: Warden learns about customers through
 * its identity hook, never by reading the application's tables.
 */
export interface Database {
  staff: StaffTable;
  audit_events: AuditEventTable;
  audit_chain_heads: AuditChainHeadTable;
  audit_seals: AuditSealTable;
  audit_seal_heads: AuditSealHeadTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_stream_cursors: AuditStreamCursorTable;
  policy_versions: PolicyVersionTable;
  notification_outbox: NotificationOutboxTable;
  impersonation_sessions: ImpersonationSessionTable;
  approval_requests: ApprovalRequestTable;
  session_delegations: SessionDelegationTable;
}

export type Db = Kysely<Database>;
/** A repository function takes either the pool-backed `Db` or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './tables/account.js';
import type { ApiTokenTable } from './tables/api-token.js';
import type { ApprovalRequestTable } from './tables/approval-request.js';
import type { ImpersonationSessionTable } from './tables/impersonation-session.js';
import type { AuditChainHeadTable } from './tables/audit-chain-head.js';
import type { AuditCheckpointTable } from './tables/audit-checkpoint.js';
import type { AuditEventTable } from './tables/audit-event.js';
import type { InvoiceTable } from './tables/invoice.js';
import type { NotificationOutboxTable } from './tables/notification-outbox.js';
import type { NotificationSettingsTable } from './tables/notification-settings.js';
import type { PaymentMethodTable } from './tables/payment-method.js';
import type { PolicyVersionTable } from './tables/policy-version.js';
import type { PrivateNoteTable } from './tables/private-note.js';
import type { StaffTable } from './tables/staff.js';
import type { UserTable } from './tables/user.js';

export interface Database {
  accounts: AccountTable;
  users: UserTable;
  notification_settings: NotificationSettingsTable;
  payment_methods: PaymentMethodTable;
  invoices: InvoiceTable;
  api_tokens: ApiTokenTable;
  private_notes: PrivateNoteTable;
  staff: StaffTable;
  audit_events: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointTable;
  policy_versions: PolicyVersionTable;
  notification_outbox: NotificationOutboxTable;
  impersonation_sessions: ImpersonationSessionTable;
  approval_requests: ApprovalRequestTable;
}

export type Db = Kysely<Database>;
/** A repository function takes either the pool-backed `Db` or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

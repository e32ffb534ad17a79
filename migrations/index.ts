import type { Migration } from 'kysely';
import * as staff from './20261121000050_staff.js';
import * as auditEvents from './20261121000200_audit_events.js';
import * as policyVersions from './20261121000300_policy_versions.js';
import * as notificationOutbox from './20261122000100_notification_outbox.js';
import * as impersonation from './20261122000200_impersonation.js';
import * as auditSubjectIds from './20261123000100_audit_subject_ids.js';
import * as policyBaselines from './20261124000100_policy_baselines_and_withdrawals.js';
import * as approvalWithdrawn from './20261124000300_approval_withdrawn.js';
import * as notificationOrder from './20261124000310_notification_order.js';
import * as auditCheckpointIntegrity from './20261124000400_audit_checkpoint_integrity.js';
import * as applicationRoleGrants from './20261124000410_application_role_grants.js';
import * as auditChainSeqPositive from './20261125000100_audit_chain_seq_positive.js';
import * as sessionClosedBecause from './20261126000100_session_closed_because.js';
import * as approvalEffects from './20261127000100_approval_effects.js';
import * as sessionNames from './20261206000100_session_names.js';
import * as migrationTableGrant from './20261206000300_migration_table_grant.js';
import * as auditLz4Compression from './20261206000700_audit_lz4_compression.js';
import * as auditStreamCursors from './20261207000100_audit_stream_cursors.js';
import * as aiAssistants from './20261207000200_ai_assistants.js';
import * as auditChains from './20261208000100_audit_chains.js';
import * as auditHoldChainHead from './20261209000100_audit_hold_chain_head.js';

/**
 * Warden's own migrations, by name: its tables only, recorded in `warden_migration` so they
 * never mix with an application's own (often `kysely_migration`). Listed statically (rather than read from the folder at run time)
 * so the TypeScript loaders of `npm start` and the test runner both see them; a test checks
 * that each file in this folder is listed here.
 */
export const migrations: Record<string, Migration> = {
  '20261121000050_staff': staff,
  '20261121000200_audit_events': auditEvents,
  '20261121000300_policy_versions': policyVersions,
  '20261122000100_notification_outbox': notificationOutbox,
  '20261122000200_impersonation': impersonation,
  '20261123000100_audit_subject_ids': auditSubjectIds,
  '20261124000100_policy_baselines_and_withdrawals': policyBaselines,
  '20261124000300_approval_withdrawn': approvalWithdrawn,
  '20261124000310_notification_order': notificationOrder,
  '20261124000400_audit_checkpoint_integrity': auditCheckpointIntegrity,
  '20261124000410_application_role_grants': applicationRoleGrants,
  '20261125000100_audit_chain_seq_positive': auditChainSeqPositive,
  '20261126000100_session_closed_because': sessionClosedBecause,
  '20261127000100_approval_effects': approvalEffects,
  '20261206000100_session_names': sessionNames,
  '20261206000300_migration_table_grant': migrationTableGrant,
  '20261206000700_audit_lz4_compression': auditLz4Compression,
  '20261207000100_audit_stream_cursors': auditStreamCursors,
  '20261207000200_ai_assistants': aiAssistants,
  '20261208000100_audit_chains': auditChains,
  '20261209000100_audit_hold_chain_head': auditHoldChainHead,
};

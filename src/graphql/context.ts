import type { Principal } from '../auth/principal.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { Logger } from '../log/logger.js';
import type { GraphQLError } from 'graphql';
import type { FieldReadRecorder } from '../audit/field-read-recorder.js';
import type { AccessContext } from '../policy/access.js';
import type { RequestPolicy } from '../policy/plugin/types.js';
import type { PolicyCatalog } from '../policy/policy-catalog.js';
import type { PolicyDocument } from '../policy/policy-document.js';
import type { RequestTrace } from '../tracing/request-traces.js';

/** What every resolver receives; built once per request by the server's context factory. */
export interface GatewayContext {
  db: Db;
  /** How Warden learns who the application's customers are, as they are now. */
  identity: WardenIdentity;
  /** Who authenticated: the customer, or the staff member (also while impersonating). */
  principal: Principal;
  /** Whose data this request reaches, and through which policy column. */
  access: AccessContext;
  /** The policy version and decisions this request is served under. */
  policy: RequestPolicy;
  /** The policy version in force, as a document (for rules beyond field decisions). */
  policyDocument: PolicyDocument;
  /** Reloads the policy in force on this instance (after publishing or approving a version). */
  refreshPolicy: () => Promise<void>;
  /** The schema's fields and the baseline policy, for policy administration. */
  policyCatalog: PolicyCatalog;
  /** Session lengths, ticket pattern and approval lifetimes in force. */
  settings: ImpersonationSettings;
  /** How the audit chain's status is checked: the keys checkpoints may be signed with, how long a row may wait for one. */
  auditChain: AuditChainSettings;
  requestId: string;
  logger: Logger;
  /**
   * The request's trace: work run in a span under it (an upstream call, an application's own
   * call to another service) and the `traceparent` that continues it there. Records nothing
   * when tracing is off.
   */
  trace: RequestTrace;
  /** What this request read and was refused, for the audit; null only where nothing is audited (a benchmark's baseline). */
  audit: RequestAudit | null;
}

export interface AuditChainSettings {
  verifyKeys: readonly string[];
  toleranceMs: number;
}

export interface RequestAudit {
  recorder: FieldReadRecorder;
  /** Refusals already written by the code that refused them (the mutation gate). */
  recordedErrors: WeakSet<GraphQLError>;
}

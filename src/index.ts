/**
 * Warden's public entry: everything an application needs to put its own GraphQL schema behind
 * Warden (masks, denials, sessions, approvals, the mutation gate and the audit trail), and
 * nothing it should reach around. The reference domain in `src/domain` uses this entry only.
 * docs/adopting.md walks through it.
 */

// The schema: a builder with Warden's plugins and own types, the field options it adds
// (`classification`, `mask`, `callers`, `risk`, `effect`, `reveals` on fields; `filtersBy` on
// arguments and input fields) and what they take.
export { createWardenBuilder } from './graphql/warden-types.js';
export type { AppTypes, BuilderOptions, WardenAuthScopes, WardenBuilder, WardenObjects, WardenScalars, WardenSchemaTypes } from './graphql/builder.js';
export { wardenSchemaOf, type WardenSchema, type WardenSchemaOptions } from './server/warden-schema.js';
export type { DataClass, MaskName } from './policy/data-class.js';
export type { Callers, FiltersBy, MutationRisk } from './policy/plugin/types.js';
export { says, shown, listed, type ApprovalEffect, type EffectDescriber, type EffectScope, type EffectText, type GrantDescriber } from './policy/plugin/effect-text.js';

// What a resolver works with: the request's context, the customer it may act on, where its
// audit records go.
export type { GatewayContext } from './graphql/context.js';
export { actingCustomer } from './graphql/acting-customer.js';
export { auditScopeOf } from './graphql/audit-scope.js';
export { hasRole, type CustomerPrincipal, type Principal, type StaffPrincipal } from './auth/principal.js';

// The audit trail: a change's record, in the change's own transaction.
export { auditSubjectFrom, recordAuditEvent, SYSTEM_ACTOR } from './audit/index.js';
export type { AuditActor, AuditEvent, AuditScope, AuditSubject, FieldChange } from './audit/index.js';
// Reading what a request read from its rows, a field at a time, whichever shape they have.
export { fieldReadsOf, isSharedReadsRow, type FieldReadColumns } from './audit/shown-reads-row.js';
// Walking the hash chain and its signed checkpoints, as `npm run audit:verify` does.
export { verifyAuditChain, type VerifyOptions } from './audit/verify-chain.js';
export { checkpointSigner, type CheckpointSigner } from './audit/checkpoint-signature.js';
export { describeChainProblem, describeChainStart, type ChainProblem, type ChainReport } from './audit/chain-report.js';
// Streaming the trail, at least once and in chain order, to a SIEM or sealed segments (docs/audit-streaming.md).
export {
  auditEventUid,
  describeSegmentProblem,
  httpSink,
  ocsfEventOf,
  segmentSink,
  startAuditStream,
  verifySegments,
  type Acknowledge,
  type AuditSink,
  type AuditStream,
  type AuditStreamOptions,
  type DeliveryReport,
  type HttpSinkOptions,
  type OcsfApiActivity,
  type SegmentReport,
  type SegmentSinkOptions,
  type StreamEvent,
  type StreamPreset,
} from './audit/stream/index.js';

// Errors a caller can act on.
export { ERROR_CODES, errorCodeOf, systemErrorCode, wardenError, type ErrorCode } from './errors/index.js';

// How Warden learns about the application's customers, and what an opt-out must close.
export type { AccountIdentity, CustomerIdentity, SupportAccess, WardenIdentity } from './identity/identity.js';
export { closeSessionsOfOptedOutAccount } from './impersonation/close-account-sessions.js';

// Warden's own database: its tables, migrations and the audit's monthly partitions.
export type { Database as WardenDatabase, Db as WardenDb, Executor as WardenExecutor } from './db/database.js';
export { STAFF_ROLES, type NewStaffRow, type StaffRole, type StaffRow } from './db/tables/staff.js';
export { openDatabase, type DatabaseHandle, type DatabaseOptions } from './db/connect.js';
export { applicationRoleExists, MigrationFailed, migrateWarden, migrateWardenDown, pendingWardenMigrations, WARDEN_MIGRATION_TABLE } from './db/migrate.js';
export { ensureAuditPartitions } from './audit/partitions.js';

// The gateway, with every secure default on, and everything an instance runs beside it.
export { createGateway, CSRF_HEADER, type Gateway, type GatewayOptions } from './server/gateway.js';
export type { AppContext } from './server/context.js';
export { startWarden, type StartMigrations, type StartWardenOptions, type Warden } from './server/start-warden.js';
export { startListening } from './server/start-listening.js';
export { stopOnSignals, type StopOnSignalsOptions } from './server/stop-on-signals.js';
// The MCP endpoint: GraphQL operations the application declares, offered as tools (docs/mcp.md).
export { McpOperationsError, REQUEST_APPROVAL_TOOL, type McpOperation, type McpOptions } from './mcp/index.js';
export { readMcpOperations } from './mcp/operations-file.js';
export { createGatewayMetrics, type GatewayMetrics, type GatewayMetricsOptions } from './metrics/gateway-metrics.js';
// Traces: `startWarden` starts its own exporter when the OTEL_* variables configure one; an
// application that assembles its gateway with `createGateway` starts it here and passes
// `tracerProvider` (or passes the provider of an OpenTelemetry SDK it already runs).
export { startTracing, type Tracing } from './tracing/start-tracing.js';
export type { ChildSpanOptions, RequestTrace } from './tracing/request-traces.js';

// The security team's review: the field inventory and what must be fixed before a deploy.
export { checkPolicy, type PolicyCheck } from './policy/policy-check.js';

// Proxy mode: Warden in front of an existing GraphQL API, its fields classified by a document,
// called as the customer with a token Warden signs (docs/proxy.md). `prepareProxy` does it all;
// the parts are here for an application that assembles its own.
export { prepareProxy, upstreamSignerOf, type Proxy, type ProxyOptions } from './proxy/start-proxy.js';
export { proxySchemaOf, type ProxySchema, type ProxySchemaOptions } from './proxy/proxy-schema.js';
export { checkUpstream } from './proxy/check-upstream.js';
export { ClassificationError, loadClassification, parseClassification, type FieldClass, type UpstreamClassification } from './proxy/classification.js';
export type { UpstreamReport } from './proxy/guard-upstream.js';
export { loadUpstreamSchema, UpstreamSchemaUnavailable, type UpstreamSchemaSource } from './proxy/upstream-schema.js';
export { serviceExecutor, upstreamExecutor, type UpstreamEndpoint } from './proxy/upstream-executor.js';
export { DEFAULT_IDENTITY_QUERY, identityFromUpstream, IDENTITY_SCOPE } from './proxy/upstream-identity.js';
export { createUpstreamSigner, generateSigningKeyPem, UpstreamKeyError, type UpstreamSigner, type UpstreamSignerOptions } from './proxy/upstream-token.js';
export { useJwks } from './proxy/use-jwks.js';

// The support console's files at /console, and its development sign-in (never in production):
// pass them to `startWarden` as `publicRoutes`.
export { CONSOLE_CONTENT_SECURITY_POLICY, useConsole, type ConsoleOptions } from './console/use-console.js';
export { useDevSignIn, type DevSignInOptions } from './console/use-dev-sign-in.js';

// Development tokens, for a demo and for an application's own tests (production verifies its
// identity provider's tokens instead).
export { mintDevToken, type DevTokenSubject, type MintOptions } from './auth/mint-token.js';
export { ConfigError, loadConfig, type Config, type TracingConfig, type UpstreamConfig } from './config/config.js';
export { createLogger, type Logger } from './log/logger.js';

// The field options of the builder an application gets, Warden's (`classification`, `mask`,
// `callers`, `risk`, `effect`, `reveals`, `filtersBy`) and scope-auth's (`authScopes`): loaded
// with the entry, so an application's TypeScript knows them from the package's declarations.
import './policy/plugin/global-types.js';
import '@pothos/plugin-scope-auth';

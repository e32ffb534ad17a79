import { checkpointSigner } from '../audit/checkpoint-signature.js';
import { checkpointPublishingWarning, startCheckpointer } from '../audit/checkpoints.js';
import { startPartitionUpkeep } from '../audit/partition-upkeep.js';
import { auditSinksFromConfig, segmentDirectoryProblem, startAuditStream, type AuditSink } from '../audit/stream/index.js';
import { auditStreamWarnings } from '../config/audit-stream-config.js';
import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Db } from '../db/database.js';
import { migrateWarden, pendingWardenMigrations } from '../db/migrate.js';
import { checkedIdentity } from '../identity/checked-identity.js';
import type { WardenIdentity } from '../identity/identity.js';
import { startSessionSweeper } from '../impersonation/sweeper.js';
import type { Logger } from '../log/logger.js';
import { metricsEndpointWarning } from '../metrics/endpoint-warning.js';
import { createGatewayMetrics } from '../metrics/gateway-metrics.js';
import { startNotificationDispatcher } from '../notify/index.js';
import { startPolicyStore, type PolicyStore } from '../policy/policy-store.js';
import { startTracing, type Tracing } from '../tracing/start-tracing.js';
import { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
import { McpOperationsError, prepareMcpTools, type McpOptions } from '../mcp/index.js';
import { readMcpOperations } from '../mcp/operations-file.js';
import type { WardenSchema } from './warden-schema.js';

/** The migrations a start applies (or, without the owner's rights, checks are applied). */
export interface StartMigrations {
  apply: (db: Db) => Promise<string[]>;
  pending: (db: Db) => Promise<string[]>;
  /** What the owner runs to apply them, named when a start refuses a database that lacks one. */
  command: string;
}

export interface StartWardenOptions extends Pick<GatewayOptions, 'appContext' | 'metrics' | 'publicRoutes' | 'tracerProvider' | 'mcp'> {
  /** Warden's database (`openDatabase`): its own tables, and the application's where they share it. */
  database: DatabaseHandle;
  /** The schema to serve: built on `createWardenBuilder`, checked by `wardenSchemaOf`. */
  schema: WardenSchema;
  /**
   * How Warden learns about the application's customers. Checked before anything starts (an
   * object with a `customer` function); a hook that throws or answers something unusable
   * refuses what needed the answer with `IDENTITY_UNAVAILABLE` (503), logged.
   */
  identity: WardenIdentity;
  config: Config;
  logger: Logger;
  /**
   * Applied at start when `config.migrateOnStart`, else checked: a database lacking one refuses
   * the start and says who must run it. Pass the application's own with Warden's to run both.
   * @default Warden's own migrations
   */
  migrations?: StartMigrations;
  /** Runs once the tables and the audit's partitions exist, before anything is served: loading demo data, say. */
  beforeServing?: (db: Db) => Promise<void>;
  /**
   * Where the audit trail is streamed, each destination at least once and in chain order
   * (docs/audit-streaming.md): `httpSink`, `segmentSink`, or an application's own.
   * @default the destinations WARDEN_AUDIT_STREAM_* configures (none when unset)
   */
  auditStream?: readonly AuditSink[];
  /** Aborted while starting (a SIGTERM while migrating), the start ends between two steps and returns null. */
  signal?: AbortSignal;
}

export interface Warden {
  gateway: Gateway;
  /** The policy in force on this instance, kept current by LISTEN/NOTIFY and a poll. */
  policy: PolicyStore;
  /** Stops the background work (sweeper, checkpoints, audit stream, partitions, notifications, policy, trace export); the database stays open. */
  stop(): Promise<void>;
}

/**
 * Everything a gateway instance runs, started in order: migrations (or the check that they are
 * applied), the audit's monthly partitions, the policy in force, signed audit checkpoints, the
 * session sweeper, notification delivery, and the gateway itself with every secure default.
 * Serve `warden.gateway` with any HTTP server (`createServer(warden.gateway)`).
 */
export async function startWarden(options: StartWardenOptions): Promise<Warden | null> {
  const { database, config, logger } = options;
  const { db, listen, pool } = database;
  const migrations = options.migrations ?? { apply: migrateWarden, pending: pendingWardenMigrations, command: "migrateWarden (from 'warden')" };
  const stopped = () => options.signal?.aborted === true;
  // Before anything else: a start with no usable identity hook stops here, saying so.
  const identity = checkedIdentity(options.identity, logger);
  // An MCP operation that does not fit the schema stops the start before anything is migrated.
  const mcp = mcpOptionsOf(options, config);
  if (mcp) prepareMcpTools(options.schema.schema, mcp.operations);

  const signer = checkpointSigner(config.audit.checkpointKey);
  const unpublished = checkpointPublishingWarning(config);
  if (unpublished) logger.warn(unpublished);
  // Before anything starts: a stream key that cannot sign stops the start here, saying why.
  const sinks = options.auditStream ?? auditSinksFromConfig(config.audit.stream, config.audit.checkpointKey);
  for (const warning of auditStreamWarnings(config.audit.stream)) logger.warn(warning);
  const metricsWarning = metricsEndpointWarning(config);
  if (metricsWarning) logger.warn(metricsWarning);
  if (config.migrateOnStart) {
    const applied = await migrations.apply(db);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  } else {
    const pending = await migrations.pending(db);
    if (pending.length) {
      throw new Error(`the database lacks migrations ${pending.join(', ')}: run \`${migrations.command}\` as the database owner (or set WARDEN_MIGRATE_ON_START=true where the gateway runs as the owner), then start again.`);
    }
  }
  if (stopped()) return null;
  // The owner creates partitions ahead; the application role can only check and warn.
  const partitions = await startPartitionUpkeep({ db, logger, create: config.migrateOnStart });
  await options.beforeServing?.(db);
  if (stopped()) {
    await partitions.stop();
    return null;
  }

  const policy = await startPolicyStore({ db, listen, logger, ...options.schema.catalog });
  logger.info({ policyVersion: policy.current().version }, 'policy loaded');
  const checkpointer = startCheckpointer({ db, signer, logger, file: config.audit.checkpointFile, intervalMs: config.audit.checkpointSeconds * 1000 });
  // The gateway's, the notification dispatcher's and the audit stream's counts go to one registry.
  const metrics = options.metrics ?? createGatewayMetrics();
  if (config.audit.stream.segments) {
    // Said at start; the gateway serves anyway: rows wait in the table until the directory takes them.
    const problem = await segmentDirectoryProblem(config.audit.stream.segments.directory);
    if (problem) logger.warn(problem);
  }
  const stream = sinks.length > 0 ? startAuditStream({ db, sinks, logger, metrics, start: config.audit.stream.start, pollMs: config.audit.stream.pollMs }) : null;
  const healthProblems = () => [checkpointer.problem(), partitions.problem(), ...(stream?.problems() ?? [])].filter((problem) => problem !== null);
  // An application's own provider wins; else Warden's exporter, when OTEL_* configure one.
  const tracing: Tracing | null = !options.tracerProvider && config.tracing ? startTracing(config.tracing, logger) : null;
  if (tracing && config.tracing) {
    const endpoint = URL.canParse(config.tracing.endpoint) ? new URL(config.tracing.endpoint).origin : null;
    logger.info({ exporter: config.tracing.exporter, ...(config.tracing.exporter === 'otlp' ? { endpoint } : {}) }, 'traces exported');
  }
  const tracerProvider = options.tracerProvider ?? tracing?.tracerProvider;
  const gateway = createGateway({
    db,
    pool,
    config,
    logger,
    schema: options.schema,
    policy,
    identity: options.identity,
    healthProblems,
    ...(options.appContext ? { appContext: options.appContext } : {}),
    metrics,
    ...(options.publicRoutes ? { publicRoutes: options.publicRoutes } : {}),
    ...(tracerProvider ? { tracerProvider } : {}),
    ...(mcp ? { mcp } : {}),
  });
  if (config.metrics.enabled) logger.info({ tokenRequired: config.metrics.token !== undefined }, 'metrics served at /metrics');
  if (mcp) logger.info({ tools: mcp.operations.length, ...(config.mcpOperationsPath ? { file: config.mcpOperationsPath } : {}) }, `MCP tools served at ${mcp.path ?? '/mcp'}`);
  const sweeper = startSessionSweeper({ db, identity, logger, policy });
  const notifications = startNotificationDispatcher({ db, webhookUrl: config.webhookUrl, logger, timeoutMs: 5000, metrics });
  return {
    gateway,
    policy,
    async stop() {
      // The stream stops after the checkpointer has signed the last rows, so its last events carry that checkpoint.
      await Promise.all([notifications.stop(), policy.stop(), sweeper.stop(), checkpointer.stop().then(() => stream?.stop()), partitions.stop()]);
      // Last: the spans of the work just stopped go out too.
      await tracing?.stop();
    },
  };
}

/**
 * The MCP tools to serve: the application's (`mcp`), or those of the file WARDEN_MCP_OPERATIONS
 * names. Both at once is refused: one of them would be silently ignored.
 */
function mcpOptionsOf(options: Pick<StartWardenOptions, 'mcp'>, config: Pick<Config, 'mcpOperationsPath'>): McpOptions | undefined {
  if (!config.mcpOperationsPath) return options.mcp;
  if (options.mcp) {
    throw new McpOperationsError('WARDEN_MCP_OPERATIONS is set, but this application declares its MCP operations in code (the mcp option of startWarden): unset the variable, or drop the option.');
  }
  return { operations: readMcpOperations(config.mcpOperationsPath) };
}

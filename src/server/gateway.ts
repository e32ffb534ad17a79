import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { trace, type TracerProvider } from '@opentelemetry/api';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import { wardenError } from '../errors/index.js';
import { sql } from 'kysely';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { createTokenVerifier } from '../auth/verify-token.js';
import type { Config } from '../config/config.js';
import type pg from 'pg';
import type { Db } from '../db/database.js';
import { checkedIdentity } from '../identity/checked-identity.js';
import type { WardenIdentity } from '../identity/identity.js';
import { applyOperationFirewall } from '../firewall/index.js';
import type { GatewayContext } from '../graphql/context.js';
import type { Logger } from '../log/logger.js';
import { compilePolicy } from '../policy/compile-policy.js';
import type { PolicyCatalog } from '../policy/policy-catalog.js';
import { staticPolicySource, type PolicySource } from '../policy/policy-source.js';
import { useArgumentPolicy } from '../policy/use-argument-policy.js';
import { createContextFactory, type AppContext, type ResolveAccess } from './context.js';
import { corsAllowlist } from './cors.js';
import { renderGraphiQLPage } from './graphiql-page.js';
import type { WardenSchema } from './warden-schema.js';
import { yogaLogger } from './yoga-logger.js';
import { useMutationGate } from '../approvals/use-mutation-gate.js';
import { createSessionAccessResolver, IMPERSONATION_HEADER, refuseDeactivatedStaff } from '../impersonation/resolve-session-access.js';
import { useImpersonationExtensions } from '../impersonation/use-impersonation-extensions.js';
import { createAuditWriter } from '../audit/audit-writer.js';
import { checkpointVerifyKeys } from '../audit/checkpoint-signature.js';
import { useAuditTrail } from '../audit/use-audit-trail.js';
import { useRefusalTrail } from '../audit/use-refusal-trail.js';
import { registerDatabaseGauges } from '../metrics/database-gauges.js';
import { createGatewayMetrics, type GatewayMetrics } from '../metrics/gateway-metrics.js';
import { useMetricsEndpoint } from '../metrics/use-metrics-endpoint.js';
import { useRequestMetrics } from '../metrics/use-request-metrics.js';
import { createRequestTraces } from '../tracing/request-traces.js';
import { tracedContextOf, tracedResolveAccess } from '../tracing/traced-authentication.js';
import { useAccessLog } from './plugins/use-access-log.js';
import { useAuthentication } from './plugins/use-authentication.js';
import { useBodySizeLimit } from './plugins/use-body-size-limit.js';
import { useCsrfHeader } from './plugins/use-csrf-header.js';
import { useErrorCodes } from './plugins/use-error-codes.js';
import { useFieldRepeatLimit } from './plugins/use-field-repeat-limit.js';
import { useGraphiQLAssets } from './plugins/use-graphiql-assets.js';
import { useHealthCheck, useLiveness } from './plugins/use-health-check.js';
import { useIntrospectionDepthLimit } from './plugins/use-introspection-depth-limit.js';
import { useMediaTypeCheck } from './plugins/use-media-type-check.js';
import { useNoStore } from './plugins/use-no-store.js';
import { useOperationChoice } from './plugins/use-operation-choice.js';
import { useRequestIds } from './plugins/use-request-id.js';
import { useUtf8Results } from './plugins/use-utf8-results.js';
import { useWellFormedInput } from './plugins/use-well-formed-input.js';
import { prepareMcpTools, useMcpEndpoint, type McpOptions } from '../mcp/index.js';

export interface GatewayOptions {
  db: Db;
  /** How Warden learns who the application's customers are. */
  identity: WardenIdentity;
  /** The node-postgres pool behind `db`, if any: the audit trail writes its batches with COPY through it. */
  pool?: pg.Pool | null;
  config: Pick<Config, 'production' | 'development' | 'corsOrigins' | 'jwt' | 'limits' | 'impersonation' | 'audit' | 'metrics'>;
  logger: Logger;
  /** The schema to serve: built on `createWardenBuilder`, checked by `wardenSchemaOf`. */
  schema: WardenSchema;
  /** The live policy. @default the baseline in schema/policy.json, as version 0 */
  policy?: PolicySource;
  /**
   * Record reads and refusals in the audit trail. Only the benchmark turns this off (its
   * baseline and its policy-alone mode), to measure what the audit costs; with it off, nothing
   * records what a request read either. @default true
   */
  auditTrail?: boolean;
  /** Whose data a request reaches. @default impersonation sessions from the database */
  resolveAccess?: ResolveAccess;
  /**
   * Keep values out of error messages (see `useErrorCodes`). Only the canary suite's control run
   * turns this off, to show its error-echo styles can fail. @default true
   */
  cleanErrorMessages?: boolean;
  /** What keeps the instance from full health (failing audit checkpoints, missing partitions): /health says "degraded". */
  healthProblems?: () => string[];
  /**
   * Where the gateway counts what it serves and refuses, served at /metrics when
   * `config.metrics.enabled`. @default a registry of this gateway's own
   */
  metrics?: GatewayMetrics;
  /**
   * Where the gateway's spans go: a span per GraphQL request, with its authentication, session
   * lookup, parse, validate, execution and audit write (docs/operations.md#traces). None holds
   * a value, a variable, an argument or a token. `startWarden` passes its own exporter's when
   * the OTEL_* variables configure one. @default the global provider: a no-op unless the
   * application registered an OpenTelemetry SDK
   */
  tracerProvider?: TracerProvider;
  /** What the application adds to each request's context (declare it in its builder's `Context`). */
  appContext?: AppContext;
  /**
   * Plugins that answer paths of their own before authentication (public keys, say): they run
   * before any caller is checked, so they must never reach the schema or the data.
   */
  publicRoutes?: Plugin[];
  /**
   * An MCP endpoint (Streamable HTTP, at `/mcp`) whose tools are these GraphQL operations, each
   * run through the same pipeline as `/graphql` (docs/mcp.md). Checked against the schema here:
   * an operation that does not fit stops the gateway's creation. @default no MCP endpoint
   */
  mcp?: McpOptions;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/** The header browsers cannot send cross-site without a preflight (CSRF prevention). */
export const CSRF_HEADER = 'x-warden-csrf';

/**
 * The Warden gateway as a fetch handler: the schema behind its operation firewall, every
 * request authenticated before its body is read, every refusal of a known caller recorded,
 * secure defaults on. Tests call `gateway.fetch` and open no port.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { db, config, logger } = options;
  const built = options.schema;
  const schema = applyOperationFirewall(built.schema);
  const policy = options.policy ?? baselinePolicySource(built.catalog);
  const metrics = options.metrics ?? createGatewayMetrics();
  const requestIds = useRequestIds();
  const traces = createRequestTraces({ tracerProvider: options.tracerProvider ?? trace.getTracerProvider(), requestIdOf: requestIds.idOf });
  // A hook that throws or answers nonsense refuses the request (IDENTITY_UNAVAILABLE), logged.
  const identity = checkedIdentity(options.identity, logger);
  const context = createContextFactory({
    db,
    identity,
    verifyToken: createTokenVerifier(config.jwt),
    logger,
    requestIdOf: requestIds.idOf,
    policy,
    policyCatalog: built.catalog,
    settings: config.impersonation,
    auditChain: { verifyKeys: checkpointVerifyKeys(config.audit), toleranceMs: config.audit.checkpointToleranceMinutes * 60_000 },
    auditCustomerReads: config.audit.customerReads,
    recordReads: options.auditTrail !== false,
    resolveAccess: tracedResolveAccess(traces, options.resolveAccess ?? createSessionAccessResolver({ db, identity, settings: config.impersonation, policy })),
    refuseDeactivatedStaff: (who, request, requestId) => refuseDeactivatedStaff(db, who, request, requestId),
    ...(options.appContext ? { appContext: options.appContext } : {}),
    traces,
  });

  const writer = createAuditWriter(db, options.pool ?? null, metrics, traces.tracer, config.audit.chains, logger);
  registerDatabaseGauges(metrics.registry, { db, logger });
  const mcpTools = options.mcp ? prepareMcpTools(built.schema, options.mcp.operations) : null;

  const yoga: Gateway = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    context,
    plugins: [
      useLiveness(),
      useHealthCheck({ isDatabaseReachable: () => sql`select 1`.execute(db).then(() => true), problems: options.healthProblems }),
      // Scrapers carry no JWT: /metrics answers before authentication, to its own token if set.
      ...(config.metrics.enabled ? [useMetricsEndpoint({ registry: metrics.registry, token: config.metrics.token, logger })] : []),
      // Before anything that may refuse a request, so refusals are timed, counted and traced too.
      useRequestMetrics({ metrics }),
      traces.requests,
      requestIds.plugin,
      ...(options.publicRoutes ?? []),
      useNoStore(),
      useAccessLog({ logger }),
      // First of all that refuse a request: nothing of it is read for a caller without a valid
      // token, and every later refusal is a known caller's, on the trail.
      useAuthentication({ contextOf: tracedContextOf(traces, context.forRequest), requestIdOf: requestIds.idOf, logger, metrics }),
      // Authenticates its requests itself, as above, then runs each tool call through this very gateway.
      ...(options.mcp && mcpTools
        ? [
            useMcpEndpoint({
              tools: mcpTools,
              contextOf: tracedContextOf(traces, context.forRequest),
              requestIdOf: requestIds.idOf,
              graphql: (request) => yoga.fetch(request),
              writer,
              origins: config.corsOrigins,
              maxBodyBytes: config.limits.maxBodyBytes,
              logger,
              metrics,
              ...(options.mcp.path ? { path: options.mcp.path } : {}),
            }),
          ]
        : []),
      useCsrfHeader({ header: CSRF_HEADER }),
      useMediaTypeCheck(),
      // Codes before anything reads the result's errors (the refusal trail, the banner).
      useErrorCodes({ development: config.development, cleanMessages: options.cleanErrorMessages ?? true }),
      ...(options.auditTrail === false ? [] : [useRefusalTrail({ writer, contextOf: context.forRequest, metrics, tracing: traces })]),
      useOperationChoice(),
      useWellFormedInput(),
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxDepth, ...rejectWithCode('depth') },
        maxAliases: { n: config.limits.maxAliases, ...rejectWithCode('aliases') },
        costLimit: { maxCost: config.limits.maxCost, ...rejectWithCode('cost') },
        maxDirectives: { n: config.limits.maxDirectives, ...rejectWithCode('directives') },
        maxTokens: { n: config.limits.maxTokens, ...rejectWithCode('tokens') },
        // useErrorCodes drops every "Did you mean …?", enum values included (this one misses those).
        blockFieldSuggestion: { enabled: false },
      }),
      useFieldRepeatLimit({ maxRepeats: config.limits.maxFieldRepeats }),
      ...(options.auditTrail === false ? [] : [useAuditTrail({ writer, metrics, tracing: traces })]),
      // After the audit trail: its write is part of the execution's span.
      traces.execution,
      useArgumentPolicy(),
      useMutationGate(),
      ...(built.plugins ?? []),
      // After every plugin that may choose a request parser: it limits the one chosen.
      useBodySizeLimit(config.limits.maxBodyBytes),
      // After every hook that may replace a result: the banner goes on the final answer.
      useImpersonationExtensions({ contextOf: context.forRequest }),
      ...(config.production
        ? [useDisableIntrospection()]
        : [useGraphiQLAssets(), useIntrospectionDepthLimit({ maxDepth: config.limits.maxDepth, rejection: rejectWithCode('depth') })]),
      // Last: serialises the answer as every hook above left it.
      useUtf8Results(),
    ],
    graphiql: config.production
      ? false
      : { title: 'Warden', headers: JSON.stringify({ Authorization: 'Bearer <paste a token from the start-up output>' }) },
    // yoga's own page loads GraphiQL from a public CDN: blank offline or under a strict CSP.
    renderGraphiQL: renderGraphiQLPage,
    landingPage: false,
    // Same-origin only unless WARDEN_CORS_ORIGINS lists the frontends on other origins.
    cors: corsAllowlist({
      origins: config.corsOrigins,
      // An MCP client sends its protocol version after the handshake.
      allowedHeaders: ['authorization', 'content-type', CSRF_HEADER, IMPERSONATION_HEADER, 'x-request-id', ...(mcpTools ? ['mcp-protocol-version'] : [])],
      exposedHeaders: ['x-request-id'],
    }),
    batching: false,
    // useBodySizeLimit, above, in its place.
    maxRequestBodySize: false,
    maskedErrors: { isDev: config.development },
    // yoga's own probe answers every URL that ends with its endpoint, query strings included,
    // before any plugin: a URL serialises a space as %20, so none ends with this one, and
    // useLiveness answers the documented path exactly (our /health checks the database).
    healthCheckEndpoint: ' unused',
    logging: yogaLogger(logger),
  });
  return yoga;
}

/** The baseline policy as version 0, for gateways without a live policy store. */
export function baselinePolicySource(catalog: PolicyCatalog): PolicySource {
  return staticPolicySource(compilePolicy(0, catalog.baseline, catalog.fields.values()));
}

type Limit = 'depth' | 'aliases' | 'cost' | 'directives' | 'tokens';
const LIMIT_ADVICE: Record<Limit, string> = {
  depth: 'nest fewer selections',
  aliases: 'use fewer aliases',
  cost: 'ask for fewer fields or smaller lists',
  directives: 'use fewer directives',
  tokens: 'ask for fewer fields',
};

/** graphql-armor's rejections carry no code; report ours, with a sentence saying what to do. */
function rejectWithCode(limit: Limit) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: { reportError: (error: GraphQLError) => void } | null, error: GraphQLError) => {
        const rejection = wardenError('QUERY_TOO_COMPLEX', `${error.message.replace(/^Syntax Error: /, '')} Split the query or ${LIMIT_ADVICE[limit]}.`);
        // Tokens are counted while parsing, where there is no context to report to: throwing ends the parse.
        if (!context) throw rejection;
        context.reportError(rejection);
      },
    ],
  };
}

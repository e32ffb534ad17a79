import { Writable } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { TracerProvider } from '@opentelemetry/api';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { mintDevToken, type DevTokenSubject, type MintOptions } from '../../src/auth/mint-token.js';
import { loadConfig, randomJwtSecret, type Config } from '../../src/config/config.js';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/log/logger.js';
import { createGatewayMetrics, type GatewayMetrics } from '../../src/metrics/gateway-metrics.js';
import { customerIdentity } from '../../src/domain/accounts/index.js';
import type { WardenIdentity } from '../../src/identity/identity.js';
import { createGateway, CSRF_HEADER, type Gateway } from '../../src/server/gateway.js';
import type { McpOptions } from '../../src/mcp/index.js';
import type { ResolveAccess } from '../../src/server/context.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { type WardenSchema } from '../../src/server/warden-schema.js';
import { directAccess, impersonationAccess } from '../../src/policy/access.js';
import type { PolicySource } from '../../src/policy/policy-source.js';
import { startPolicyStore, type PolicyStore } from '../../src/policy/policy-store.js';
import { createSeededTestDatabase, type TestDatabase } from './test-database.js';
import { demoDb, type DemoDb } from '../../src/domain/database.js';

export interface GraphQLResponse<TResult> {
  status: number;
  headers: Headers;
  body: ExecutionResult<TResult> & { errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
  /** The raw body text: what a canary search must not find anything in. */
  text: string;
}

export interface TestGateway {
  db: Db;
  /** The same database with the reference domain's tables beside Warden's. */
  demo: DemoDb;
  /** The database under `db`, to start another instance over it (`options.database`). */
  database: TestDatabase;
  /** The live policy store, when the gateway was started with `livePolicy`; else null. */
  policyStore: PolicyStore | null;
  gateway: Gateway;
  config: Config;
  /** Everything the gateway logged, one JSON line per entry. */
  logs: string[];
  /** What the gateway counted (its own registry). */
  metrics: GatewayMetrics;
  /** Who the customers are, as the gateway asks (for the sweeper, say). */
  identity: WardenIdentity;
  /** A token for a demo alias (`agent`, `customer`…) or id, signed with this gateway's secret. */
  tokenFor(who: string | DevTokenSubject, options?: MintOptions): Promise<string>;
  execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    options: {
      as: string | null;
      variables?: TVariables;
      headers?: Record<string, string>;
      /** Act as this customer (see ACT_AS_HEADER): `usr_jane read_only User.birthDate`. */
      actAs?: string;
      operationName?: string;
    },
  ): Promise<GraphQLResponse<TResult>>;
  /** A raw request to the gateway, for HTTP-level behaviour. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Stands in for impersonation sessions in the policy tests: a staff caller sending
 * `x-test-act-as: <userId> <read_only|read_write> [Type.field,…]` acts as that customer with
 * those grants. Only test gateways install it.
 */
export const ACT_AS_HEADER = 'x-test-act-as';

function actAsFromHeader(db: Db): ResolveAccess {
  return async (principal, request) => {
    const header = request.headers.get(ACT_AS_HEADER);
    if (!header || principal.kind !== 'staff') return directAccess(principal);
    const [userId = '', mode = 'read_only', grants = ''] = header.split(' ');
    const user = await demoDb(db).selectFrom('users').select(['id', 'name', 'account_id', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
    const customer = { kind: 'customer', id: user.id, name: user.name, accountId: user.account_id, role: user.role, authTime: principal.authTime } as const;
    return impersonationAccess(customer, mode === 'read_write' ? 'read_write' : 'read_only', new Set(grants.split(',').filter(Boolean)));
  };
}

export interface TestGatewayOptions {
  /** False serves the same schema with data classes not enforced: the control run. */
  policyEnforced?: boolean;
  /** False lets graphql-js's messages through with the values they quote: the control run. @default true */
  errorMessagesCleaned?: boolean;
  /** Serve this schema (e.g. with a resolver instrumented by the test). @default the reference domain */
  schema?: WardenSchema;
  /**
   * Serve the policy from a live store (LISTEN/NOTIFY plus a poll), as `npm start` does, instead
   * of the fixed baseline: published versions then take effect. `pollMs` is the store's poll.
   */
  livePolicy?: { pollMs?: number };
  /** Serve this fixed policy instead of the baseline (ignored with `livePolicy`). */
  policy?: PolicySource;
  /**
   * Run over this database instead of a fresh seeded one: two instances, one database. Closing
   * the gateway then leaves the database to whoever created it.
   */
  database?: TestDatabase;
  /**
   * Resolve access from real impersonation sessions (the `X-Impersonation-Token` header, as
   * `createGateway` does by default) instead of the test-only `x-test-act-as` stand-in.
   */
  realSessions?: boolean;
  /** Who the customers are. @default the reference domain's (`customerIdentity`) */
  identity?: (db: Db) => WardenIdentity;
  /** The token subject `tokenFor` signs for an alias or id. @default the reference domain's demo people */
  subjects?: (aliasOrId: string) => DevTokenSubject | undefined;
  /** Plugins answering paths of their own before authentication (the console's files, say), given the gateway's config. */
  publicRoutes?: (config: Config) => Plugin[];
  /**
   * Node's process metrics in the gateway's registry. Off by default: each registry that has
   * them keeps an event-loop monitor running for the rest of the test process.
   */
  processMetrics?: boolean;
  /** Where the gateway's spans go. @default the global provider (a no-op) */
  tracerProvider?: TracerProvider;
  /** Serve these operations as MCP tools at /mcp. @default no MCP endpoint */
  mcp?: McpOptions;
  /** False serves without the audit trail, as the benchmark's policy-alone mode does. @default true */
  auditTrail?: boolean;
}

/** A gateway over a fresh, migrated and seeded database, with its own random JWT secret. */
export async function startTestGateway(env: Record<string, string> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const database = options.database ?? (await createSeededTestDatabase());
  const secret = randomJwtSecret();
  const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: secret, ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const schema = options.schema ?? buildDemoSchema({ policyEnforced: options.policyEnforced ?? true });
  const policyStore = options.livePolicy
    ? await startPolicyStore({ db: database.db, listen: database.listen, logger, ...schema.catalog, pollMs: options.livePolicy.pollMs })
    : null;
  const metrics = createGatewayMetrics({ processMetrics: options.processMetrics ?? false });
  const identity = (options.identity ?? customerIdentity)(database.db);
  const gateway = createGateway({
    metrics,
    identity,
    db: database.db,
    pool: database.pool,
    config,
    logger,
    schema,
    ...(policyStore ? { policy: policyStore } : options.policy ? { policy: options.policy } : {}),
    ...(options.realSessions ? {} : { resolveAccess: actAsFromHeader(database.db) }),
    cleanErrorMessages: options.errorMessagesCleaned ?? true,
    ...(options.publicRoutes ? { publicRoutes: options.publicRoutes(config) } : {}),
    ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
    ...(options.mcp ? { mcp: options.mcp } : {}),
    ...(options.auditTrail === false ? { auditTrail: false } : {}),
  });

  const subjects = options.subjects ?? demoSubject;
  const tokenFor = async (who: string | DevTokenSubject, options?: MintOptions) => {
    const subject = typeof who === 'string' ? subjects(who) : who;
    if (!subject) throw new Error(`No demo principal "${String(who)}"`);
    return mintDevToken(secret, subject, { issuer: config.jwt.issuer, audience: config.jwt.audience, ...options });
  };

  const fetchGateway = (path: string, init?: RequestInit) =>
    Promise.resolve(gateway.fetch(new Request(`http://warden.test${path}`, init)));

  return {
    db: database.db,
    demo: database.demo,
    database,
    policyStore,
    gateway,
    config,
    logs,
    metrics,
    identity,
    tokenFor,
    fetch: fetchGateway,
    async execute(document, { as, variables, headers = {}, actAs, operationName }) {
      const authorization: Record<string, string> = as === null ? {} : { authorization: `Bearer ${await tokenFor(as)}` };
      if (actAs) authorization[ACT_AS_HEADER] = actAs;
      const response = await fetchGateway('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...authorization, ...headers },
        body: JSON.stringify({ query: print(document), variables, operationName }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
    },
    async close() {
      await policyStore?.stop();
      if (!options.database) await database.destroy();
    },
  };
}

export { CSRF_HEADER };

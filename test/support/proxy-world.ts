import type { TracerProvider } from '@opentelemetry/api';
import type { McpOptions } from '../../src/mcp/index.js';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { DevTokenSubject } from '../../src/auth/mint-token.js';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { DEMO_STAFF } from '../../src/domain/seed/demo-data.js';
import { createLogger } from '../../src/log/logger.js';
import { loadClassification, parseClassification, type UpstreamClassification } from '../../src/proxy/classification.js';
import { proxySchemaOf, type ProxySchema } from '../../src/proxy/proxy-schema.js';
import { serviceExecutor, upstreamExecutor, type UpstreamEndpoint } from '../../src/proxy/upstream-executor.js';
import { identityFromUpstream, IDENTITY_SCOPE } from '../../src/proxy/upstream-identity.js';
import { loadUpstreamSchema } from '../../src/proxy/upstream-schema.js';
import { createUpstreamSigner, type UpstreamSigner } from '../../src/proxy/upstream-token.js';
import { SCHEMA_SCOPE } from '../../src/proxy/start-proxy.js';
import { startUpstream, type LettingsData, type Upstream } from '../../examples/proxy/upstream/server.mjs';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The example's classification of the Lettings API, as an adopter commits it. */
export const LETTINGS_CLASSES = new URL('../../examples/proxy/warden.upstream.json', import.meta.url).pathname;
/** The Lettings API's SDL, with `@dataClass` on its fields. */
export const LETTINGS_SDL = new URL('../../examples/proxy/upstream/schema.graphql', import.meta.url).pathname;

export interface ProxyWorld {
  /** The Lettings API, on loopback, trusting `signer`'s keys. */
  upstream: Upstream;
  signer: UpstreamSigner;
  schema: ProxySchema;
  classification: UpstreamClassification;
  database: TestDatabase;
  /** Warden in front of it, with real sessions; `tokenFor` knows the demo staff and the Lettings users. */
  t: TestGateway;
  /** What the proxy's own executor logged (the gateway's logs are `t.logs`). */
  logs: string[];
  close(): Promise<void>;
}

export interface ProxyWorldOptions {
  /** Adds rows to the upstream's data (after its own seed, and again after each reset). */
  seed?: (data: LettingsData) => void;
  /** The classification to serve with. @default the example's */
  classification?: UpstreamClassification;
  /** Read the schema from the SDL file instead of introspecting the upstream. */
  fromSdl?: boolean;
  /** Environment for the gateway's config (limits, say). */
  env?: Record<string, string>;
  /** Passed to the test gateway (the control run's `errorMessagesCleaned: false`, say). */
  gateway?: Pick<TestGatewayOptions, 'errorMessagesCleaned'>;
  /**
   * False is the control run: every upstream field served as public, so the guard hands each
   * one the delegating resolver unchanged and no mask, denial or grant decides anything (what
   * `policyEnforced: false` is to a native schema). @default true
   */
  policyEnforced?: boolean;
  /**
   * Where the customers' calls go instead of the upstream (a closed port, say); Warden still
   * reads the schema and asks who a customer is at the upstream itself.
   */
  customerCallsTo?: string;
  /** False is forwarding's control run: every operation executes field by field. @default true */
  forwardAnswers?: boolean;
  /** Where the gateway's spans go. @default none */
  tracerProvider?: TracerProvider;
  /** Serve these operations as MCP tools at /mcp. @default no MCP endpoint */
  mcp?: McpOptions;
}

const AUDIENCE = 'lettings-api';

/**
 * Warden in proxy mode over the Lettings API (examples/proxy/upstream, graphql-js, its own data):
 * the upstream started on loopback and trusting the signer's key set, its schema introspected as
 * Warden, classified by the example's document, and a test gateway serving it over a fresh
 * database holding the demo staff.
 */
export async function startProxyWorld(options: ProxyWorldOptions = {}): Promise<ProxyWorld> {
  const signer = await createUpstreamSigner({ issuer: 'warden', audience: AUDIENCE });
  const upstream = await startUpstream({ keys: signer.jwks, issuer: 'warden', audience: AUDIENCE, ...(options.seed ? { seed: options.seed } : {}) });
  const logs: string[] = [];
  const logger = createLogger('debug', new Writable({ write: (chunk: Buffer, _encoding, done) => (logs.push(chunk.toString('utf8')), done()) }));
  const endpoint: UpstreamEndpoint = { url: upstream.url, timeoutMs: 5000 };
  const classification = options.classification ?? loadClassification(LETTINGS_CLASSES);
  const upstreamSchema = await loadUpstreamSchema({ url: upstream.url, ...(options.fromSdl ? { sdlPath: LETTINGS_SDL } : {}), introspect: serviceExecutor(endpoint, signer, SCHEMA_SCOPE, logger) });
  const schema = proxySchemaOf({
    upstream: upstreamSchema,
    executor: upstreamExecutor(options.customerCallsTo ? { ...endpoint, url: options.customerCallsTo } : endpoint, signer, logger),
    classification: options.policyEnforced === false ? everyFieldPublic(classification) : classification,
    ...(options.forwardAnswers === false ? { forwardAnswers: false } : {}),
  });
  const identity = identityFromUpstream(serviceExecutor(endpoint, signer, IDENTITY_SCOPE, logger));
  const database = await createTestDatabase();
  await database.db.insertInto('staff').values(DEMO_STAFF.map((staff) => ({ ...staff, roles: [...staff.roles] }))).execute();
  const t = await startTestGateway(options.env ?? {}, {
    ...options.gateway,
    database,
    schema,
    identity: () => identity,
    subjects: lettingsSubject(upstream),
    realSessions: true,
    ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
    ...(options.mcp ? { mcp: options.mcp } : {}),
  });
  return {
    upstream,
    signer,
    schema,
    classification,
    database,
    t,
    logs,
    async close() {
      await t.close();
      await database.destroy();
      await upstream.close();
    },
  };
}

/**
 * The example's classification with entries left out, as an adopter who has not yet classified
 * a new field or declared a new argument commits it: `{ fields: ['Payment.reference'] }`.
 */
export function exampleClassificationWithout(left: { fields?: readonly string[]; arguments?: readonly string[] }): UpstreamClassification {
  const document = JSON.parse(readFileSync(LETTINGS_CLASSES, 'utf8')) as { fields: Record<string, unknown>; arguments: Record<string, unknown> };
  for (const [section, coordinates] of [['fields', left.fields ?? []], ['arguments', left.arguments ?? []]] as const) {
    for (const coordinate of coordinates) {
      if (!(coordinate in document[section])) throw new Error(`The example's ${section} have no ${coordinate} to leave out`);
      delete document[section][coordinate];
    }
  }
  return parseClassification(document, 'the example, with entries left out');
}

/** The control's classification: `classification` with every field it classifies made public. */
function everyFieldPublic(classification: UpstreamClassification): UpstreamClassification {
  const fields = new Map([...classification.fields.keys()].map((coordinate) => [coordinate, { classification: 'public' as const, mask: null }]));
  return { ...classification, fields };
}

/** Demo staff by alias or id, and the Lettings users by id (customers). */
function lettingsSubject(upstream: Upstream): (aliasOrId: string) => DevTokenSubject | undefined {
  return (aliasOrId) => {
    const staff = demoSubject(aliasOrId);
    if (staff?.kind === 'staff') return staff;
    const user = upstream.data.users.find((candidate) => candidate.id === aliasOrId);
    return user ? { sub: user.id, kind: 'customer', name: user.name } : undefined;
  };
}

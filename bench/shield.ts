/**
 * graphql-shield's cost on its own, in process: the same documents executed against the same
 * schema with no firewall, with the gateway's firewall (shield on root fields only), and with
 * shield the way it is usually applied (every field of every type wrapped, here with `allow`
 * below the root). The gateway always applies its firewall, so this comparison cannot be made
 * over HTTP without a change in src/; in process it needs none, and it isolates shield from the
 * HTTP and audit costs around it.
 */
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, shield } from 'graphql-shield';
import { FieldReadRecorder } from '../src/audit/field-read-recorder.js';
import { createTokenVerifier } from '../src/auth/verify-token.js';
import type { Config } from '../src/config/config.js';
import type { Db } from '../src/db/database.js';
import { applyOperationFirewall, firewallRulesOf } from '../src/firewall/index.js';
import type { GatewayContext } from '../src/graphql/context.js';
import { createSessionAccessResolver, IMPERSONATION_HEADER } from '../src/impersonation/resolve-session-access.js';
import { createLogger } from '../src/log/logger.js';
import { createContextFactory } from '../src/server/context.js';
import { baselinePolicySource } from '../src/server/gateway.js';
import { buildDemoSchema } from '../src/domain/schema.js';
import { spread, type Spread } from './support/stats.js';
import { customerIdentity } from '../src/domain/accounts/index.js';

export const SHIELD_VARIANTS = ['off', 'root fields (as shipped)', 'every field'] as const;
export type ShieldVariant = (typeof SHIELD_VARIANTS)[number];

export interface ShieldQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  bearer: string;
  impersonationToken?: string | null;
}

export interface ShieldResult {
  query: string;
  variants: Array<{
    variant: ShieldVariant;
    executions: number;
    /** In-process CPU per execution (resolvers, pg parsing, shield), over batches. */
    cpuUsPerExecution: Spread;
    /** Wall time per execution (includes the database round trips), over batches. */
    wallUsPerExecution: Spread;
    /** CPU relative to `off` (ratio of the medians). */
    cpuRatio: number;
  }>;
}

const BATCH = 10;

export async function measureShieldCost(options: { db: Db; config: Config; queries: ShieldQuery[]; seconds: number }): Promise<ShieldResult[]> {
  const built = buildDemoSchema({ policyEnforced: true, onUnclassified: 'secret' });
  const policy = baselinePolicySource(built.catalog);
  const schemas: Record<ShieldVariant, GraphQLSchema> = {
    off: built.schema,
    'root fields (as shipped)': applyOperationFirewall(built.schema),
    'every field': applyMiddleware(
      built.schema,
      shield(firewallRulesOf(built.schema), { fallbackRule: allow, allowExternalErrors: true }).generate(built.schema) as IMiddlewareTypeMap,
    ),
  };
  const identity = customerIdentity(options.db);
  const contextFor = createContextFactory({
    db: options.db,
    identity,
    verifyToken: createTokenVerifier(options.config.jwt),
    logger: createLogger('silent'),
    requestIdOf: () => 'bench',
    policy,
    policyCatalog: built.catalog,
    settings: options.config.impersonation,
    resolveAccess: createSessionAccessResolver({ db: options.db, identity, settings: options.config.impersonation, policy }),
  });

  const results: ShieldResult[] = [];
  for (const q of options.queries) {
    const document = parse(q.query);
    const headers = new Headers({ authorization: `Bearer ${q.bearer}` });
    if (q.impersonationToken) headers.set(IMPERSONATION_HEADER, q.impersonationToken);
    // One context built through the gateway's own factory; each execution gets a fresh copy
    // with its own read recorder, as each request would.
    const base = await contextFor({ request: new Request('http://bench/graphql', { method: 'POST', headers }), params: { query: q.query }, waitUntil: () => {} });
    const samples: Record<ShieldVariant, { cpu: number[]; wall: number[] }> = {
      off: { cpu: [], wall: [] },
      'root fields (as shipped)': { cpu: [], wall: [] },
      'every field': { cpu: [], wall: [] },
    };
    // Warm up every variant, then alternate short batches until the time is spent.
    for (const variant of SHIELD_VARIANTS) await runBatch(schemas[variant], document, q, base);
    const deadline = Date.now() + options.seconds * 1000 * SHIELD_VARIANTS.length;
    for (let cycle = 0; cycle < 10_000 && (Date.now() < deadline || cycle < 3); cycle++) {
      for (const variant of SHIELD_VARIANTS) {
        const cpu0 = process.cpuUsage();
        const wall0 = process.hrtime.bigint();
        await runBatch(schemas[variant], document, q, base);
        const wall = Number(process.hrtime.bigint() - wall0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        samples[variant].cpu.push((cpu.user + cpu.system) / BATCH);
        samples[variant].wall.push(wall / BATCH);
      }
    }
    const offCpu = spread(samples.off.cpu).median;
    results.push({
      query: q.name,
      variants: SHIELD_VARIANTS.map((variant) => {
        const cpu = spread(samples[variant].cpu);
        return { variant, executions: samples[variant].cpu.length * BATCH, cpuUsPerExecution: cpu, wallUsPerExecution: spread(samples[variant].wall), cpuRatio: cpu.median / offCpu };
      }),
    });
  }
  return results;
}

async function runBatch(schema: GraphQLSchema, document: DocumentNode, q: ShieldQuery, base: GatewayContext): Promise<void> {
  for (let i = 0; i < BATCH; i++) {
    const recorder = new FieldReadRecorder();
    const contextValue: GatewayContext = {
      ...base,
      audit: base.audit ? { recorder, recordedErrors: new WeakSet() } : null,
      policy: { ...base.policy, recorder: base.audit ? recorder : null },
    };
    const result = await execute({ schema, document, contextValue, variableValues: q.variables ?? null });
    if (result.errors?.length) throw new Error(`${q.name} failed under the shield benchmark: ${result.errors[0]?.message}`);
  }
}

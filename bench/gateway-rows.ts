/**
 * The rows the gateway itself writes, for the writer benchmark beside its synthetic sample: one
 * request of each audited workload the goals name (a session's start, the 1,000-row list and the
 * nested page read in it, the session's end), sent through an in-process gateway with the audit
 * on, as the HTTP workloads send them, and read back from the table without their places in the
 * chain. The synthetic sample keeps the writer's numbers comparable across runs; these say what
 * today's rows cost, whatever shape they have taken since.
 */
import { sql } from 'kysely';
import type pg from 'pg';
import type { AuditRowInput } from '../src/audit/append-audit-rows.js';
import type { Config } from '../src/config/config.js';
import type { Db } from '../src/db/database.js';
import { customerIdentity } from '../src/domain/accounts/index.js';
import { INVOICE_PAGE_MAX } from '../src/domain/billing/billing.schema.js';
import { buildDemoSchema } from '../src/domain/schema.js';
import { createLogger } from '../src/log/logger.js';
import { baselinePolicySource, createGateway } from '../src/server/gateway.js';
import { jsonHeaders, pick, type GraphQLBody, type Operation } from './http/graphql-client.js';
import { READ_QUERIES, READ_SESSION_AGENT, startThenEndOperations, tokenFor } from './http/workloads.js';
import { auditRowsWritten } from './support/bench-data.js';

export interface GatewayRows {
  rows: AuditRowInput[];
  /** Rows each request wrote, in the order sent. */
  perRequest: Array<{ request: string; rows: number }>;
}

/** `db` holds the bench's data (`prepareBenchDatabase`) and nothing else writes to its trail meanwhile. */
export async function captureGatewayRows(options: {
  db: Db;
  pool: pg.Pool | null;
  config: Pick<Config, 'production' | 'development' | 'corsOrigins' | 'jwt' | 'limits' | 'impersonation' | 'audit' | 'metrics'>;
  jwtSecret: string;
  accountInvoices: number;
}): Promise<GatewayRows> {
  const { db } = options;
  const schema = buildDemoSchema({ policyEnforced: true, onUnclassified: 'secret' });
  const gateway = createGateway({
    db,
    pool: options.pool,
    config: options.config,
    logger: createLogger('silent'),
    schema,
    policy: baselinePolicySource(schema.catalog),
    identity: customerIdentity(db),
    auditTrail: true,
  });

  const bearer = await tokenFor(options.jwtSecret, READ_SESSION_AGENT);
  const agent = jsonHeaders(bearer);
  const session = startThenEndOperations();
  const since = new Date();
  const before = await auditRowsWritten(db);
  const perRequest: GatewayRows['perRequest'] = [];
  let counted = before;
  /** One request, answered without errors, and how many rows it added to the trail. */
  const sent = async (request: string, operation: Operation, headers: Record<string, string>): Promise<GraphQLBody> => {
    const response = await gateway.fetch('http://127.0.0.1/graphql', { method: 'POST', headers, body: JSON.stringify(operation) });
    const body = (await response.json()) as GraphQLBody;
    if (response.status !== 200 || body.errors?.length) throw new Error(`${request} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    const now = await auditRowsWritten(db);
    perRequest.push({ request, rows: now - counted });
    counted = now;
    return body;
  };

  const started = await sent('session start', session.next(), agent);
  session.answered(started);
  const token = pick(started.data, 'startImpersonation', 'token');
  if (typeof token !== 'string') throw new Error(`the session start gave no token: ${JSON.stringify(started).slice(0, 300)}`);
  const inSession = jsonHeaders(bearer, token);
  await sent('list', { query: READ_QUERIES.list, variables: { first: Math.min(INVOICE_PAGE_MAX, options.accountInvoices) } }, inSession);
  await sent('nested', { query: READ_QUERIES.nested }, inSession);
  session.answered(await sent('session end', session.next(), agent));

  // Each request's rows, whichever way they went (a session's own events in its transaction,
  // reads through the group commit), and nothing older: the database's trail had only its seed.
  const { rows } = await sql<Record<string, unknown>>`select * from audit_events where occurred_at >= ${since} order by occurred_at, chain_id, chain_seq`.execute(db);
  if (rows.length !== counted - before) throw new Error(`the gateway wrote ${counted - before} audit rows, ${rows.length} read back`);
  return { rows: rows.map(asInput), perRequest };
}

/** A stored row as a writer is handed it: no place in a chain, no time of its own. */
function asInput(stored: Record<string, unknown>): AuditRowInput {
  const { chain_id: _chain, chain_seq: _seq, prev_hash: _prev, hash: _hash, occurred_at: _at, ...row } = stored;
  return row as AuditRowInput;
}

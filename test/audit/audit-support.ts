import { sql } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { fieldReadsOf } from '../../src/audit/shown-reads-row.js';
import type { Db } from '../../src/db/database.js';
import { graphql } from '../gql/index.js';
import type { GraphQLResponse, TestGateway } from '../support/gateway.js';

/**
 * Shared steps for the audit tests. Real impersonation sessions need a gateway started with
 * `realSessions: true`; the policy stand-in (`actAs`) needs the default test gateway.
 */

export const AUDIT_IMPERSONATION_HEADER = 'x-impersonation-token';

export const AuditStartSession = graphql(`
  mutation AuditStartSession($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      session {
        id
        status
      }
      token
      approvalRequest {
        id
      }
    }
  }
`);

export const AuditApproveStart = graphql(`
  mutation AuditApproveStart($id: ID!) {
    approveRequest(id: $id, note: "Checked the ticket") {
      id
      status
    }
  }
`);

export const AuditClaimSession = graphql(`
  mutation AuditClaimSession($sessionId: ID!) {
    claimImpersonation(sessionId: $sessionId) {
      token
    }
  }
`);

export const AuditEndSession = graphql(`
  mutation AuditEndSession($sessionId: ID!) {
    endImpersonation(sessionId: $sessionId) {
      id
      status
    }
  }
`);

export const AUDIT_GOOD_REASON = 'Customer reports invoices showing 20% tax instead of 10% since the January rate change';

export interface AuditSession {
  sessionId: string;
  token: string;
  headers: Record<string, string>;
}

/** Opens an active session for `agent` as `userId` (approving and claiming it when it needs a manager). */
export async function openAuditSession(
  t: TestGateway,
  options: { agent?: string; userId?: string; mode?: 'read_only' | 'read_write'; ticket?: string } = {},
): Promise<AuditSession> {
  const agent = options.agent ?? 'agent';
  const started = await t.execute(AuditStartSession, {
    as: agent,
    variables: {
      input: {
        userId: options.userId ?? 'usr_tom',
        reason: AUDIT_GOOD_REASON,
        ticket: options.ticket ?? 'SUP-4242',
        ...(options.mode ? { mode: options.mode } : {}),
      },
    },
  });
  expect(started.body.errors).toBeUndefined();
  const payload = started.body.data?.startImpersonation;
  if (!payload) throw new Error('startImpersonation returned no payload');
  let token = payload.token ?? null;
  if (!token) {
    const requestId = payload.approvalRequest?.id;
    if (!requestId) throw new Error('a start without a token must carry an approval request');
    const approved = await t.execute(AuditApproveStart, { as: 'manager', variables: { id: requestId } });
    expect(approved.body.errors).toBeUndefined();
    const claimed = await t.execute(AuditClaimSession, { as: agent, variables: { sessionId: payload.session.id } });
    expect(claimed.body.errors).toBeUndefined();
    token = claimed.body.data?.claimImpersonation.token ?? null;
  }
  if (!token) throw new Error('no session token');
  return { sessionId: payload.session.id, token, headers: { [AUDIT_IMPERSONATION_HEADER]: token } };
}

export async function endAuditSession(t: TestGateway, agent: string, sessionId: string): Promise<void> {
  const ended = await t.execute(AuditEndSession, { as: agent, variables: { sessionId } });
  expect(ended.body.errors).toBeUndefined();
}

/** Ends every session still open, so each test can start its own (one open session per agent). */
export async function endOpenSessions(t: TestGateway): Promise<void> {
  const open = await t.db
    .selectFrom('impersonation_sessions')
    .select(['id', 'agent_id'])
    .where('status', 'in', ['pending_approval', 'approved', 'active'])
    .execute();
  for (const session of open) await endAuditSession(t, session.agent_id, session.id);
}

export function auditRowsOfRequest(db: Db, requestId: string) {
  return db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).orderBy('chain_seq').execute();
}

/**
 * A request's rows with its public reads told field by field (`fieldReadsOf`), as a row per
 * field would have held them: for tests about what was read, not how the rows are laid out.
 */
export async function auditReadsOfRequest(db: Db, requestId: string) {
  return (await auditRowsOfRequest(db, requestId)).flatMap(fieldReadsOf);
}

/** Data in the sense that matters here: some root field answered with a value, not refused or failed to null. */
export function carriesData(response: GraphQLResponse<unknown>): boolean {
  const data = response.body.data as Record<string, unknown> | null | undefined;
  return data != null && Object.values(data).some((value) => value !== null && value !== undefined);
}

export function codeOf(body: GraphQLResponse<unknown>['body']): unknown {
  return body.errors?.[0]?.extensions?.['code'];
}

let requestCounter = 0;
/** A request id the gateway accepts (8+ safe characters), unique within the test process. */
export function newRequestId(label: string): string {
  requestCounter += 1;
  return `req-${label}-${process.pid}-${requestCounter}-${Date.now()}`;
}

/**
 * Runs `fn` while every insert into audit_events fails, as an unavailable audit store would;
 * with `kind`, only inserts of rows of that kind.
 */
export async function withAuditInsertsFailing<T>(db: Db, fn: () => Promise<T>, kind?: string): Promise<T> {
  await sql`create or replace function audit_test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`.execute(db);
  const when = kind === undefined ? sql`` : sql`when (new.kind = ${sql.lit(kind)})`;
  await sql`create trigger audit_test_refuse_insert before insert on audit_events for each row ${when} execute function audit_test_refuse_insert()`.execute(db);
  try {
    return await fn();
  } finally {
    await sql`drop trigger audit_test_refuse_insert on audit_events`.execute(db);
    await sql`drop function audit_test_refuse_insert()`.execute(db);
  }
}

/** An extra client on the test database, outside the gateway's pool (an operator's psql). */
export async function withOwnClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // A terminated backend of this client (it never terminates itself) would only be logged.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Maps `fn` over `items` with at most `concurrency` in flight. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** chain_seq of every row, ascending, as numbers. */
/** Each chain's row numbers, in order, by chain: concurrent writers spread over several. */
export async function seqsByChain(db: Db): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('audit_events').select(['chain_id', 'chain_seq']).orderBy('chain_id').orderBy('chain_seq').execute();
  const byChain = new Map<number, number[]>();
  for (const row of rows) byChain.set(row.chain_id, [...(byChain.get(row.chain_id) ?? []), Number(row.chain_seq)]);
  return byChain;
}

export async function chainSeqs(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('audit_events').select('chain_seq').orderBy('chain_seq').execute();
  return rows.map((row) => Number(row.chain_seq));
}

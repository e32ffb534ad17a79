import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { ImpApprove, ImpClaim, ImpEnd, ImpMe, ImpRequestFields, ImpRequestMutation, moveClocks, openSession, sessionRow, start, withSession } from '../impersonation/sessions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codeOf, endOpenSessions, newRequestId } from './audit-support.js';

/**
 * Every refusal of an operation leaves a row, whatever its code: a denial, a typo in the input,
 * a vague reason, a sign-in too old, a session that lapsed. Only denials page anyone.
 */

const RefusalAccessHistory = graphql(`
  query RefusalAccessHistory($first: Int!) {
    accessHistory(first: $first) {
      edges {
        cursor
      }
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterEach(() => endOpenSessions(t));
afterAll(() => t?.close());

const refusalsOf = (requestId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).where('kind', 'in', ['access_denied', 'mutation_refused']).execute();

const alertsFor = async (agentId: string) =>
  (await t.db.selectFrom('notification_outbox').select('idempotency_key').where('kind', '=', 'repeated_denials').execute()).filter((row) =>
    row.idempotency_key.startsWith(`repeated_denials:${agentId}:`),
  );

/** A request that asks for a session start a manager must approve (Jane owns Acme), approved. */
async function approvedStart(agent: string) {
  const started = await start(t, { agent, userId: 'usr_jane' });
  const payload = started.body.data?.startImpersonation;
  expect(payload?.approvalRequest?.id).toBeTruthy();
  const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: payload!.approvalRequest!.id, note: 'Checked the ticket' } });
  expect(approved.body.errors).toBeUndefined();
  return { sessionId: payload!.session.id, approvalId: payload!.approvalRequest!.id };
}

describe('a refusal of any code is recorded once, with its code and the field refused', () => {
  it.each([
    {
      what: "an agent ending another agent's session",
      code: 'NOT_FOUND',
      typeField: 'Mutation.endImpersonation',
      actor: 'stf_sarah',
      ask: async (headers: Record<string, string>) => {
        const { sessionId } = await openSession(t, { agent: 'agent2' });
        return t.execute(ImpEnd, { as: 'agent', variables: { sessionId }, headers });
      },
    },
    {
      what: 'collecting an approved session with a sign-in too old',
      code: 'UNAUTHENTICATED',
      typeField: 'Mutation.claimImpersonation',
      actor: 'stf_sarah',
      ask: async (headers: Record<string, string>) => {
        const { sessionId } = await approvedStart('agent');
        const stale = await t.tokenFor('agent', { authTime: new Date(Date.now() - 60 * 60_000) });
        return t.execute(ImpClaim, { as: null, variables: { sessionId }, headers: { ...headers, authorization: `Bearer ${stale}` } });
      },
    },
    {
      what: 'deciding a request already decided',
      code: 'BAD_USER_INPUT',
      typeField: 'Mutation.approveRequest',
      actor: 'stf_marcus',
      ask: async (headers: Record<string, string>) => {
        const { approvalId } = await approvedStart('agent');
        return t.execute(ImpApprove, { as: 'manager', variables: { id: approvalId, note: 'Once more' }, headers });
      },
    },
    {
      what: 'asking for field access with a vague reason',
      code: 'REASON_TOO_VAGUE',
      typeField: 'Mutation.requestFieldAccess',
      actor: 'stf_sarah',
      ask: async (headers: Record<string, string>) => {
        const { token } = await openSession(t);
        return t.execute(ImpRequestFields, { as: 'agent', variables: { input: { fields: ['User.birthDate'], reason: 'help' } }, headers: { ...headers, ...withSession(token) } });
      },
    },
    {
      what: 'asking for a mutation approval with variables that are not JSON',
      code: 'BAD_USER_INPUT',
      typeField: 'Mutation.requestMutationApproval',
      actor: 'stf_sarah',
      ask: async (headers: Record<string, string>) => {
        const { token } = await openSession(t, { mode: 'read_write' });
        const input = { document: 'mutation R($invoiceId: ID!) { refundInvoice(invoiceId: $invoiceId) { id } }', variables: 'not json', reason: 'The customer was charged twice for invoice ACME-2026-012' };
        return t.execute(ImpRequestMutation, { as: 'agent', variables: { input }, headers: { ...headers, ...withSession(token) } });
      },
    },
    {
      what: 'a customer asking for a page of their access history out of range',
      code: 'BAD_USER_INPUT',
      typeField: 'Query.accessHistory',
      actor: 'usr_jane',
      ask: (headers: Record<string, string>) => t.execute(RefusalAccessHistory, { as: 'customer', variables: { first: 0 }, headers }),
    },
  ])('$what ($code)', async ({ code, typeField, actor, ask }) => {
    const requestId = newRequestId('refusal');
    const result = await ask({ 'x-request-id': requestId });
    expect(codeOf(result.body)).toBe(code);
    const rows = await refusalsOf(requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'access_denied', actor_id: actor, type_field: typeField, decision: 'denied' });
    expect(rows[0]?.details).toMatchObject({ code, message: result.body.errors?.[0]?.message });
  });

  it('keeps no input value a refusal message would quote, as the response does not', async () => {
    const { token } = await openSession(t, { mode: 'read_write' });
    const requestId = newRequestId('quoted-input');
    const input = { document: 'mutation { setInvoiceTaxRate(input: { invoiceId: "inv_acme_012", taxRate: "sk_live_do_not_keep" }) { id } }', reason: 'The customer asked for the reduced rate on invoice ACME-2026-012' };
    const result = await t.execute(ImpRequestMutation, { as: 'agent', variables: { input }, headers: { ...withSession(token), 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    expect(result.text).not.toContain('sk_live_do_not_keep');
    const rows = await refusalsOf(requestId);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('sk_live_do_not_keep');
    expect(rows[0]?.reason).toBe(result.body.errors?.[0]?.message);
  });

  it('records a refusal the start of a session recorded itself only once (a vague reason)', async () => {
    const requestId = newRequestId('vague-start');
    const result = await start(t, { reason: 'help', headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('REASON_TOO_VAGUE');
    const rows = await refusalsOf(requestId);
    expect(rows.map((row) => [row.type_field, (row.details as { code?: string }).code])).toEqual([['Mutation.startImpersonation', 'REASON_TOO_VAGUE']]);
  });
});

describe('a session token that no longer opens a session is refused before execution, and recorded', () => {
  it('a session that ended: SESSION_EXPIRED, naming the session and its customer', async () => {
    const { sessionId, token } = await openSession(t);
    expect((await t.execute(ImpEnd, { as: 'agent', variables: { sessionId } })).body.errors).toBeUndefined();
    const requestId = newRequestId('ended-token');
    const result = await t.execute(ImpMe, { as: 'agent', headers: { ...withSession(token), 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('SESSION_EXPIRED');
    const [row, ...more] = await refusalsOf(requestId);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actor_id: 'stf_sarah', session_id: sessionId, subject_user_id: 'usr_tom', account_id: 'acc_acme', decision: 'denied' });
    expect((row?.details as { code?: string }).code).toBe('SESSION_EXPIRED');
  });

  it('a session idle too long: ended with its end record and the refusal, in one request', async () => {
    const { sessionId, token } = await openSession(t);
    await moveClocks(t, sessionId, { idle: -1 });
    const requestId = newRequestId('idle-token');
    const result = await t.execute(ImpMe, { as: 'agent', headers: { ...withSession(token), 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('SESSION_EXPIRED');
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'idle_timeout' });
    const rows = await t.db.selectFrom('audit_events').select(['kind', 'session_id']).where('request_id', '=', requestId).orderBy('chain_seq').execute();
    expect(rows).toEqual([
      { kind: 'session_expired', session_id: sessionId },
      { kind: 'access_denied', session_id: sessionId },
    ]);
  });

  it('a token Warden never issued', async () => {
    const requestId = newRequestId('foreign-token');
    const result = await t.execute(ImpMe, { as: 'agent', headers: { ...withSession('not-a-session-token'), 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('SESSION_EXPIRED');
    const rows = await refusalsOf(requestId);
    expect(rows.map((row) => [row.actor_id, row.session_id, (row.details as { code?: string }).code])).toEqual([['stf_sarah', null, 'SESSION_EXPIRED']]);
  });
});

const RefusalDirectory = graphql(`
  query RefusalDirectory($search: String!) {
    directory(search: $search) {
      userId
    }
  }
`);

describe('the repeated-denials alert counts denials, not mistakes', () => {
  it('five input mistakes in ten minutes page nobody, though each is recorded', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf((await t.execute(RefusalDirectory, { as: 'oncall', variables: { search: 'J' } })).body)).toBe('BAD_USER_INPUT');
    const rows = await t.db.selectFrom('audit_events').select('type_field').where('actor_id', '=', 'stf_ines').where('kind', '=', 'access_denied').execute();
    expect(rows).toHaveLength(5);
    expect(await alertsFor('stf_ines')).toEqual([]);
  });

  it('five NOT_FOUND refusals alert once', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf((await t.execute(ImpEnd, { as: 'agent2', variables: { sessionId: `ses_nobody_${i}` } })).body)).toBe('NOT_FOUND');
    expect(await alertsFor('stf_leo')).toHaveLength(1);
  });

  it('is queued in the same transaction as the denial that reached the threshold: neither without the other', async () => {
    for (let i = 0; i < 4; i++) expect(codeOf((await t.execute(ImpEnd, { as: 'security2', variables: { sessionId: `ses_nobody_${i}` } })).body)).toBe('NOT_FOUND');
    await sql`create or replace function refusal_test_outbox_down() returns trigger language plpgsql as $$ begin raise exception 'outbox down'; end $$`.execute(t.db);
    await sql`create trigger refusal_test_outbox_down before insert on notification_outbox for each row execute function refusal_test_outbox_down()`.execute(t.db);
    try {
      const fifth = await t.execute(ImpEnd, { as: 'security2', variables: { sessionId: 'ses_nobody_5' } });
      expect(fifth.status).toBe(503);
      expect(codeOf(fifth.body)).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await sql`drop trigger refusal_test_outbox_down on notification_outbox`.execute(t.db);
      await sql`drop function refusal_test_outbox_down()`.execute(t.db);
    }
    const rows = await t.db.selectFrom('audit_events').select('chain_seq').where('actor_id', '=', 'stf_yuki').where('kind', '=', 'access_denied').execute();
    expect(rows).toHaveLength(4);
    expect(await alertsFor('stf_yuki')).toEqual([]);
  });
});

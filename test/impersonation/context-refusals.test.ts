import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codeOf, endOpenSessions, ImpMe, openSession, sessionRow, withAuditStoreDown, withSession } from './sessions.js';

/**
 * Refusals made while a request's context is built (who is calling, which session) happen
 * before anything executes, and are recorded all the same, with the request's id; when the
 * record cannot be written, the answer is AUDIT_UNAVAILABLE.
 */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await sql`update staff set active = true where id in ('stf_leo', 'ast_triage')`.execute(t.db);
  await endOpenSessions(t);
});

const refusalsOfRequest = (requestId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).where('kind', '=', 'access_denied').execute();

describe('refusals before execution are recorded', () => {
  it('a customer who sends an impersonation token', async () => {
    const { token } = await openSession(t);
    const { body } = await t.execute(ImpMe, { as: 'usr_tom', headers: { ...withSession(token), 'x-request-id': 'req-ctx-customer-token' } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    const [row, ...more] = await refusalsOfRequest('req-ctx-customer-token');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actor_kind: 'customer', actor_id: 'usr_tom', subject_user_id: 'usr_tom', account_id: 'acc_acme', decision: 'denied' });
    expect(row?.summary).toBe('Tom Baker was refused: send an impersonation token as a customer. Impersonation tokens are for support staff; send only your own bearer token.');
  });

  it("an agent sending another agent's session token, with the request's id", async () => {
    const { token, sessionId } = await openSession(t, { agent: 'agent2' });
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: { ...withSession(token), 'x-request-id': 'req-ctx-wrong-agent' } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    const [row, ...more] = await refusalsOfRequest('req-ctx-wrong-agent');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actor_id: 'stf_sarah', session_id: sessionId, subject_user_id: 'usr_tom' });
  });

  it('a token for a staff member Warden does not know: refused, counted and logged, not recorded', async () => {
    const stranger = await t.tokenFor({ sub: 'stf_nobody', kind: 'staff', name: 'Nobody Known', roles: ['support_agent'] });
    const counted = async () => (await t.metrics.unauthenticatedRequests.get()).values.find((v) => v.labels.because === 'unknown-person')?.value ?? 0;
    const before = await counted();
    const { body } = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${stranger}`, 'x-request-id': 'req-ctx-unknown' } });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    // Anyone the identity provider signs for could otherwise grow the audit table at will.
    expect(await refusalsOfRequest('req-ctx-unknown')).toEqual([]);
    expect(await t.db.selectFrom('audit_events').select('chain_seq').where('actor_id', '=', 'stf_nobody').execute()).toEqual([]);
    expect(await counted()).toBe(before + 1);
    expect(t.logs.some((line) => line.includes('req-ctx-unknown') && line.includes('"because":"unknown-person"'))).toBe(true);
  });

  it('a deactivated agent: refused and recorded, and the session they send ends (role_lost) with its end record', async () => {
    const { token, sessionId } = await openSession(t, { agent: 'agent2' });
    await sql`update staff set active = false where id = 'stf_leo'`.execute(t.db);
    const { body } = await t.execute(ImpMe, { as: 'agent2', headers: { ...withSession(token), 'x-request-id': 'req-ctx-deactivated' } });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
    const [row] = await refusalsOfRequest('req-ctx-deactivated');
    expect(row).toMatchObject({ actor_id: 'stf_leo', session_id: sessionId });
    expect(row?.summary).toMatch(/sign in with a token for a deactivated staff member/);
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'role_lost' });
    const ends = await t.db.selectFrom('audit_events').select(['kind', 'decision', 'request_id']).where('session_id', '=', sessionId).where('kind', '=', 'session_revoked').execute();
    expect(ends).toEqual([{ kind: 'session_revoked', decision: 'role_lost', request_id: 'req-ctx-deactivated' }]);
  });

  it("a deactivated assistant's own token: refused and recorded as the assistant's, not as staff", async () => {
    await sql`update staff set active = false where id = 'ast_triage'`.execute(t.db);
    const { body } = await t.execute(ImpMe, { as: 'assistant', headers: { 'x-request-id': 'req-ctx-deactivated-assistant' } });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    const [row, ...more] = await refusalsOfRequest('req-ctx-deactivated-assistant');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actor_kind: 'assistant', actor_id: 'ast_triage', actor_name: 'Triage-Bot' });
    expect(row?.summary).toMatch(/^Assistant Triage-Bot .*sign in with a token for a deactivated assistant/);
    expect(row?.details).toMatchObject({ chain: [{ role: 'assistant', id: 'ast_triage' }] });
  });

  it('a deactivated assistant acting for an agent (RFC 8693 token): recorded as the assistant, with the agent in its chain', async () => {
    await sql`update staff set active = false where id = 'ast_triage'`.execute(t.db);
    const token = await t.tokenFor({ sub: 'stf_sarah', kind: 'staff', name: 'Sarah Lee', roles: ['support_agent'], act: ['ast_triage'] });
    const { body } = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-ctx-deactivated-acting' } });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    const [row, ...more] = await refusalsOfRequest('req-ctx-deactivated-acting');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actor_kind: 'assistant', actor_id: 'ast_triage' });
    expect(row?.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, was refused/);
    expect(row?.details).toMatchObject({ chain: [{ role: 'agent', id: 'stf_sarah' }, { role: 'assistant', id: 'ast_triage' }] });
  });

  it("control: a deactivated agent's refusal leaves another agent's session alone", async () => {
    const { token, sessionId } = await openSession(t);
    await sql`update staff set active = false where id = 'stf_leo'`.execute(t.db);
    const { body } = await t.execute(ImpMe, { as: 'agent2', headers: withSession(token) });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    expect((await sessionRow(t, sessionId)).status).toBe('active');
  });
});

describe('fail closed', () => {
  it('answers AUDIT_UNAVAILABLE (503) when the refusal cannot be recorded', async () => {
    const { token } = await openSession(t);
    const response = await withAuditStoreDown(t, () => t.execute(ImpMe, { as: 'usr_tom', headers: withSession(token) }));
    expect(response.status).toBe(503);
    expect(codeOf(response.body)).toBe('AUDIT_UNAVAILABLE');
    expect(response.body.data ?? null).toBeNull();
  });

  it('keeps a deactivated agent’s session open when its end cannot be recorded, and says so', async () => {
    const { token, sessionId } = await openSession(t, { agent: 'agent2' });
    await sql`update staff set active = false where id = 'stf_leo'`.execute(t.db);
    const response = await withAuditStoreDown(t, () => t.execute(ImpMe, { as: 'agent2', headers: withSession(token) }));
    expect(codeOf(response.body)).toBe('AUDIT_UNAVAILABLE');
    // Nothing ended without its record; the next request (or the sweeper) ends it.
    expect((await sessionRow(t, sessionId)).status).toBe('active');
  });
});

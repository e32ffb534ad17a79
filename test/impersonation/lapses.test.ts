import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditKindsOfSession,
  auditOfSession,
  endOpenSessions,
  endSessionAs,
  ImpApprove,
  ImpClaim,
  ImpRequestMutation,
  openSession,
  REFUND_DOCUMENT,
  sessionRow,
  start,
  withSession,
} from './sessions.js';

/**
 * A request that closes without a decision leaves the same trace as one decided: it lapsed
 * (nobody decided it, nobody collected or used the approval), or its requester withdrew it.
 * Each event is written with the status change.
 */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
});

const REFUND_REASON = 'Customer was double charged for the March invoice and asked for a refund on ticket SUP-1234';

/** An hour and a minute pass: the request, made 61 minutes ago, lapsed a minute ago. */
const requestLapsed = (id: string) =>
  sql`update approval_requests set created_at = now() - interval '61 minutes', expires_at = now() - interval '1 minute' where id = ${id}`.execute(t.db);
/** Sixteen minutes pass after the approval: it lapsed a minute ago. */
const approvalLapsed = (id: string) =>
  sql`update approval_requests set decided_at = now() - interval '16 minutes', grant_expires_at = now() - interval '1 minute' where id = ${id}`.execute(t.db);

const requestRow = (id: string) => t.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const closingEvent = async (requestId: string) => {
  const rows = await t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('kind', 'in', ['approval_expired', 'approval_withdrawn'])
    .where(sql<boolean>`details ->> 'requestId' = ${requestId}`)
    .execute();
  expect(rows).toHaveLength(1);
  return rows[0];
};

async function askForJane(agent = 'agent') {
  const { body } = await start(t, { agent, userId: 'usr_jane' });
  const payload = body.data?.startImpersonation;
  return { sessionId: payload?.session.id ?? '', requestId: payload?.approvalRequest?.id ?? '' };
}

async function askForRefund(token: string, invoiceId: string): Promise<string> {
  const { body } = await t.execute(ImpRequestMutation, {
    as: 'agent',
    headers: withSession(token),
    variables: { input: { document: REFUND_DOCUMENT, variables: JSON.stringify({ invoiceId }), reason: REFUND_REASON } },
  });
  expect(body.errors).toBeUndefined();
  return body.data?.requestMutationApproval.id ?? '';
}

describe('the sweeper', () => {
  it('lapses a start nobody decided: the request expires, the session is refused, both recorded', async () => {
    const { sessionId, requestId } = await askForJane();
    await requestLapsed(requestId);
    await sweepSessions(t.db, { identity: t.identity });
    expect((await requestRow(requestId)).status).toBe('expired');
    expect((await sessionRow(t, sessionId)).status).toBe('refused');
    const event = await closingEvent(requestId);
    expect(event).toMatchObject({ kind: 'approval_expired', actor_kind: 'system', session_id: sessionId, subject_user_id: 'usr_jane', decision: 'expired' });
    expect(event?.summary).toBe("Warden closed Sarah Lee's request to open a read-only session of 30 minutes (approval needed: the user is the account's owner) as Jane Doe (Acme Co): nobody decided it within 60 minutes");
  });

  it('lapses a start nobody collected after its approval lapsed', async () => {
    const { sessionId, requestId } = await askForJane();
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    await approvalLapsed(requestId);
    await sweepSessions(t.db, { identity: t.identity });
    expect((await sessionRow(t, sessionId)).status).toBe('refused');
    expect((await requestRow(requestId)).status).toBe('expired');
    expect((await closingEvent(requestId))?.summary).toMatch(/: the agent did not collect the session token within 15 minutes$/);
  });

  it('lapses an approved mutation nobody ran in time', async () => {
    const { token, sessionId } = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requestId = await askForRefund(token, 'inv_acme_002');
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    await approvalLapsed(requestId);
    await sweepSessions(t.db, { identity: t.identity });
    expect((await requestRow(requestId)).status).toBe('expired');
    const event = await closingEvent(requestId);
    expect(event).toMatchObject({ session_id: sessionId, decision: 'expired' });
    expect(event?.summary).toBe("Warden closed Sarah Lee's request to refund invoice ACME-2026-002 (GBP 74.00, paid, issued 2026-02-01) as Jane Doe (Acme Co): the approved call was not run within 15 minutes");
  });

  it('control: leaves requests and approvals still in time alone', async () => {
    const { sessionId, requestId } = await askForJane();
    await sweepSessions(t.db, { identity: t.identity });
    expect((await requestRow(requestId)).status).toBe('pending');
    expect(await auditKindsOfSession(t, sessionId)).toEqual(['approval_requested']);
  });
});

describe('lapses noticed by a request', () => {
  it('a manager deciding a lapsed request records its lapse', async () => {
    const { sessionId, requestId } = await askForJane();
    await requestLapsed(requestId);
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect((await sessionRow(t, sessionId)).status).toBe('refused');
    expect(await auditKindsOfSession(t, sessionId)).toEqual(['approval_requested', 'approval_expired']);
    expect((await closingEvent(requestId))?.summary).toMatch(/nobody decided it within 60 minutes$/);
  });

  it('an agent collecting a lapsed start records its lapse', async () => {
    const { sessionId, requestId } = await askForJane();
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    await approvalLapsed(requestId);
    await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(await auditKindsOfSession(t, sessionId)).toEqual(['approval_requested', 'approval_granted', 'approval_expired']);
    expect((await closingEvent(requestId))?.summary).toMatch(/the agent did not collect the session token within 15 minutes$/);
  });
});

describe('withdrawals', () => {
  it('an agent ending a start that waits for a manager withdraws its request, recorded', async () => {
    const { sessionId, requestId } = await askForJane();
    await endSessionAs(t, 'agent', sessionId);
    expect((await requestRow(requestId)).status).toBe('withdrawn');
    const event = await closingEvent(requestId);
    expect(event).toMatchObject({ kind: 'approval_withdrawn', actor_id: 'stf_sarah', decision: 'withdrawn' });
    expect(event?.summary).toBe("Agent Sarah Lee withdrew their request to open a read-only session of 30 minutes (approval needed: the user is the account's owner) as Jane Doe (Acme Co): they ended the session before it started");
  });

  it('an agent ending an approved start nobody collected withdraws the approval', async () => {
    const { sessionId, requestId } = await askForJane();
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    await endSessionAs(t, 'agent', sessionId);
    expect((await requestRow(requestId)).status).toBe('withdrawn');
    expect(await auditKindsOfSession(t, sessionId)).toEqual(['approval_requested', 'approval_granted', 'approval_withdrawn']);
  });

  it('ending a session closes the requests still open in it, each recorded', async () => {
    const { token, sessionId } = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const pending = await askForRefund(token, 'inv_acme_002');
    const approved = await askForRefund(token, 'inv_acme_003');
    await t.execute(ImpApprove, { as: 'manager', variables: { id: approved } });
    await endSessionAs(t, 'agent', sessionId);
    for (const id of [pending, approved]) {
      expect((await requestRow(id)).status).toBe('expired');
      expect((await closingEvent(id))?.summary).toMatch(/^Agent Sarah Lee closed Sarah Lee's request to refund invoice ACME-2026-00[23] \(GBP \d+\.\d\d, paid, issued 2026-0[23]-01\) as Jane Doe \(Acme Co\): the session ended$/);
    }
  });
});

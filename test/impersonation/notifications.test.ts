import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditOfSession,
  codeOf,
  endOpenSessions,
  endSessionAs,
  GOOD_REASON,
  ImpApprove,
  ImpClaim,
  ImpEnd,
  ImpMe,
  openSession,
  outboxRows,
  sessionRow,
  start,
  withAuditStoreDown,
  withSession,
} from './sessions.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
});

const count = async (table: 'impersonation_sessions' | 'notification_outbox' | 'approval_requests' | 'audit_events') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const textOf = (row: { payload: unknown }) => (row.payload as { text: string }).text;

describe('the outbox gets a row for each event, with the event', () => {
  it('session_started and session_ended, keyed by the session', async () => {
    const { sessionId } = await openSession(t);
    const [started] = (await outboxRows(t, 'session_started')).filter((r) => r.idempotency_key === `session_started:${sessionId}`);
    expect(textOf(started ?? { payload: { text: '' } })).toMatch(
      /^Sarah Lee started a read-only session as Tom Baker \(Acme Co\) for ticket SUP-1234: .+Customer reports invoices showing 20% tax.+\. It ends at /,
    );
    expect((await outboxRows(t, 'session_ended')).filter((r) => r.idempotency_key === `session_ended:${sessionId}`)).toEqual([]);

    await endSessionAs(t, 'agent', sessionId);
    const ended = (await outboxRows(t, 'session_ended')).filter((r) => r.idempotency_key === `session_ended:${sessionId}`);
    expect(ended).toHaveLength(1);
    expect(textOf(ended[0] ?? { payload: { text: '' } })).toMatch(/^Sarah Lee's session as Tom Baker \(Acme Co\) ended after/);
  });

  it('approval_requested for a start that needs a manager, and session_started only once it is claimed', async () => {
    const { body } = await start(t, { userId: 'usr_jane' });
    const { session, approvalRequest } = body.data?.startImpersonation ?? {};
    const requested = (await outboxRows(t, 'approval_requested')).filter((r) => r.idempotency_key === `approval_requested:${approvalRequest?.id}`);
    expect(requested).toHaveLength(1);
    expect(textOf(requested[0] ?? { payload: { text: '' } })).toMatch(/^Sarah Lee asks for approval to open a read-only session of 30 minutes \(approval needed: the user is the account's owner\) in Acme Co, acting as Jane Doe, ticket SUP-1234\. Reason: /);
    expect((await outboxRows(t, 'session_started')).filter((r) => r.idempotency_key === `session_started:${session?.id}`)).toEqual([]);

    await t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '' } });
    await t.execute(ImpClaim, { as: 'agent', variables: { sessionId: session?.id ?? '' } });
    expect((await outboxRows(t, 'session_started')).filter((r) => r.idempotency_key === `session_started:${session?.id}`)).toHaveLength(1);
  });

  it('a session that times out notifies once, however many notice it', async () => {
    const { sessionId, token } = await openSession(t);
    await t.db.updateTable('impersonation_sessions').set({ idle_expires_at: new Date(Date.now() - 60_000) }).where('id', '=', sessionId).execute();
    await Promise.all([
      t.execute(ImpMe, { as: 'agent', headers: withSession(token) }),
      t.execute(ImpMe, { as: 'agent', headers: withSession(token) }),
    ]);
    expect((await outboxRows(t, 'session_ended')).filter((r) => r.idempotency_key === `session_ended:${sessionId}`)).toHaveLength(1);
    expect((await auditOfSession(t, sessionId)).filter((r) => r.kind === 'session_expired')).toHaveLength(1);
  });
});

describe('when the audit store is down, neither the change nor its notification happens', () => {
  it('a start leaves no session, no outbox row, and no token', async () => {
    const before = await Promise.all([count('impersonation_sessions'), count('notification_outbox')]);
    const { body } = await withAuditStoreDown(t, () => start(t));
    expect(body.data?.startImpersonation ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/wimp_/);
    expect(await Promise.all([count('impersonation_sessions'), count('notification_outbox')])).toEqual(before);
  });

  it('a start that needs approval leaves no request and no outbox row', async () => {
    const before = await Promise.all([count('impersonation_sessions'), count('approval_requests'), count('notification_outbox')]);
    const { body } = await withAuditStoreDown(t, () => start(t, { userId: 'usr_jane' }));
    expect(body.data?.startImpersonation ?? null).toBeNull();
    expect(await Promise.all([count('impersonation_sessions'), count('approval_requests'), count('notification_outbox')])).toEqual(before);
  });

  it('an approval is not decided, and a claim issues no token', async () => {
    const { body } = await start(t, { userId: 'usr_jane' });
    const { session, approvalRequest } = body.data?.startImpersonation ?? {};
    const approve = await withAuditStoreDown(t, () => t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '' } }));
    expect(approve.body.data ?? null).toBeNull();
    expect((await t.db.selectFrom('approval_requests').select('status').where('id', '=', approvalRequest?.id ?? '').executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await sessionRow(t, session?.id ?? '')).status).toBe('pending_approval');

    await t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '' } });
    const outboxBefore = await count('notification_outbox');
    const claim = await withAuditStoreDown(t, () => t.execute(ImpClaim, { as: 'agent', variables: { sessionId: session?.id ?? '' } }));
    expect(claim.body.data ?? null).toBeNull();
    expect(await sessionRow(t, session?.id ?? '')).toMatchObject({ status: 'approved', token_hash: null, started_at: null });
    expect(await count('notification_outbox')).toBe(outboxBefore);
  });

  it('an end leaves the session active and no session_ended row', async () => {
    const { sessionId, token } = await openSession(t);
    const { body } = await withAuditStoreDown(t, () => t.execute(ImpEnd, { as: 'agent', variables: { sessionId } }));
    expect(body.data ?? null).toBeNull();
    expect((await sessionRow(t, sessionId)).status).toBe('active');
    expect((await outboxRows(t, 'session_ended')).filter((r) => r.idempotency_key === `session_ended:${sessionId}`)).toEqual([]);
    // Once the store is back, the session still works and ends normally, with its record.
    expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');
    await endSessionAs(t, 'agent', sessionId);
    expect((await outboxRows(t, 'session_ended')).filter((r) => r.idempotency_key === `session_ended:${sessionId}`)).toHaveLength(1);
  });
});

describe('repeated denials', () => {
  it('the fifth refusal of one agent within the window enqueues one repeated_denials alert', async () => {
    // Ines (on-call) may not impersonate under the baseline policy; she has no refusals yet.
    const alertsFor = async () => (await outboxRows(t, 'repeated_denials')).filter((r) => r.idempotency_key.startsWith('repeated_denials:stf_ines:'));
    for (let i = 1; i <= 4; i++) {
      const { body } = await start(t, { agent: 'oncall' });
      expect(codeOf(body)).toBe('FORBIDDEN');
    }
    expect(await alertsFor()).toEqual([]);

    const fifth = await start(t, { agent: 'oncall', reason: 'help' });
    expect(codeOf(fifth.body)).toBe('FORBIDDEN');
    const alerts = await alertsFor();
    expect(alerts).toHaveLength(1);
    expect(textOf(alerts[0] ?? { payload: { text: '' } })).toMatch(/Ines Moreau/);
    expect(textOf(alerts[0] ?? { payload: { text: '' } })).toMatch(/\b5\b/);

    // A sixth in the same window does not alert again (the alert's key names the window).
    const windowOf = (ms: number) => Math.floor(ms / (10 * 60_000));
    const key = alerts[0]?.idempotency_key ?? '';
    await start(t, { agent: 'oncall', reason: GOOD_REASON });
    if (key === `repeated_denials:stf_ines:${windowOf(Date.now())}`) expect(await alertsFor()).toHaveLength(1);
  });
});

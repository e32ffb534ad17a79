import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditOfSession,
  codeOf,
  endOpenSessions,
  endSessionAs,
  GOOD_REASON,
  ImpApprove,
  ImpClaim,
  ImpDeny,
  ImpMe,
  ImpMeBirthDate,
  ImpPending,
  ImpRequestFields,
  messageOf,
  openSession,
  sessionRow,
  start,
  withSession,
} from './sessions.js';

const ImpApprovalRequest = graphql(`
  query ImpApprovalRequest($id: ID!) {
    approvalRequest(id: $id) {
      id
      kind
      status
      requesterId
      decidedBy
      decisionNote
      reason
      summary
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
});

const requestRow = (id: string) => t.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('starts that need a manager', () => {
  it.each([
    ['a sensitive account (Globex)', 'usr_victor', /the account is flagged sensitive/],
    ["the account's owner (usr_jane)", 'usr_jane', /the user is the account's owner/],
    ["the account's admin", 'usr_omar', /the user is the account's admin/],
    ["the account's billing contact", 'usr_lena', /the user is the account's billing/],
    ['an account that asked to be asked first (Umbrella)', 'usr_carlos', /the customer asked to be asked first/],
    ['a read-write session as a member', { userId: 'usr_tom', mode: 'read_write' as const }, /read-write sessions are always approved/],
  ])('%s gives a pending request and no token', async (_name, target, why) => {
    const options = typeof target === 'string' ? { userId: target } : target;
    const { body } = await start(t, options);
    expect(body.errors).toBeUndefined();
    const payload = body.data?.startImpersonation;
    expect(payload?.token).toBeNull();
    expect(payload?.session.status).toBe('pending_approval');
    expect(payload?.approvalRequest).toMatchObject({ status: 'pending', kind: 'session_start' });
    const request = await requestRow(payload?.approvalRequest?.id ?? '');
    expect(request).toMatchObject({ requester_id: 'stf_sarah', session_id: payload?.session.id, target_user_id: options.userId });
    expect(JSON.stringify(request.payload)).toMatch(why);
    // Nothing started: no start record, no token hash.
    const session = await sessionRow(t, payload?.session.id ?? '');
    expect(session.token_hash).toBeNull();
    expect((await auditOfSession(t, session.id)).map((r) => r.kind)).toEqual(['approval_requested']);
  });

  it('approve, then the agent claims the token (once)', async () => {
    const started = await start(t, { userId: 'usr_grace' });
    const { session, approvalRequest } = started.body.data?.startImpersonation ?? {};
    const sessionId = session?.id ?? '';

    const early = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(codeOf(early.body)).toBe('APPROVAL_REQUIRED');

    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '', note: 'Ticket checked' } });
    expect(approved.body.data?.approveRequest).toMatchObject({ status: 'approved', decidedBy: 'stf_marcus' });
    expect((await sessionRow(t, sessionId)).status).toBe('approved');

    const byOther = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(codeOf(byOther.body)).toBe('NOT_FOUND');

    const claimed = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(claimed.body.errors).toBeUndefined();
    const token = claimed.body.data?.claimImpersonation.token ?? '';
    expect(token).toMatch(/^wimp_/);
    expect(claimed.body.data?.claimImpersonation.session.status).toBe('active');
    const me = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(me.body.data?.me?.id).toBe('usr_grace');

    const again = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(codeOf(again.body)).toBe('FORBIDDEN');
    expect(again.body.data ?? null).toBeNull();
    expect((await auditOfSession(t, sessionId)).map((r) => r.kind)).toEqual(['approval_requested', 'approval_granted', 'session_started']);
  });

  it('claiming needs a recent sign-in too', async () => {
    const started = await start(t, { userId: 'usr_alice' });
    const { session, approvalRequest } = started.body.data?.startImpersonation ?? {};
    await t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '' } });
    const stale = await t.tokenFor('agent', { authTime: new Date(Date.now() - 10 * 60_000) });
    const claimed = await t.execute(ImpClaim, { as: null, headers: { authorization: `Bearer ${stale}` }, variables: { sessionId: session?.id ?? '' } });
    expect(codeOf(claimed.body)).toBe('UNAUTHENTICATED');
    expect(messageOf(claimed.body)).toMatch(/sign in again, then collect/);
    expect((await sessionRow(t, session?.id ?? '')).status).toBe('approved');
  });

  it('an approved start that was not collected in time cannot be claimed (approvals expire unused)', async () => {
    const started = await start(t, { userId: 'usr_jane' });
    const { session, approvalRequest } = started.body.data?.startImpersonation ?? {};
    const sessionId = session?.id ?? '';
    await t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest?.id ?? '' } });
    await sql`update approval_requests set grant_expires_at = now() - interval '1 second' where id = ${approvalRequest?.id ?? ''}`.execute(t.db);

    const claimed = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(codeOf(claimed.body)).toBe('SESSION_EXPIRED');
    expect(messageOf(claimed.body)).toMatch(/lapsed: Marcus Webb approved it, but its token was not collected/);
    expect(claimed.body.data ?? null).toBeNull();
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', token_hash: null, started_at: null });
    expect((await requestRow(approvalRequest?.id ?? '')).status).toBe('expired');
    // The lapsed start no longer holds the agent's one open session.
    expect((await start(t)).body.data?.startImpersonation.session.status).toBe('active');
  });

  it('deny: the session is refused, and so is the claim', async () => {
    const started = await start(t, { userId: 'usr_jane' });
    const { session, approvalRequest } = started.body.data?.startImpersonation ?? {};
    const sessionId = session?.id ?? '';
    const tooShort = await t.execute(ImpDeny, { as: 'manager', variables: { id: approvalRequest?.id ?? '', reason: 'no' } });
    expect(codeOf(tooShort.body)).toBe('BAD_USER_INPUT');

    const denied = await t.execute(ImpDeny, { as: 'manager', variables: { id: approvalRequest?.id ?? '', reason: 'Ask the owner for a screen share instead' } });
    expect(denied.body.data?.denyRequest).toMatchObject({ status: 'denied', decidedBy: 'stf_marcus', decisionNote: 'Ask the owner for a screen share instead' });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', token_hash: null });

    const claimed = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId } });
    expect(codeOf(claimed.body)).toBe('FORBIDDEN');
    expect(claimed.body.data ?? null).toBeNull();
    expect((await sessionRow(t, sessionId)).token_hash).toBeNull();
    // A decided request cannot be decided again.
    const approveAfter = await t.execute(ImpApprove, { as: 'manager2', variables: { id: approvalRequest?.id ?? '' } });
    expect(codeOf(approveAfter.body)).toBe('BAD_USER_INPUT');
    expect((await auditOfSession(t, sessionId)).map((r) => r.kind)).toEqual(['approval_requested', 'approval_denied']);
    // The refused start no longer counts as the agent's open session.
    const next = await start(t);
    expect(next.body.data?.startImpersonation.session.status).toBe('active');
  });

  it('nobody approves their own request: a manager who is also an agent gets FORBIDDEN', async () => {
    const started = await start(t, { agent: 'manager2', userId: 'usr_jane' });
    const requestId = started.body.data?.startImpersonation.approvalRequest?.id ?? '';
    const own = await t.execute(ImpApprove, { as: 'manager2', variables: { id: requestId } });
    expect(codeOf(own.body)).toBe('FORBIDDEN');
    expect(messageOf(own.body)).toMatch(/Nobody decides their own request/);
    const ownDeny = await t.execute(ImpDeny, { as: 'manager2', variables: { id: requestId, reason: 'Changed my mind about it' } });
    expect(codeOf(ownDeny.body)).toBe('FORBIDDEN');
    expect(await requestRow(requestId)).toMatchObject({ status: 'pending', decided_by: null });
    expect((await sessionRow(t, started.body.data?.startImpersonation.session.id ?? '')).status).toBe('pending_approval');

    const other = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(other.body.data?.approveRequest.status).toBe('approved');
  });

  it('agents cannot decide requests', async () => {
    const started = await start(t, { userId: 'usr_jane' });
    const requestId = started.body.data?.startImpersonation.approvalRequest?.id ?? '';
    const { body } = await t.execute(ImpApprove, { as: 'agent2', variables: { id: requestId } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect((await requestRow(requestId)).status).toBe('pending');
  });

  it('a request that lapsed cannot be approved', async () => {
    const started = await start(t, { userId: 'usr_jane' });
    const requestId = started.body.data?.startImpersonation.approvalRequest?.id ?? '';
    await sql`update approval_requests set expires_at = now() - interval '1 minute' where id = ${requestId}`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/lapsed/);
    expect((await requestRow(requestId)).status).toBe('expired');
    expect((await sessionRow(t, started.body.data?.startImpersonation.session.id ?? '')).token_hash).toBeNull();
  });
});

describe('locks', () => {
  // Two connections at once: the embedded database has one.
  it.skipIf(inject('databaseUrl') === null)('a decision takes the session before its request, in the order ending and collecting do, so they cannot deadlock', async () => {
    const started = await start(t, { userId: 'usr_grace' });
    const { session, approvalRequest } = started.body.data?.startImpersonation ?? {};
    const url = t.database.url;
    if (!url || !session || !approvalRequest) throw new Error('needs a PostgreSQL server and a pending start');
    const ender = new pg.Client({ connectionString: url });
    await ender.connect();
    try {
      // What ending the session does first: lock it. The decision must now wait, holding nothing.
      await ender.query('begin');
      await ender.query('select 1 from impersonation_sessions where id = $1 for update', [session.id]);
      const deciding = t.execute(ImpApprove, { as: 'manager', variables: { id: approvalRequest.id } });
      for (let i = 0; i < 200 && !(await ender.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rowCount; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // Ending goes on to lock the session's requests: free, so no deadlock.
      const request = await ender.query('select status from approval_requests where id = $1 for update nowait', [approvalRequest.id]);
      expect(request.rows).toEqual([{ status: 'pending' }]);
      await ender.query('commit');
      expect((await deciding).body.data?.approveRequest.status).toBe('approved');
    } finally {
      await ender.query('rollback').catch(() => undefined);
      await ender.end();
    }
  });
});

describe('the managers’ queue', () => {
  it('pendingApprovals lists pending requests, oldest first, for managers only', async () => {
    const first = await start(t, { userId: 'usr_jane' });
    const second = await start(t, { agent: 'agent2', userId: 'usr_carlos' });
    const ids = [first, second].map((r) => r.body.data?.startImpersonation.approvalRequest?.id);

    const { body } = await t.execute(ImpPending, { as: 'manager' });
    expect(body.errors).toBeUndefined();
    const listed = body.data?.pendingApprovals ?? [];
    expect(listed.map((r) => r.id)).toEqual(ids);
    expect(listed[0]).toMatchObject({
      kind: 'session_start',
      status: 'pending',
      requesterId: 'stf_sarah',
      targetUserId: 'usr_jane',
      summary: `Sarah Lee asks to open a read-only session of 30 minutes (approval needed: the user is the account's owner) in Acme Co, acting as Jane Doe, ticket SUP-1234: ${GOOD_REASON}`,
    });

    for (const who of ['agent', 'auditor', 'customer']) {
      const refused = await t.execute(ImpPending, { as: who });
      expect(codeOf(refused.body), who).toBe('FORBIDDEN');
      expect(refused.body.data ?? null, who).toBeNull();
    }

    // Decided requests leave the queue.
    await t.execute(ImpApprove, { as: 'manager', variables: { id: ids[0] ?? '' } });
    const after = await t.execute(ImpPending, { as: 'manager2' });
    expect(after.body.data?.pendingApprovals.map((r) => r.id)).toEqual([ids[1]]);
  });

  it('a request is visible to its requester and managers, not to other agents', async () => {
    const started = await start(t, { userId: 'usr_jane' });
    const id = started.body.data?.startImpersonation.approvalRequest?.id ?? '';
    expect((await t.execute(ImpApprovalRequest, { as: 'agent', variables: { id } })).body.data?.approvalRequest?.id).toBe(id);
    expect((await t.execute(ImpApprovalRequest, { as: 'manager', variables: { id } })).body.data?.approvalRequest?.id).toBe(id);
    expect((await t.execute(ImpApprovalRequest, { as: 'agent2', variables: { id } })).body.data?.approvalRequest).toBeNull();
  });
});

describe('field access (break-glass)', () => {
  it('an approved grant shows User.birthDate in that session only, until the grant expires', async () => {
    const mine = await openSession(t);
    const theirs = await openSession(t, { agent: 'agent2' });

    const before = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(mine.token) });
    expect(before.body.data?.me?.birthDate ?? null).toBeNull();
    expect(codeOf(before.body)).toBe('FIELD_DENIED');

    const vague = await t.execute(ImpRequestFields, { as: 'agent', headers: withSession(mine.token), variables: { input: { fields: ['User.birthDate'], reason: 'check' } } });
    expect(codeOf(vague.body)).toBe('REASON_TOO_VAGUE');

    const requested = await t.execute(ImpRequestFields, {
      as: 'agent',
      headers: withSession(mine.token),
      variables: { input: { fields: ['User.birthDate'], reason: 'Customer says age verification fails at checkout with their birth date' } },
    });
    expect(requested.body.errors).toBeUndefined();
    const request = requested.body.data?.requestFieldAccess;
    expect(request).toMatchObject({ kind: 'field_access', status: 'pending', sessionId: mine.sessionId });
    // What the manager reads says plainly whose birth dates the grant shows: a member sees only their own.
    const queued = (await t.execute(ImpPending, { as: 'manager' })).body.data?.pendingApprovals.find((r) => r.id === request?.id);
    expect(queued?.summary).toBe(
      "Sarah Lee asks to see, for 15 minutes from the approval, the customer's own birth date only (a member sees no colleague's) in Acme Co, acting as Tom Baker, ticket SUP-1234: Customer says age verification fails at checkout with their birth date",
    );

    // Pending is not approved.
    const pending = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(mine.token) });
    expect(pending.body.data?.me?.birthDate ?? null).toBeNull();

    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: request?.id ?? '' } });
    expect(approved.body.data?.approveRequest.grantExpiresAt).toBeTruthy();

    const shown = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(mine.token) });
    expect(shown.body.errors).toBeUndefined();
    expect(shown.body.data?.me).toEqual({ id: 'usr_tom', birthDate: '1995-07-21' });

    // Another agent's session on the same customer does not see it.
    const other = await t.execute(ImpMeBirthDate, { as: 'agent2', headers: withSession(theirs.token) });
    expect(other.body.data?.me?.birthDate ?? null).toBeNull();
    expect(codeOf(other.body)).toBe('FIELD_DENIED');

    // Nor does the same agent's next session.
    await endSessionAs(t, 'agent', mine.sessionId);
    const next = await openSession(t);
    const inNext = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(next.token) });
    expect(inNext.body.data?.me?.birthDate ?? null).toBeNull();

    // And once the grant expires, the field is denied again.
    await endSessionAs(t, 'agent', next.sessionId);
    const third = await openSession(t);
    const grant = await t.execute(ImpRequestFields, {
      as: 'agent',
      headers: withSession(third.token),
      variables: { input: { fields: ['User.birthDate'], reason: 'Customer says age verification fails at checkout with their birth date' } },
    });
    const grantId = grant.body.data?.requestFieldAccess.id ?? '';
    await t.execute(ImpApprove, { as: 'manager', variables: { id: grantId } });
    expect((await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(third.token) })).body.data?.me?.birthDate).toBe('1995-07-21');
    await sql`update approval_requests set grant_expires_at = now() - interval '1 second' where id = ${grantId}`.execute(t.db);
    const expired = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(third.token) });
    expect(expired.body.data?.me?.birthDate ?? null).toBeNull();
    expect(codeOf(expired.body)).toBe('FIELD_DENIED');
  });

  it('a denied grant shows nothing', async () => {
    const { token } = await openSession(t);
    const requested = await t.execute(ImpRequestFields, {
      as: 'agent',
      headers: withSession(token),
      variables: { input: { fields: ['User.birthDate', 'User.nationalId'], reason: 'Identity check failed twice for the customer during KYC review' } },
    });
    const id = requested.body.data?.requestFieldAccess.id ?? '';
    await t.execute(ImpDeny, { as: 'manager', variables: { id, reason: 'Not needed for this ticket' } });
    const { body } = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(token) });
    expect(body.data?.me?.birthDate ?? null).toBeNull();
  });

  it.each(['PaymentMethod.cardNumber', 'ApiToken.secret'])('refuses to ask for the secret %s: it cannot be granted', async (field) => {
    const { token, sessionId } = await openSession(t);
    const before = await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', sessionId).execute();
    const { body } = await t.execute(ImpRequestFields, {
      as: 'agent',
      headers: withSession(token),
      variables: { input: { fields: [field], reason: 'Customer disputes a charge on the card they say they removed last week' } },
    });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe(`${field} is secret and is never revealed, not even with approval.`);
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', sessionId).execute()).toEqual(before);
  });

  it('refuses fields that do not exist or are not sensitive', async () => {
    const { token } = await openSession(t);
    const reason = 'Customer disputes a charge on the card they say they removed last week';
    const unknown = await t.execute(ImpRequestFields, { as: 'agent', headers: withSession(token), variables: { input: { fields: ['User.passwordHash'], reason } } });
    expect(codeOf(unknown.body)).toBe('BAD_USER_INPUT');
    const pii = await t.execute(ImpRequestFields, { as: 'agent', headers: withSession(token), variables: { input: { fields: ['User.email'], reason } } });
    expect(codeOf(pii.body)).toBe('FORBIDDEN');
  });

  it('is asked from inside a session only', async () => {
    const { body } = await t.execute(ImpRequestFields, {
      as: 'agent',
      variables: { input: { fields: ['User.birthDate'], reason: 'Customer says age verification fails at checkout with their birth date' } },
    });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
  });
});

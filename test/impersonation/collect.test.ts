import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { newRequestId } from '../audit/audit-support.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditOfSession,
  endOpenSessions,
  endSessionAs,
  ImpApprove,
  ImpClaim,
  ImpDeny,
  ImpRevoke,
  ImpSetSupportAccess,
  moveClocks,
  openSession,
  sessionRow,
  start,
} from './sessions.js';

/**
 * Collecting an approved session (`claimImpersonation`) tells the agent what happened to it
 * and what to do, whatever the record holds: every status a collect can meet has its own
 * sentence and code, and each refusal is on the trail as the response gave it.
 */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await sql`update accounts set support_access = 'ask_first' where id = 'acc_umbrella'`.execute(t.db);
  await sql`update staff set roles = array['support_agent']::text[] where id = 'stf_sarah'`.execute(t.db);
  await endOpenSessions(t);
});

/** Sarah Lee asks to enter as `userId`; every such start here waits for a manager. */
async function ask(userId = 'usr_jane'): Promise<{ sessionId: string; requestId: string }> {
  const { body } = await start(t, { userId });
  const payload = body.data?.startImpersonation;
  expect(payload?.approvalRequest?.status).toBe('pending');
  return { sessionId: payload?.session.id ?? '', requestId: payload?.approvalRequest?.id ?? '' };
}

async function approved(userId = 'usr_jane'): Promise<{ sessionId: string; requestId: string }> {
  const asked = await ask(userId);
  const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: asked.requestId, note: 'Ticket checked with the owner' } });
  expect(body.data?.approveRequest.status).toBe('approved');
  return asked;
}

/** Sarah collects `sessionId` (with `bearer`, else a fresh token), as one request the trail can be searched by. */
async function collect(sessionId: string, bearer?: string) {
  const requestId = newRequestId('collect');
  const reply = await t.execute(ImpClaim, {
    as: bearer ? null : 'agent',
    headers: { 'x-request-id': requestId, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    variables: { sessionId },
  });
  return { ...reply, requestId };
}

/** The collect was refused with `code` and a message matching `message`, and the trail holds that refusal once. */
async function expectRefused(reply: Awaited<ReturnType<typeof collect>>, code: string, message: string | RegExp): Promise<void> {
  expect(reply.body.data ?? null).toBeNull();
  const error = reply.body.errors?.[0];
  expect(error?.extensions?.['code']).toBe(code);
  if (typeof message === 'string') expect(error?.message).toBe(message);
  else expect(error?.message).toMatch(message);
  const refusals = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', reply.requestId).where('kind', '=', 'access_denied').execute();
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatchObject({ actor_id: 'stf_sarah', type_field: 'Mutation.claimImpersonation', decision: 'denied' });
  expect(refusals[0]?.details).toMatchObject({ code, message: error?.message });
}

const requestStatus = async (id: string) => (await t.db.selectFrom('approval_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('collecting keeps the step-up rule', () => {
  it('a sign-in older than 5 minutes is told to sign in again, then collect, and the approval still stands', async () => {
    const { sessionId, requestId } = await approved();
    const stale = await t.tokenFor('agent', { authTime: new Date(Date.now() - 10 * 60_000) });
    const reply = await collect(sessionId, stale);
    await expectRefused(
      reply,
      'UNAUTHENTICATED',
      `Your sign-in is older than 5 minutes (you signed in 10 minutes ago): sign in again, then collect session ${sessionId} within 14 minutes, before its approval lapses.`,
    );
    // The step-up challenge is the status a client signs in again on.
    expect(reply.status).toBe(401);
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'approved', token_hash: null });
    expect(await requestStatus(requestId)).toBe('approved');

    // Control: signed in again, the same agent collects it.
    const fresh = await collect(sessionId, await t.tokenFor('agent'));
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data?.claimImpersonation.token).toMatch(/^wimp_/);
  });
});

describe('a start that cannot be collected says what happened to it', () => {
  it('a start a manager denied says that it was denied, by whom and why', async () => {
    const { sessionId, requestId } = await ask();
    const denied = await t.execute(ImpDeny, { as: 'manager', variables: { id: requestId, reason: 'Ask the owner for a screen share instead' } });
    expect(denied.body.errors).toBeUndefined();
    await expectRefused(
      await collect(sessionId),
      'FORBIDDEN',
      `Marcus Webb denied session ${sessionId}: "Ask the owner for a screen share instead". It will not start; if the customer still needs help, start a new session that answers this.`,
    );
    expect((await auditOfSession(t, sessionId)).find((row) => row.kind === 'approval_denied')).toMatchObject({ actor_id: 'stf_marcus', actor_name: 'Marcus Webb' });
  });

  it('a start still waiting says no manager has decided it yet', async () => {
    const { sessionId } = await ask();
    await expectRefused(
      await collect(sessionId),
      'APPROVAL_REQUIRED',
      `No manager has decided session ${sessionId} yet: collect it once one approves it (a request nobody decides within 60 minutes lapses).`,
    );
    expect((await sessionRow(t, sessionId)).status).toBe('pending_approval');
  });

  it('a token is issued once: collecting it again says it was collected already', async () => {
    const { sessionId } = await openSession(t, { userId: 'usr_jane' });
    await expectRefused(
      await collect(sessionId),
      'FORBIDDEN',
      `You collected the token of session ${sessionId} already, and a session's token is issued once: send the one you collected, or end the session and start a new one if you lost it.`,
    );
    expect((await sessionRow(t, sessionId)).status).toBe('active');
  });

  it.each([
    { ending: 'its agent ended it', how: 'you ended it', end: (sessionId: string) => endSessionAs(t, 'agent', sessionId) },
    {
      ending: 'a manager revoked it',
      how: 'Marcus Webb revoked it: "Agent asked to close it remotely"',
      end: async (sessionId: string) => {
        const { body } = await t.execute(ImpRevoke, { as: 'manager', variables: { sessionId, reason: 'Agent asked to close it remotely' } });
        expect(body.errors).toBeUndefined();
      },
    },
    {
      ending: 'past its time limit, swept',
      how: 'it reached its 30-minute limit',
      end: async (sessionId: string) => {
        await moveClocks(t, sessionId, { hard: -1 });
        await sweepSessions(t.db, { identity: t.identity });
        expect((await sessionRow(t, sessionId)).end_reason).toBe('expired');
      },
    },
    { ending: 'past its time limit, not yet swept', how: 'it reached its 30-minute limit', end: (sessionId: string) => moveClocks(t, sessionId, { hard: -1 }) },
    { ending: 'idle, not yet swept', how: 'it closed after being idle', end: (sessionId: string) => moveClocks(t, sessionId, { idle: -1 }) },
  ])('a session collected and ended says how it ended ($ending)', async ({ how, end }) => {
    const { sessionId } = await openSession(t, { userId: 'usr_jane' });
    await end(sessionId);
    await expectRefused(
      await collect(sessionId),
      'SESSION_EXPIRED',
      `You collected session ${sessionId} already, and it has ended: ${how}. Its token no longer works; start a new session if you still need one.`,
    );
  });

  it('a withdrawn start says the agent withdrew it', async () => {
    const { sessionId, requestId } = await ask();
    await endSessionAs(t, 'agent', sessionId);
    expect(await requestStatus(requestId)).toBe('withdrawn');
    await expectRefused(
      await collect(sessionId),
      'SESSION_EXPIRED',
      `You withdrew session ${sessionId} before it started, by ending it. There is no token to collect; start a new session if you still need one.`,
    );
  });

  it('a start a manager revoked before it started says who revoked it and why', async () => {
    const { sessionId } = await approved();
    const { body } = await t.execute(ImpRevoke, { as: 'manager', variables: { sessionId, reason: 'The owner asked us to wait until Monday' } });
    expect(body.errors).toBeUndefined();
    await expectRefused(
      await collect(sessionId),
      'SESSION_EXPIRED',
      `Marcus Webb revoked session ${sessionId} before it started: "The owner asked us to wait until Monday". There is no token to collect; start a new session if you still need one.`,
    );
  });
});

describe('a lapsed start says it lapsed, and why, whoever noticed first', () => {
  /** The request, made 61 minutes ago, lapsed a minute ago. */
  const undecided = (id: string) => sql`update approval_requests set created_at = now() - interval '61 minutes', expires_at = now() - interval '1 minute' where id = ${id}`.execute(t.db);
  /** The approval, given 16 minutes ago, lapsed a minute ago. */
  const uncollected = (id: string) => sql`update approval_requests set decided_at = now() - interval '16 minutes', grant_expires_at = now() - interval '1 minute' where id = ${id}`.execute(t.db);

  it.each([{ noticedBy: 'the collect' }, { noticedBy: 'the sweeper' }])('a start nobody decided in time (noticed by $noticedBy)', async ({ noticedBy }) => {
    const { sessionId, requestId } = await ask();
    await undecided(requestId);
    if (noticedBy === 'the sweeper') await sweepSessions(t.db, { identity: t.identity });
    const message = `Session ${sessionId} lapsed: no manager decided it within 60 minutes. Start a new session if you still need one.`;
    await expectRefused(await collect(sessionId), 'SESSION_EXPIRED', message);
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', closed_because: 'nobody decided it within 60 minutes' });
    expect(await requestStatus(requestId)).toBe('expired');
    expect((await auditOfSession(t, sessionId)).map((row) => row.kind)).toEqual(['approval_requested', 'approval_expired']);
    // Asked again, the record tells the same.
    await expectRefused(await collect(sessionId), 'SESSION_EXPIRED', message);
  });

  it.each([{ noticedBy: 'the collect' }, { noticedBy: 'the sweeper' }])('an approval not collected in time says who approved it (noticed by $noticedBy)', async ({ noticedBy }) => {
    const { sessionId, requestId } = await approved();
    await uncollected(requestId);
    if (noticedBy === 'the sweeper') await sweepSessions(t.db, { identity: t.identity });
    const message = `Session ${sessionId} lapsed: Marcus Webb approved it, but its token was not collected within the 15 minutes an approval holds. Start a new session if you still need one; a manager approves it again.`;
    await expectRefused(await collect(sessionId), 'SESSION_EXPIRED', message);
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', token_hash: null, closed_because: 'the agent did not collect the session token within 15 minutes' });
    expect((await auditOfSession(t, sessionId)).map((row) => row.kind)).toEqual(['approval_requested', 'approval_granted', 'approval_expired']);
    await expectRefused(await collect(sessionId), 'SESSION_EXPIRED', message);
  });
});

describe('a start closed because it no longer held says why, from the record', () => {
  it('closed when the customer said never', async () => {
    const { sessionId } = await approved('usr_carlos');
    await t.execute(ImpSetSupportAccess, { as: 'usr_alice', variables: { value: 'never' } });
    await expectRefused(
      await collect(sessionId),
      'FORBIDDEN',
      `Session ${sessionId} was closed before it started because Umbrella Labs asked that support never enter their account. There is no token to collect; start a new session only if the rules now allow it.`,
    );
  });

  it('closed when the manager approved it after the agent lost the role', async () => {
    const { sessionId, requestId } = await ask();
    await sql`update staff set roles = array[]::text[] where id = 'stf_sarah'`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(body.errors?.[0]?.message).toMatch(/^This request can no longer be approved/);
    await sql`update staff set roles = array['support_agent']::text[] where id = 'stf_sarah'`.execute(t.db);
    await expectRefused(
      await collect(sessionId),
      'FORBIDDEN',
      `Session ${sessionId} was closed before it started because it no longer holds: Sarah Lee may no longer start impersonation sessions. There is no token to collect; start a new session only if the rules now allow it.`,
    );
  });

  it('closed when collected after the customer became an admin, and the same words the next time', async () => {
    const { sessionId } = await approved('usr_carlos');
    await sql`update users set role = 'admin' where id = 'usr_carlos'`.execute(t.db);
    try {
      const message = new RegExp(
        `^Session ${sessionId} was closed before it started because it no longer holds: The customer's account changed since the request \\(the user is the account's admin\\); start a new session so a manager approves it as it is now\\. There is no token to collect; start a new session only if the rules now allow it\\.$`,
      );
      await expectRefused(await collect(sessionId), 'FORBIDDEN', message);
      expect((await sessionRow(t, sessionId)).status).toBe('refused');
      await expectRefused(await collect(sessionId), 'FORBIDDEN', message);
    } finally {
      await sql`update users set role = 'member' where id = 'usr_carlos'`.execute(t.db);
    }
  });
});

import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/index.js';
import { closeSessionsOfOptedOutAccount } from '../../src/impersonation/close-account-sessions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import type { DomainTables } from '../../src/domain/database.js';
import {
  auditKindsOfSession,
  auditOfSession,
  codeOf,
  endOpenSessions,
  ImpApprove,
  ImpClaim,
  ImpMe,
  ImpSetSupportAccess,
  messageOf,
  openSession,
  sessionRow,
  start,
  withSession,
} from './sessions.js';

/**
 * An approved start is a promise made under yesterday's facts. Deciding it and collecting its
 * token check the start rules again, as they are now; a customer who says "never" closes
 * every session of the account at once.
 */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await sql`update accounts set support_access = 'ask_first', sensitive = false where id = 'acc_umbrella'`.execute(t.db);
  await sql`update accounts set support_access = 'allow' where id = 'acc_acme'`.execute(t.db);
  await sql`update staff set roles = array['support_agent']::text[], active = true where id = 'stf_leo'`.execute(t.db);
  await endOpenSessions(t);
});

const requestRow = (id: string) => t.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Agent2 (Leo Park) asks to enter as Carlos (Umbrella asks to be asked first). */
async function askForCarlos(): Promise<{ sessionId: string; requestId: string }> {
  const { body } = await start(t, { agent: 'agent2', userId: 'usr_carlos' });
  expect(body.errors).toBeUndefined();
  const payload = body.data?.startImpersonation;
  return { sessionId: payload?.session.id ?? '', requestId: payload?.approvalRequest?.id ?? '' };
}

/** The start was refused and its request closed, recorded, and nothing started. */
async function expectClosedUnstarted(sessionId: string, requestId: string, why: RegExp, granted = false): Promise<void> {
  expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', token_hash: null, started_at: null });
  expect((await requestRow(requestId)).status).toBe('expired');
  expect(await auditKindsOfSession(t, sessionId)).toEqual(['approval_requested', ...(granted ? ['approval_granted'] : []), 'approval_expired']);
  const closed = (await auditOfSession(t, sessionId)).find((row) => row.kind === 'approval_expired');
  expect(closed).toMatchObject({ actor_kind: 'system', subject_user_id: 'usr_carlos', account_id: 'acc_umbrella', decision: 'expired' });
  expect(closed?.summary).toMatch(why);
}

describe('the customer switches to never', () => {
  it('closes a start waiting for a manager, in the same change: the manager can no longer approve it', async () => {
    const { sessionId, requestId } = await askForCarlos();
    const switched = await t.execute(ImpSetSupportAccess, { as: 'usr_alice', variables: { value: 'never' } });
    expect(switched.body.data?.setSupportAccess.supportAccess).toBe('never');
    await expectClosedUnstarted(sessionId, requestId, /^Warden closed Leo Park's request to open a read-only session of 30 minutes \(approval needed: the customer asked to be asked first\) as Carlos Oliveira \(Umbrella Labs\): Umbrella Labs asked that support never enter their account$/);

    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(approved.body)).toBe('BAD_USER_INPUT');
    const claimed = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(claimed.body.data ?? null).toBeNull();
    expect(codeOf(claimed.body)).toBe('FORBIDDEN');
    expect(messageOf(claimed.body)).toMatch(/was closed before it started because Umbrella Labs asked that support never enter their account\./);
  });

  it('closes an approved start nobody collected yet', async () => {
    const { sessionId, requestId } = await askForCarlos();
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    await t.execute(ImpSetSupportAccess, { as: 'usr_alice', variables: { value: 'never' } });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'refused', token_hash: null });
    expect((await requestRow(requestId)).status).toBe('expired');
    const claimed = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(claimed.body.data ?? null).toBeNull();
  });

  it('ends an active session at once (target_changed, with its end record), and its token stops working', async () => {
    const { sessionId, token } = await openSession(t, { userId: 'usr_tom' });
    await t.execute(ImpSetSupportAccess, { as: 'customer', variables: { value: 'never' } });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'target_changed' });
    const ended = (await auditOfSession(t, sessionId)).filter((row) => row.kind === 'session_revoked');
    expect(ended).toHaveLength(1);
    expect(ended[0]?.summary).toMatch(/^Warden closed \(the customer's account changed\) the session as Tom Baker \(Acme Co\) after 0 minutes: "Acme Co asked that support never enter their account"$/);
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(body)).toBe('SESSION_EXPIRED');
    expect(body.data ?? null).toBeNull();
  });

  it('leaves other accounts’ sessions alone', async () => {
    const { sessionId } = await openSession(t, { userId: 'usr_tom' });
    await t.execute(ImpSetSupportAccess, { as: 'usr_alice', variables: { value: 'never' } });
    expect((await sessionRow(t, sessionId)).status).toBe('active');
  });
});

describe('a start racing an opt-out', () => {
  // Two connections at once: the embedded database has one.
  it.skipIf(inject('databaseUrl') === null)('waits for the opt-out being made to the account, then sees it and refuses', async () => {
    // The customer's opt-out, in flight, as the account service makes it: the row changed and
    // the account's turn taken (closing its sessions takes it), not yet committed.
    const optOut = await t.db.startTransaction().execute();
    try {
      await optOut.withTables<DomainTables>().updateTable('accounts').set({ support_access: 'never' }).where('id', '=', 'acc_acme').execute();
      await closeSessionsOfOptedOutAccount(optOut, { id: 'acc_acme', name: 'Acme Co' }, { actor: SYSTEM_ACTOR });
      const starting = start(t, { userId: 'usr_tom' });
      await waitForLockWaiter(t.database.url);
      await optOut.commit().execute();
      const { body } = await starting;
      expect(codeOf(body)).toBe('FORBIDDEN');
      expect(messageOf(body)).toMatch(/never/i);
      expect(await t.db.selectFrom('impersonation_sessions').select('id').where('user_id', '=', 'usr_tom').where('status', 'in', ['active', 'approved', 'pending_approval']).execute()).toEqual([]);
    } finally {
      await optOut.rollback().execute().catch(() => undefined);
    }
  });

  it.skipIf(inject('databaseUrl') === null)('control: without the opt-out taking the account\'s turn, the start does not wait and gets in', async () => {
    const optOut = await t.db.startTransaction().execute();
    try {
      await optOut.withTables<DomainTables>().updateTable('accounts').set({ support_access: 'never' }).where('id', '=', 'acc_acme').execute();
      const { body } = await start(t, { userId: 'usr_tom' });
      expect(codeOf(body)).toBeUndefined();
    } finally {
      await optOut.rollback().execute();
      await endOpenSessions(t);
    }
  });
});

/** Until another backend waits for a lock: the start has come up to the account's turn and stopped there. */
async function waitForLockWaiter(url: string | null): Promise<void> {
  const client = new pg.Client({ connectionString: url ?? undefined });
  await client.connect();
  try {
    for (let i = 0; i < 200; i += 1) {
      const waiting = await client.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
      if (waiting.rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the start never waited for the account');
  } finally {
    await client.end();
  }
}

describe('a manager approving a start checks the rules as they are now', () => {
  it('refuses to approve when the account said never meanwhile (however it changed), and closes the request', async () => {
    const { sessionId, requestId } = await askForCarlos();
    await sql`update accounts set support_access = 'never' where id = 'acc_umbrella'`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/^This request can no longer be approved: Umbrella Labs has asked that support never enter their account/);
    await expectClosedUnstarted(sessionId, requestId, /it no longer holds: Umbrella Labs has asked that support never enter/);
  });

  it("refuses to approve an agent whose roles were removed after asking", async () => {
    const { sessionId, requestId } = await askForCarlos();
    await sql`update staff set roles = array[]::text[] where id = 'stf_leo'`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/Leo Park may no longer start impersonation sessions/);
    await expectClosedUnstarted(sessionId, requestId, /Leo Park may no longer start impersonation sessions/);
  });

  it('refuses to approve a deactivated agent', async () => {
    const { sessionId, requestId } = await askForCarlos();
    await sql`update staff set active = false where id = 'stf_leo'`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    await expectClosedUnstarted(sessionId, requestId, /Leo Park may no longer start impersonation sessions/);
  });

  it('refuses to approve when the start now needs approval for a reason the request did not give', async () => {
    const { sessionId, requestId } = await askForCarlos();
    await sql`update accounts set sensitive = true where id = 'acc_umbrella'`.execute(t.db);
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(messageOf(body)).toMatch(/The customer's account changed since the request \(the account is flagged sensitive\)/);
    await expectClosedUnstarted(sessionId, requestId, /the account is flagged sensitive/);
  });

  it('control: nothing changed, the approval goes through', async () => {
    const { requestId } = await askForCarlos();
    const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(body.data?.approveRequest.status).toBe('approved');
  });
});

describe('collecting an approved start checks the rules as they are now', () => {
  async function approvedForCarlos() {
    const asked = await askForCarlos();
    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: asked.requestId } });
    expect(approved.body.data?.approveRequest.status).toBe('approved');
    return asked;
  }

  it('refuses the token when the account said never meanwhile, and records no start', async () => {
    const { sessionId, requestId } = await approvedForCarlos();
    await sql`update accounts set support_access = 'never' where id = 'acc_umbrella'`.execute(t.db);
    const { body } = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toMatch(/^Session ses_\S+ was closed before it started because it no longer holds: Umbrella Labs has asked that support never enter/);
    expect(body.data ?? null).toBeNull();
    await expectClosedUnstarted(sessionId, requestId, /it no longer holds/, true);
    // The customer's history says nobody entered.
    const history = await t.db.selectFrom('impersonation_sessions').select('id').where('account_id', '=', 'acc_umbrella').where('started_at', 'is not', null).execute();
    expect(history).toEqual([]);
  });

  it('refuses the token to an agent whose roles were removed after asking', async () => {
    const { sessionId, requestId } = await approvedForCarlos();
    await sql`update staff set roles = array[]::text[] where id = 'stf_leo'`.execute(t.db);
    const { body } = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toMatch(/Leo Park may no longer start impersonation sessions/);
    await expectClosedUnstarted(sessionId, requestId, /Leo Park may no longer start/, true);
  });

  it('refuses the token when the customer became the account’s admin after the approval', async () => {
    const { sessionId, requestId } = await approvedForCarlos();
    await sql`update users set role = 'admin' where id = 'usr_carlos'`.execute(t.db);
    try {
      const { body } = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
      expect(codeOf(body)).toBe('FORBIDDEN');
      expect(messageOf(body)).toMatch(/the user is the account's admin/);
      await expectClosedUnstarted(sessionId, requestId, /the user is the account's admin/, true);
    } finally {
      await sql`update users set role = 'member' where id = 'usr_carlos'`.execute(t.db);
    }
  });

  it('control: nothing changed, the token is issued', async () => {
    const { sessionId } = await approvedForCarlos();
    const { body } = await t.execute(ImpClaim, { as: 'agent2', variables: { sessionId } });
    expect(body.data?.claimImpersonation.token).toMatch(/^wimp_/);
  });
});

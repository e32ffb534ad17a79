import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditKindsOfSession,
  auditOfSession,
  codeOf,
  endOpenSessions,
  endSessionAs,
  ImpEnd,
  ImpMe,
  ImpMine,
  ImpRevoke,
  ImpStart,
  messageOf,
  moveClocks,
  openSession,
  outboxRows,
  sessionRow,
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

const endRecords = (sessionId: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('kind', 'in', ['session_ended', 'session_expired', 'session_revoked'])
    .execute();

describe('ending a session', () => {
  it('endImpersonation writes session_ended and the token stops working', async () => {
    const { sessionId, token } = await openSession(t);
    expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');

    const ended = await t.execute(ImpEnd, { as: 'agent', variables: { sessionId } });
    expect(ended.body.data?.endImpersonation).toEqual({ id: sessionId, status: 'ended', endReason: 'ended' });
    const [record, ...more] = await endRecords(sessionId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ kind: 'session_ended', actor_id: 'stf_sarah', decision: 'ended', subject_user_id: 'usr_tom' });
    expect(record?.summary).toMatch(/^Agent Sarah Lee ended the session as Tom Baker \(Acme Co\) after 0 minutes$/);

    const after = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(after.body)).toBe('SESSION_EXPIRED');
    expect(after.body.data ?? null).toBeNull();
    expect(messageOf(after.body)).toMatch(/has ended/);

    // Ending again changes nothing and writes no second record.
    await t.execute(ImpEnd, { as: 'agent', variables: { sessionId } });
    expect(await endRecords(sessionId)).toHaveLength(1);
  });

  it("an agent cannot end another agent's session", async () => {
    const { sessionId, token } = await openSession(t);
    const { body } = await t.execute(ImpEnd, { as: 'agent2', variables: { sessionId } });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect((await sessionRow(t, sessionId)).status).toBe('active');
    expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');
  });

  it('a manager revokes a session with a reason: session_revoked, and the token stops working', async () => {
    const { sessionId, token } = await openSession(t);
    const noReason = await t.execute(ImpEnd, { as: 'manager', variables: { sessionId } });
    expect(codeOf(noReason.body)).toBe('BAD_USER_INPUT');
    const byAgent = await t.execute(ImpRevoke, { as: 'agent2', variables: { sessionId, reason: 'I would like to stop this session' } });
    expect(codeOf(byAgent.body)).toBe('FORBIDDEN');
    expect((await sessionRow(t, sessionId)).status).toBe('active');

    const revoked = await t.execute(ImpRevoke, { as: 'manager', variables: { sessionId, reason: 'Ticket was closed by the customer' } });
    expect(revoked.body.data?.revokeImpersonation).toEqual({ id: sessionId, status: 'ended', endReason: 'revoked' });
    const [record, ...more] = await endRecords(sessionId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ kind: 'session_revoked', actor_id: 'stf_marcus', decision: 'revoked', reason: 'Ticket was closed by the customer' });
    expect((await sessionRow(t, sessionId)).ended_by).toBe('stf_marcus');

    const after = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(after.body)).toBe('SESSION_EXPIRED');
    expect(messageOf(after.body)).toBe('A manager revoked this impersonation session.');
  });
});

describe('the token is bound to its agent', () => {
  it("refuses another agent's bearer with this session token, and leaves the session untouched", async () => {
    const { sessionId, token } = await openSession(t);
    const before = await sessionRow(t, sessionId);
    const deniedBefore = await t.db.selectFrom('audit_events').select('occurred_at').where('kind', '=', 'access_denied').where('actor_id', '=', 'stf_leo').execute();

    const { body } = await t.execute(ImpMe, { as: 'agent2', headers: withSession(token) });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    expect(body.extensions?.['impersonation']).toBeUndefined();

    const after = await sessionRow(t, sessionId);
    expect(after).toEqual(before);
    const deniedAfter = await t.db.selectFrom('audit_events').selectAll().where('kind', '=', 'access_denied').where('actor_id', '=', 'stf_leo').orderBy('occurred_at').execute();
    expect(deniedAfter).toHaveLength(deniedBefore.length + 1);
    expect(deniedAfter.at(-1)?.session_id).toBe(sessionId);
    // Its own agent still uses it.
    expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');
  });

  it('refuses the session token without a bearer token, and a token Warden never issued', async () => {
    const { token } = await openSession(t);
    const bare = await t.execute(ImpMe, { as: null, headers: withSession(token) });
    expect(codeOf(bare.body)).toBe('UNAUTHENTICATED');
    const forged = await t.execute(ImpMe, { as: 'agent', headers: withSession(`wimp_${'A'.repeat(43)}`) });
    expect(codeOf(forged.body)).toBe('SESSION_EXPIRED');
    const junk = await t.execute(ImpMe, { as: 'agent', headers: withSession('hello') });
    expect(codeOf(junk.body)).toBe('SESSION_EXPIRED');
  });
});

describe('time limits', () => {
  it('each use pushes the idle limit back (never past the hard limit)', async () => {
    const { sessionId, token } = await openSession(t);
    await moveClocks(t, sessionId, { idle: 1 });
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    const row = await sessionRow(t, sessionId);
    const idleLeft = (row.idle_expires_at?.getTime() ?? 0) - (row.last_seen_at?.getTime() ?? 0);
    expect(idleLeft).toBe(15 * 60_000);

    await moveClocks(t, sessionId, { hard: 5 });
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    const capped = await sessionRow(t, sessionId);
    expect(capped.idle_expires_at).toEqual(capped.expires_at);
  });

  it('a use within 15 s of the idle limit last moving reads the session and writes nothing to it', async () => {
    const { sessionId, token } = await openSession(t);
    const version = async () => (await sql<{ xmin: string }>`select xmin::text from impersonation_sessions where id = ${sessionId}`.execute(t.db)).rows[0]?.xmin;
    // Just started: its idle limit is a full 15 minutes from its start.
    const before = await sessionRow(t, sessionId);
    const versionBefore = await version();
    for (let i = 0; i < 3; i++) expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');
    expect(await version()).toBe(versionBefore);
    expect(await sessionRow(t, sessionId)).toEqual(before);

    // 10 s behind a full idle time: still within the slack.
    await sql`update impersonation_sessions set idle_expires_at = now() + interval '14 minutes 50 seconds' where id = ${sessionId}`.execute(t.db);
    const within = await version();
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(await version()).toBe(within);

    // 20 s behind: the use moves it to a full idle time from now.
    await sql`update impersonation_sessions set idle_expires_at = now() + interval '14 minutes 40 seconds' where id = ${sessionId}`.execute(t.db);
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    const moved = await sessionRow(t, sessionId);
    expect((moved.idle_expires_at?.getTime() ?? 0) - (moved.last_seen_at?.getTime() ?? 0)).toBe(15 * 60_000);
    expect(moved.last_seen_at?.getTime()).toBeGreaterThan(before.last_seen_at?.getTime() ?? Infinity);
  });

  it('a use brings an idle limit set under a longer idle time down to a full idle time from now', async () => {
    const { sessionId, token } = await openSession(t);
    // As if set while WARDEN_SESSION_IDLE_MINUTES was 20: five minutes past where a use now sets it.
    await sql`update impersonation_sessions set idle_expires_at = least(now() + interval '20 minutes', expires_at) where id = ${sessionId}`.execute(t.db);
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    const row = await sessionRow(t, sessionId);
    expect((row.idle_expires_at?.getTime() ?? 0) - (row.last_seen_at?.getTime() ?? 0)).toBe(15 * 60_000);
  });

  it.each([
    ['idle', { idle: -1 }, 'idle_timeout', /closed after being idle/],
    ['hard', { hard: -1 }, 'expired', /reached its time limit/],
  ] as const)('after %s expiry the next request gets SESSION_EXPIRED and an end record is written', async (_name, clocks, how, message) => {
    const { sessionId, token } = await openSession(t);
    await moveClocks(t, sessionId, clocks);

    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(body)).toBe('SESSION_EXPIRED');
    expect(messageOf(body)).toMatch(message);
    expect(body.data ?? null).toBeNull();

    const row = await sessionRow(t, sessionId);
    expect(row).toMatchObject({ status: 'ended', end_reason: how });
    const [record, ...more] = await endRecords(sessionId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ kind: 'session_expired', actor_kind: 'system', decision: how });
    expect(record?.details).toMatchObject({ how });

    // Asking again refuses again and writes nothing more.
    const again = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(again.body)).toBe('SESSION_EXPIRED');
    expect(await endRecords(sessionId)).toHaveLength(1);
  });
});

describe('the sweeper', () => {
  it('ends timed-out sessions nobody touched, with their end records, and leaves live ones', async () => {
    const idle = await openSession(t, { agent: 'agent' });
    const hard = await openSession(t, { agent: 'agent2' });
    const live = await openSession(t, { agent: 'manager2' });
    await moveClocks(t, idle.sessionId, { idle: -1 });
    await moveClocks(t, hard.sessionId, { hard: -2, idle: -1 });

    expect(await sweepSessions(t.db, { identity: t.identity })).toBe(2);

    expect(await sessionRow(t, idle.sessionId)).toMatchObject({ status: 'ended', end_reason: 'idle_timeout' });
    expect(await sessionRow(t, hard.sessionId)).toMatchObject({ status: 'ended', end_reason: 'expired' });
    expect(await sessionRow(t, live.sessionId)).toMatchObject({ status: 'active', end_reason: null });
    expect((await endRecords(idle.sessionId)).map((r) => [r.kind, r.decision])).toEqual([['session_expired', 'idle_timeout']]);
    expect((await endRecords(hard.sessionId)).map((r) => [r.kind, r.decision])).toEqual([['session_expired', 'expired']]);
    expect(await endRecords(live.sessionId)).toEqual([]);
    const endedKeys = (await outboxRows(t, 'session_ended')).map((r) => r.idempotency_key);
    expect(endedKeys).toEqual(expect.arrayContaining([`session_ended:${idle.sessionId}`, `session_ended:${hard.sessionId}`]));

    expect(await sweepSessions(t.db, { identity: t.identity })).toBe(0);
    expect(codeOf((await t.execute(ImpMe, { as: 'agent', headers: withSession(idle.token) })).body)).toBe('SESSION_EXPIRED');
    expect(await endRecords(idle.sessionId)).toHaveLength(1);
  });

  it('run concurrently (as on several instances), ends each session exactly once', async () => {
    const agents = Array.from({ length: 8 }, (_, i) => ({ sub: `stf_sweep_${i}`, kind: 'staff' as const, name: `Sweep Agent ${i}`, roles: ['support_agent' as const] }));
    await t.db
      .insertInto('staff')
      .values(agents.map((a) => ({ id: a.sub, name: a.name, email: `${a.sub}@warden.example`, roles: ['support_agent'] })))
      .execute();
    const ids: string[] = [];
    for (const agent of agents) {
      const token = await t.tokenFor(agent);
      const { sessionId } = await openSession(t, { bearer: token });
      ids.push(sessionId);
    }
    await sql`update impersonation_sessions set idle_expires_at = now() - interval '1 minute' where id in (${sql.join(ids)})`.execute(t.db);

    const counts = await Promise.all([sweepSessions(t.db, { identity: t.identity }), sweepSessions(t.db, { identity: t.identity }), sweepSessions(t.db, { identity: t.identity })]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
    for (const id of ids) {
      expect(await sessionRow(t, id)).toMatchObject({ status: 'ended', end_reason: 'idle_timeout' });
      expect(await endRecords(id), id).toHaveLength(1);
    }
  });
});

describe("the agent's open session", () => {
  it.each([
    ['expires_at', 'expired', 'session_expired'],
    ['idle_expires_at', 'idle_timeout', 'session_expired'],
  ] as const)('one past its %s is ended when the agent asks for it, recorded, and not shown open', async (column, reason, kind) => {
    const { sessionId } = await openSession(t);
    const before = await t.execute(ImpMine, { as: 'agent' });
    expect(before.body.data?.myImpersonationSession).toEqual({ id: sessionId, status: 'active' });

    await sql`update impersonation_sessions set ${sql.ref(column)} = now() - interval '1 second' where id = ${sessionId}`.execute(t.db);
    const after = await t.execute(ImpMine, { as: 'agent' });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.myImpersonationSession).toBeNull();
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: reason });
    expect((await endRecords(sessionId)).map((r) => r.kind)).toEqual([kind]);
  });
});

describe('a session ends when its reasons to exist do', () => {
  it('an agent who lost the support_agent role is denied on the next request, and the session ends (role_lost)', async () => {
    const { sessionId, token } = await openSession(t, { agent: 'agent2' });
    await sql`update staff set roles = array[]::text[] where id = 'stf_leo'`.execute(t.db);
    try {
      const { body } = await t.execute(ImpMe, { as: 'agent2', headers: withSession(token) });
      expect(codeOf(body)).toBe('SESSION_EXPIRED');
      expect(messageOf(body)).toMatch(/no longer hold a role that may impersonate/);
      expect(body.data ?? null).toBeNull();
      expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'role_lost' });
      expect((await endRecords(sessionId)).map((r) => [r.kind, r.decision])).toEqual([['session_revoked', 'role_lost']]);
    } finally {
      await sql`update staff set roles = array['support_agent']::text[] where id = 'stf_leo'`.execute(t.db);
    }
    // Getting the role back does not bring the session back.
    const again = await t.execute(ImpMe, { as: 'agent2', headers: withSession(token) });
    expect(codeOf(again.body)).toBe('SESSION_EXPIRED');
  });

  it.each([
    ['the account becomes sensitive', sql`update accounts set sensitive = true where id = 'acc_acme'`, sql`update accounts set sensitive = false where id = 'acc_acme'`],
    ['the target becomes an admin', sql`update users set role = 'admin' where id = 'usr_tom'`, sql`update users set role = 'member' where id = 'usr_tom'`],
    ['the customer opts out', sql`update accounts set support_access = 'never' where id = 'acc_acme'`, sql`update accounts set support_access = 'allow' where id = 'acc_acme'`],
    // Started without a manager's approval, which a start now needs.
    ['the customer asks to be asked first', sql`update accounts set support_access = 'ask_first' where id = 'acc_acme'`, sql`update accounts set support_access = 'allow' where id = 'acc_acme'`],
  ])('when %s mid-session, the next request is refused and the session ends (target_changed)', async (_name, change, undo) => {
    const { sessionId, token } = await openSession(t);
    expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(token) })).body.data?.me?.id).toBe('usr_tom');
    await change.execute(t.db);
    try {
      const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
      expect(codeOf(body)).toBe('SESSION_EXPIRED');
      expect(messageOf(body)).toMatch(/the customer's account changed/);
      expect(body.data ?? null).toBeNull();
      expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'target_changed' });
      expect((await endRecords(sessionId)).map((r) => [r.kind, r.decision])).toEqual([['session_revoked', 'target_changed']]);
    } finally {
      await undo.execute(t.db);
    }
  });
});

describe('the sweeper ends sessions nobody uses once their reasons to exist are gone', () => {
  it.each([
    ['the agent is deactivated', 'role_lost', 'session_revoked', sql`update staff set active = false where id = 'stf_leo'`],
    ['the agent loses the support_agent role', 'role_lost', 'session_revoked', sql`update staff set roles = array['support_manager']::text[] where id = 'stf_leo'`],
    ['the account opts out', 'target_changed', 'session_revoked', sql`update accounts set support_access = 'never' where id = 'acc_acme'`],
    ['the account asks to be asked first', 'target_changed', 'session_revoked', sql`update accounts set support_access = 'ask_first' where id = 'acc_acme'`],
    ['the account becomes sensitive', 'target_changed', 'session_revoked', sql`update accounts set sensitive = true where id = 'acc_acme'`],
    ['the customer becomes an admin', 'target_changed', 'session_revoked', sql`update users set role = 'admin' where id = 'usr_tom'`],
  ])('when %s, the session ends (%s) with its end record', async (_name, reason, kind, change) => {
    const { sessionId } = await openSession(t, { agent: 'agent2' });
    const control = await openSession(t, { agent: 'manager2', userId: 'usr_carlos' });
    await change.execute(t.db);
    try {
      expect(await sweepSessions(t.db, { identity: t.identity })).toBe(1);
      expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: reason });
      expect((await endRecords(sessionId)).map((r) => [r.kind, r.decision, r.actor_kind])).toEqual([[kind, reason, 'system']]);
      // A session in another account, of another agent, goes on.
      expect((await sessionRow(t, control.sessionId)).status).toBe('active');
      expect(await sweepSessions(t.db, { identity: t.identity })).toBe(0);
    } finally {
      await sql`update staff set active = true, roles = array['support_agent']::text[] where id = 'stf_leo'`.execute(t.db);
      await sql`update accounts set support_access = 'allow', sensitive = false where id = 'acc_acme'`.execute(t.db);
      await sql`update users set role = 'member' where id = 'usr_tom'`.execute(t.db);
    }
  });
});

describe('two gateway instances over one database', () => {
  it('a session started and ended in instance A is refused in instance B at once', async () => {
    const b = await startTestGateway({}, { database: t.database, realSessions: true });
    try {
      const { sessionId, token } = await openSession(t);
      // B knows nothing but the database, and the token works there with the agent's credential.
      const inB = await b.execute(ImpMe, { as: 'agent', headers: withSession(token) });
      expect(inB.body.data?.me?.id).toBe('usr_tom');
      expect((inB.body.extensions?.['impersonation'] as { sessionId: string }).sessionId).toBe(sessionId);

      await endSessionAs(t, 'agent', sessionId);
      const afterEnd = await b.execute(ImpMe, { as: 'agent', headers: withSession(token) });
      expect(codeOf(afterEnd.body)).toBe('SESSION_EXPIRED');
      expect(afterEnd.body.data ?? null).toBeNull();
    } finally {
      await b.close();
    }
  });

  it('a session revoked in B is refused in A, and one open session per agent holds across both', async () => {
    const b = await startTestGateway({}, { database: t.database, realSessions: true });
    try {
      const { sessionId, token } = await openSession(t);
      const secondInB = await b.execute(ImpStart, {
        as: 'agent',
        variables: { input: { userId: 'usr_lena', reason: 'Billing contact cannot see the March invoice PDF download link', ticket: 'SUP-77' } },
      });
      expect(codeOf(secondInB.body)).toBe('FORBIDDEN');
      expect(messageOf(secondInB.body)).toMatch(new RegExp(`^An agent has one session open at a time: session ${sessionId} as Tom Baker \\(Acme Co\\) is open\\.`));

      const revoked = await b.execute(ImpRevoke, { as: 'manager', variables: { sessionId, reason: 'Agent asked to close it remotely' } });
      expect(revoked.body.errors).toBeUndefined();
      const inA = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
      expect(codeOf(inA.body)).toBe('SESSION_EXPIRED');
      // The refused use in A is recorded too, on the session.
      expect(await auditKindsOfSession(t, sessionId)).toEqual(['session_started', 'session_revoked', 'access_denied']);
    } finally {
      await b.close();
    }
  });
});

describe('the audit trail of a session', () => {
  it('has one start and one end, the end after the start', async () => {
    const { sessionId, token } = await openSession(t);
    await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    await endSessionAs(t, 'agent', sessionId);
    const rows = await auditOfSession(t, sessionId);
    const lifecycle = rows.filter((r) => r.kind.startsWith('session_'));
    expect(lifecycle.map((r) => r.kind)).toEqual(['session_started', 'session_ended']);
    expect(lifecycle[0]?.occurred_at.getTime()).toBeLessThan(lifecycle[1]?.occurred_at.getTime() ?? 0);
  });
});

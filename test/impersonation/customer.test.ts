import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { MASKS } from '../../src/policy/masks.js';
import { newRequestId } from '../audit/audit-support.js';
import {
  codeOf,
  endOpenSessions,
  endSessionAs,
  GOOD_REASON,
  ImpMe,
  ImpSetSupportAccess,
  ImpSetTaxRate,
  messageOf,
  moveClocks,
  openSession,
  putPolicyInForce,
  start,
  withSession,
} from './sessions.js';

const ImpAccessHistory = graphql(`
  query ImpAccessHistory($first: Int!, $after: String) {
    accessHistory(first: $first, after: $after) {
      edges {
        cursor
        node {
          sessionId
          agentName
          userId
          userName
          reason
          ticket
          mode
          startedAt
          endedAt
          endReason
          howItEnded
          minutes
          changes
          summary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
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
  await sql`update accounts set support_access = 'allow' where id = 'acc_acme'`.execute(t.db);
});

describe('the customer decides whether support may enter', () => {
  it('never: a start is refused; allow again: it works', async () => {
    const set = await t.execute(ImpSetSupportAccess, { as: 'customer', variables: { value: 'never' } });
    expect(set.body.data?.setSupportAccess).toEqual({ id: 'acc_acme', supportAccess: 'never' });
    const record = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type_field', '=', 'Mutation.setSupportAccess')
      .where('actor_id', '=', 'usr_jane')
      .executeTakeFirstOrThrow();
    expect(record.summary).toBe('Jane Doe changed the support access from allowed to never on the support access setting in account Acme Co');

    const refused = await start(t, { userId: 'usr_tom' });
    expect(codeOf(refused.body)).toBe('FORBIDDEN');
    expect(messageOf(refused.body)).toMatch(/^Acme Co has asked that support never enter their account/);
    expect(await t.db.selectFrom('impersonation_sessions').select('id').where('account_id', '=', 'acc_acme').execute()).toEqual([]);

    await t.execute(ImpSetSupportAccess, { as: 'customer', variables: { value: 'allow' } });
    const allowed = await start(t, { userId: 'usr_tom' });
    expect(allowed.body.data?.startImpersonation.session.status).toBe('active');
  });

  it('ask me first: a start waits for a manager', async () => {
    await t.execute(ImpSetSupportAccess, { as: 'customer', variables: { value: 'ask_first' } });
    const { body } = await start(t, { userId: 'usr_tom' });
    expect(body.data?.startImpersonation.token).toBeNull();
    expect(body.data?.startImpersonation.session.status).toBe('pending_approval');
  });

  it('only owners and admins decide', async () => {
    const { body } = await t.execute(ImpSetSupportAccess, { as: 'usr_tom', variables: { value: 'never' } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect((await t.demo.selectFrom('accounts').select('support_access').where('id', '=', 'acc_acme').executeTakeFirstOrThrow()).support_access).toBe('allow');
  });

  it('support acting as the owner cannot change it', async () => {
    const { token } = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpSetSupportAccess, { as: 'agent', headers: withSession(token), variables: { value: 'allow' } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
  });
});

describe("the account's access history", () => {
  const TAX_REASON = 'Owner reports the March invoice shows 20% VAT but their rate is 10% now';

  it('lists each visit in plain words, newest first, paginated, for that account only', async () => {
    // A database of its own: the other tests here visit Acme too.
    const h = await startTestGateway({}, { realSessions: true });
    try {
      // Visit 1: read-only as Tom, 12 minutes.
      const first = await openSession(h, { userId: 'usr_tom', ticket: 'SUP-101' });
      await h.execute(ImpMe, { as: 'agent', headers: withSession(first.token) });
      await endSessionAs(h, 'agent', first.sessionId);
      await sql`update impersonation_sessions set started_at = ended_at - interval '12 minutes' where id = ${first.sessionId}`.execute(h.db);

      // Visit 2: read-write as Jane, changes a tax rate; still open.
      const second = await openSession(h, { agent: 'agent2', userId: 'usr_jane', mode: 'read_write', ticket: 'SUP-202', reason: TAX_REASON });
      const changed = await h.execute(ImpSetTaxRate, { as: 'agent2', headers: withSession(second.token), variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 } } });
      expect(changed.body.errors).toBeUndefined();

      // Elsewhere: a visit to Globex, and a start that never happened.
      const globex = await openSession(h, { userId: 'usr_grace', ticket: 'SUP-303' });
      await endSessionAs(h, 'agent', globex.sessionId);
      await start(h, { agent: 'manager2', userId: 'usr_omar', ticket: 'SUP-404' });

      const page1 = await h.execute(ImpAccessHistory, { as: 'customer', variables: { first: 1 } });
      expect(page1.body.errors).toBeUndefined();
      const history1 = page1.body.data?.accessHistory;
      expect(history1?.pageInfo.hasNextPage).toBe(true);
      expect(history1?.edges).toHaveLength(1);
      const newest = history1?.edges[0]?.node;
      expect(newest).toMatchObject({
        sessionId: second.sessionId,
        agentName: 'Leo Park',
        userId: 'usr_jane',
        userName: 'Jane Doe',
        reason: TAX_REASON,
        ticket: 'SUP-202',
        mode: 'read_write',
        endedAt: null,
        howItEnded: null,
        minutes: null,
        changes: ['Agent Leo Park changed the tax rate from 20% to 10% on invoice ACME-2026-012 in account Acme Co'],
      });
      expect(newest?.summary).toMatch(
        new RegExp(
          `^Leo Park from support entered as Jane Doe on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d UTC \\(able to make approved changes\\) for ticket SUP-202 — "${TAX_REASON}" — and is still there\\. Changes: Agent Leo Park changed the tax rate from 20% to 10% on invoice ACME-2026-012 in account Acme Co\\.$`,
        ),
      );

      const page2 = await h.execute(ImpAccessHistory, { as: 'customer', variables: { first: 1, after: history1?.pageInfo.endCursor ?? null } });
      const history2 = page2.body.data?.accessHistory;
      expect(history2?.edges.map((e) => e.node.sessionId)).toEqual([first.sessionId]);
      expect(history2?.pageInfo.hasNextPage).toBe(false);
      expect(history2?.edges[0]?.node).toMatchObject({
        agentName: 'Sarah Lee',
        ticket: 'SUP-101',
        reason: GOOD_REASON,
        mode: 'read_only',
        endReason: 'ended',
        howItEnded: 'the agent ended the visit',
        minutes: 12,
        changes: [],
      });
      expect(history2?.edges[0]?.node.summary).toMatch(/\(read-only\) for ticket SUP-101 — ".+" — and stayed 12 minutes \(the agent ended the visit\)\. Nothing was changed\.$/);

      // Any user of the account sees the same slice; another account sees only its own.
      const tom = await h.execute(ImpAccessHistory, { as: 'usr_tom', variables: { first: 10 } });
      expect(tom.body.data?.accessHistory.edges.map((e) => e.node.sessionId)).toEqual([second.sessionId, first.sessionId]);
      const grace = await h.execute(ImpAccessHistory, { as: 'usr_grace', variables: { first: 10 } });
      expect(grace.body.data?.accessHistory.edges.map((e) => e.node.sessionId)).toEqual([globex.sessionId]);
      const initech = await h.execute(ImpAccessHistory, { as: 'usr_peter', variables: { first: 10 } });
      expect(initech.body.data?.accessHistory).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    } finally {
      await h.close();
    }
  });

  it('says in plain words how a visit that timed out ended', async () => {
    const { sessionId } = await openSession(t, { userId: 'usr_tom' });
    await moveClocks(t, sessionId, { idle: -1 });
    await sweepSessions(t.db, { identity: t.identity });
    const { body } = await t.execute(ImpAccessHistory, { as: 'usr_tom', variables: { first: 1 } });
    const visit = body.data?.accessHistory.edges[0]?.node;
    expect(visit).toMatchObject({ sessionId, endReason: 'idle_timeout', howItEnded: 'the visit closed by itself after the agent was idle' });
    expect(visit?.summary).toMatch(/and stayed 0 minutes \(the visit closed by itself after the agent was idle\)\. Nothing was changed\.$/);
  });

  it('says which user of the account the agent entered as, named as the account shows that user', async () => {
    // A database of its own: the other tests here visit Acme too, and this one changes the policy.
    const h = await startTestGateway({}, { realSessions: true, livePolicy: {} });
    try {
      const asTom = await openSession(h, { userId: 'usr_tom' });
      await endSessionAs(h, 'agent', asTom.sessionId);
      const asJane = await openSession(h, { agent: 'agent2', userId: 'usr_jane' });
      await endSessionAs(h, 'agent2', asJane.sessionId);

      // Omar, an admin of Acme, was entered as neither: he reads whose view support took.
      const requestId = newRequestId('access-history');
      const read = await h.execute(ImpAccessHistory, { as: 'usr_omar', variables: { first: 10 }, headers: { 'x-request-id': requestId } });
      expect(read.body.errors).toBeUndefined();
      const visits = read.body.data?.accessHistory.edges.map((e) => e.node) ?? [];
      expect(visits.map(({ sessionId, userId, userName }) => ({ sessionId, userId, userName }))).toEqual([
        { sessionId: asJane.sessionId, userId: 'usr_jane', userName: 'Jane Doe' },
        { sessionId: asTom.sessionId, userId: 'usr_tom', userName: 'Tom Baker' },
      ]);
      expect(visits[0]?.summary).toMatch(/^Leo Park from support entered as Jane Doe on /);
      expect(visits[1]?.summary).toMatch(/^Sarah Lee from support entered as Tom Baker on /);
      // The reading is on the trail, in the account's slice, as Omar's.
      const recorded = await h.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();
      expect(recorded.map((r) => [r.kind, r.actor_id, r.subject_user_id, r.account_id])).toEqual([['audit_read', 'usr_omar', 'usr_omar', 'acc_acme']]);

      // Control: where the policy shows customers User.name masked, the history names users the same way.
      await putPolicyInForce(h, (document) => {
        document.overrides['User.name'] = { ...document.overrides['User.name'], customer: 'mask' };
      });
      const masked = await h.execute(ImpAccessHistory, { as: 'usr_omar', variables: { first: 10 } });
      const maskedVisits = masked.body.data?.accessHistory.edges.map((e) => e.node) ?? [];
      const [jane, tom] = [MASKS.redact('Jane Doe'), MASKS.redact('Tom Baker')];
      expect(maskedVisits.map((v) => v.userName)).toEqual([jane, tom]);
      expect(maskedVisits[0]?.summary.startsWith(`Leo Park from support entered as ${jane} on `)).toBe(true);
      expect(masked.text).not.toContain('Jane Doe');
      expect(masked.text).not.toContain('Tom Baker');
    } finally {
      await h.close();
    }
  });

  it('is for the customer: not for staff, not for support acting as the customer', async () => {
    const staff = await t.execute(ImpAccessHistory, { as: 'manager', variables: { first: 5 } });
    expect(codeOf(staff.body)).toBe('FORBIDDEN');
    const { token } = await openSession(t, { userId: 'usr_tom' });
    const inSession = await t.execute(ImpAccessHistory, { as: 'agent', headers: withSession(token), variables: { first: 5 } });
    expect(codeOf(inSession.body)).toBe('FORBIDDEN');
    expect(inSession.body.data ?? null).toBeNull();
  });

  it('refuses a page size out of range and a cursor it did not give out', async () => {
    for (const first of [0, 101]) {
      const { body } = await t.execute(ImpAccessHistory, { as: 'customer', variables: { first } });
      expect(codeOf(body), String(first)).toBe('BAD_USER_INPUT');
    }
    const { body } = await t.execute(ImpAccessHistory, { as: 'customer', variables: { first: 5, after: 'bm90LWEtY3Vyc29y' } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
  });
});

import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  codeOf,
  endOpenSessions,
  GOOD_REASON,
  ImpApprove,
  ImpApprovePolicy,
  ImpClaim,
  ImpDelegate,
  ImpEnd,
  ImpMe,
  ImpMeBirthDate,
  ImpPublishPolicy,
  ImpRequestFields,
  ImpSetTaxRate,
  messageOf,
  moveClocks,
  openSession,
  outboxRows,
  putPolicyInForce,
  sessionRow,
  start,
  TICKET,
  withSession,
} from './sessions.js';

/**
 * `assistantsMayOpenSessions`: where the policy in force turns it on, an AI assistant opens a
 * read-only session of its own from a ticket, checked as a person's start is (docs/ai-assistants.md).
 */

const OwnHistory = graphql(`
  query OwnHistory {
    accessHistory(first: 20) {
      edges {
        node {
          sessionId
          agentName
          summary
        }
      }
    }
  }
`);

const OwnTimeline = graphql(`
  query OwnTimeline($agent: ID) {
    impersonationSessions(filter: { agent: $agent }) {
      sessionId
      agentName
      story
    }
  }
`);

const ASSISTANT = 'ast_triage';
const TOM = { name: 'Tom Baker', email: 'tom.baker@acme.example' };

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true, livePolicy: { pollMs: 60_000 } });
});
afterAll(() => t.close());
afterEach(async () => {
  await endOpenSessions(t);
  await t.db.deleteFrom('policy_versions').execute();
  await t.policyStore?.refresh();
});

const switchOn = () =>
  putPolicyInForce(t, (document) => {
    document.assistantsMayOpenSessions = true;
  });

const startOwn = (options: Parameters<typeof start>[1] = {}) => start(t, { agent: 'assistant', ...options });
const asAssistantIn = (token: string) => ({ as: 'assistant', headers: withSession(token) });

async function openOwn(): Promise<{ sessionId: string; token: string }> {
  const { body, text } = await startOwn();
  expect(body.errors, text).toBeUndefined();
  const payload = body.data?.startImpersonation;
  if (!payload?.token) throw new Error(`no session token: ${text}`);
  return { sessionId: payload.session.id, token: payload.token };
}

/** Every session the assistant holds, ever: a refused start adds none. */
const sessionCount = async () =>
  (await t.db.selectFrom('impersonation_sessions').select(sql<number>`count(*)::int`.as('n')).where('agent_id', '=', ASSISTANT).executeTakeFirstOrThrow()).n;
const openSessionsOfAssistant = () =>
  t.db.selectFrom('impersonation_sessions').select(['id', 'status']).where('agent_id', '=', ASSISTANT).where('status', 'in', ['pending_approval', 'approved', 'active']).execute();

const refusalsOf = (code: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('kind', 'in', ['access_denied', 'mutation_refused'])
    .where('actor_kind', '=', 'assistant')
    .where('actor_id', '=', ASSISTANT)
    .where(sql<boolean>`details->>'code' = ${code}`)
    .execute();

describe('with the switch off (the default)', () => {
  it('an assistant starting a session is refused ASSISTANT_NOT_PERMITTED, recorded, and nothing opens', async () => {
    expect(t.policyStore?.current().document.assistantsMayOpenSessions).toBe(false);
    const sessionsBefore = await sessionCount();
    const before = (await refusalsOf('ASSISTANT_NOT_PERMITTED')).length;
    const { body } = await startOwn();
    expect(codeOf(body)).toBe('ASSISTANT_NOT_PERMITTED');
    expect(body.data ?? null).toBeNull();
    expect(await sessionCount()).toBe(sessionsBefore);
    expect((await refusalsOf('ASSISTANT_NOT_PERMITTED')).length).toBe(before + 1);
  });
});

describe('turning the switch on', () => {
  it('loosens the policy, so it waits for a second security admin; until then assistants are refused', async () => {
    const document = structuredClone(loadBaselinePolicy());
    const sessionsBefore = await sessionCount();
    document.assistantsMayOpenSessions = true;
    const published = await t.execute(ImpPublishPolicy, {
      as: 'security',
      variables: { input: { document: JSON.stringify(document), reason: 'Triage assistants read tickets on their own from March' } },
    });
    const version = published.body.data?.publishPolicy;
    expect(version?.status).toBe('pending');
    expect(codeOf((await startOwn()).body)).toBe('ASSISTANT_NOT_PERMITTED');
    expect(await sessionCount()).toBe(sessionsBefore);

    const approved = await t.execute(ImpApprovePolicy, { as: 'security2', variables: { version: version?.version ?? -1 } });
    expect(approved.body.data?.approvePolicyVersion.status).toBe('active');
    await t.policyStore?.refresh();
    const opened = await startOwn();
    expect(opened.body.errors, opened.text).toBeUndefined();
    expect(opened.body.data?.startImpersonation.token).toMatch(/^wimp_/);
  });
});

describe('with the switch on', () => {
  // The outer afterEach puts the baseline back in force; each test here turns the switch on again.
  beforeEach(switchOn);

  it('opens a read-only session from a ticket, at once, recorded under its own name', async () => {
    const { body, text } = await startOwn();
    expect(body.errors, text).toBeUndefined();
    const payload = body.data?.startImpersonation;
    expect(payload).toMatchObject({ session: { status: 'active', mode: 'read_only' }, approvalRequest: null });
    const sessionId = payload?.session.id ?? '';
    expect(await sessionRow(t, sessionId)).toMatchObject({ agent_id: ASSISTANT, user_id: 'usr_tom', reason: GOOD_REASON, ticket: TICKET, mode: 'read_only' });

    const started = await t.db.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('kind', '=', 'session_started').executeTakeFirstOrThrow();
    expect(started).toMatchObject({ actor_kind: 'assistant', actor_id: ASSISTANT });
    expect(started.summary).toMatch(/^Assistant Triage-Bot started a read-only session as Tom Baker \(Acme Co\) for ticket SUP-1234/);
    expect(started.details['chain']).toEqual([
      { role: 'customer', id: 'usr_tom', name: TOM.name },
      { role: 'assistant', id: ASSISTANT, name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1' },
    ]);
    const notified = (await outboxRows(t, 'session_started')).filter((row) => JSON.stringify(row.payload).includes(sessionId));
    expect(JSON.stringify(notified.map((row) => row.payload))).toContain('Assistant Triage-Bot started a read-only session');
  });

  it("reads through the assistant's session column: pseudonyms, no sensitive field, every row naming it", async () => {
    const { sessionId, token } = await openOwn();
    const requestId = 'req-own-session-read-1';
    const me = await t.execute(ImpMe, { as: 'assistant', headers: { ...withSession(token), 'x-request-id': requestId } });
    expect(me.body.errors, me.text).toBeUndefined();
    expect(me.body.data?.me?.name).toMatch(/^person_[0-9a-f]{8}$/);
    expect(me.body.data?.me?.email).toMatch(/^email_[0-9a-f]{8}@masked\.invalid$/);
    for (const value of [TOM.name, TOM.email, 'Tom', 'Baker']) expect(me.text).not.toContain(value);
    expect(me.body.extensions?.['impersonation']).toMatchObject({ sessionId, agent: { id: ASSISTANT, name: 'Triage-Bot' }, mode: 'read_only', user: { name: me.body.data?.me?.name } });

    const rows = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ actor_kind: 'assistant', actor_id: ASSISTANT, session_id: sessionId, subject_user_id: 'usr_tom' });
      // A field a row of its own, or the request's public fields in one.
      expect(row.summary).toMatch(/^Assistant Triage-Bot read ([\w.]+ once \(\w+\)|\d+ public fields? \(shown\)) as Tom Baker \(Acme Co\)/);
    }

    const birth = await t.execute(ImpMeBirthDate, asAssistantIn(token));
    expect(birth.body.data?.me?.birthDate ?? null).toBeNull();
    expect(birth.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FIELD_DENIED']);
  });

  it('changes nothing: a write is refused before it runs, opens no approval request, and is recorded', async () => {
    const { token } = await openOwn();
    const taxRate = async () => (await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', 'inv_acme_012').executeTakeFirstOrThrow()).tax_rate_bp;
    const before = await taxRate();
    const refusedBefore = (await refusalsOf('APPROVAL_REQUIRED')).length;
    const { body } = await t.execute(ImpSetTaxRate, { ...asAssistantIn(token), variables: { input: { invoiceId: 'inv_acme_012', taxRate: 3 } } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(messageOf(body)).toMatch(/^An assistant's own session is read-only/);
    expect(body.data ?? null).toBeNull();
    expect(await taxRate()).toBe(before);
    expect(await t.db.selectFrom('approval_requests').select('id').where('requester_id', '=', ASSISTANT).execute()).toEqual([]);
    expect((await refusalsOf('APPROVAL_REQUIRED')).length).toBe(refusedBefore + 1);
  });

  it('never asks for grants, collects, delegates, approves or nests: ASSISTANT_NOT_PERMITTED (FORBIDDEN to nest), nothing changed', async () => {
    const { sessionId, token } = await openOwn();
    const inside = [
      await t.execute(ImpRequestFields, { ...asAssistantIn(token), variables: { input: { fields: ['User.birthDate'], reason: GOOD_REASON } } }),
      await t.execute(ImpDelegate, { ...asAssistantIn(token), variables: { sessionId, assistantId: 'ast_triage' } }),
      await t.execute(ImpClaim, { ...asAssistantIn(token), variables: { sessionId } }),
    ];
    const outside = [
      await t.execute(ImpDelegate, { as: 'assistant', variables: { sessionId, assistantId: 'ast_triage' } }),
      await t.execute(ImpClaim, { as: 'assistant', variables: { sessionId } }),
      await t.execute(ImpApprove, { as: 'assistant', variables: { id: 'apr_anything' } }),
    ];
    for (const attempt of [...inside, ...outside]) {
      expect(codeOf(attempt.body), attempt.text).toBe('ASSISTANT_NOT_PERMITTED');
      expect(attempt.body.data ?? null).toBeNull();
    }
    const nested = await startOwn({ headers: withSession(token), userId: 'usr_lena' });
    expect(codeOf(nested.body)).toBe('FORBIDDEN');
    expect(messageOf(nested.body)).toMatch(/^Sessions cannot nest/);
    expect(await t.db.selectFrom('approval_requests').select('id').where('requester_id', '=', ASSISTANT).execute()).toEqual([]);
    expect(await t.db.selectFrom('session_delegations').select('id').where('session_id', '=', sessionId).execute()).toEqual([]);
    expect(await openSessionsOfAssistant()).toEqual([{ id: sessionId, status: 'active' }]);
  });

  it('ends its own session, from inside it or outside, and the end record names it', async () => {
    const first = await openOwn();
    const ended = await t.execute(ImpEnd, { ...asAssistantIn(first.token), variables: { sessionId: first.sessionId } });
    expect(ended.body.errors, ended.text).toBeUndefined();
    expect(ended.body.data?.endImpersonation).toMatchObject({ status: 'ended', endReason: 'ended' });
    const record = await t.db.selectFrom('audit_events').selectAll().where('session_id', '=', first.sessionId).where('kind', '=', 'session_ended').executeTakeFirstOrThrow();
    expect(record).toMatchObject({ actor_kind: 'assistant', actor_id: ASSISTANT });
    expect(record.summary).toMatch(/^Assistant Triage-Bot /);
    expect(record.details['chain']).toEqual([
      { role: 'customer', id: 'usr_tom', name: TOM.name },
      { role: 'assistant', id: ASSISTANT, name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1' },
    ]);
    expect(codeOf((await t.execute(ImpMe, asAssistantIn(first.token))).body)).toBe('SESSION_EXPIRED');

    const second = await openOwn();
    const fromOutside = await t.execute(ImpEnd, { as: 'assistant', variables: { sessionId: second.sessionId } });
    expect(fromOutside.body.errors, fromOutside.text).toBeUndefined();
    expect((await sessionRow(t, second.sessionId)).status).toBe('ended');
  });

  it("cannot end anyone else's session, nor use it", async () => {
    const agents = await openSession(t);
    const ended = await t.execute(ImpEnd, { as: 'assistant', variables: { sessionId: agents.sessionId } });
    expect(codeOf(ended.body)).toBe('NOT_FOUND');
    const used = await t.execute(ImpMe, asAssistantIn(agents.token));
    expect(codeOf(used.body)).toBe('FORBIDDEN');
    expect(used.body.data ?? null).toBeNull();
    expect((await sessionRow(t, agents.sessionId)).status).toBe('active');
  });

  it.each([
    ['a vague reason', { reason: 'customer called, look into it please' }, 'REASON_TOO_VAGUE', 'reason'],
    ['a bad ticket', { ticket: 'asap' }, 'BAD_USER_INPUT', 'ticket'],
    ['a read-write session', { mode: 'read_write' as const }, 'ASSISTANT_NOT_PERMITTED', 'mode'],
    ['a session longer than the limit', { minutes: 90 }, 'BAD_USER_INPUT', 'minutes'],
    ['a customer who opted out', { userId: 'usr_peter' }, 'FORBIDDEN', 'userId'],
    ["a customer a manager must approve (the account's owner)", { userId: 'usr_jane' }, 'ASSISTANT_NOT_PERMITTED', 'userId'],
  ])('refuses %s as for people, recorded, with nothing opened nor asked of a manager', async (_label, input, code, field) => {
    const sessionsBefore = await sessionCount();
    const before = (await refusalsOf(code)).length;
    const { body } = await startOwn(input);
    expect(codeOf(body)).toBe(code);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(messageOf(body).length).toBeGreaterThan(20);
    expect(body.data ?? null).toBeNull();
    expect(await sessionCount()).toBe(sessionsBefore);
    expect(await t.db.selectFrom('approval_requests').select('id').where('requester_id', '=', ASSISTANT).execute()).toEqual([]);
    const recorded = await refusalsOf(code);
    expect(recorded.length).toBe(before + 1);
    expect(recorded.at(-1)?.summary).toMatch(/^Assistant Triage-Bot was refused/);
  });

  it('names the people a refusal is about by the ids it sent, never by name: it sees names only as stand-ins', async () => {
    const owner = messageOf((await startOwn({ userId: 'usr_jane' })).body);
    expect(owner).toMatch(/^Entering as usr_jane \(account acc_acme\) needs a manager's approval/);
    expect(owner).not.toMatch(/Jane|Acme Co/);
    const { sessionId } = await openOwn();
    const second = messageOf((await startOwn()).body);
    expect(second).toBe(`An agent has one session open at a time: session ${sessionId} as usr_tom (account acc_acme) is open. End it (endImpersonation) before starting another.`);
    expect(second).not.toContain(TOM.name);
  });

  it('refuses a token signed in too long ago (UNAUTHENTICATED), as for people', async () => {
    const sessionsBefore = await sessionCount();
    const stale = await t.tokenFor('assistant', { authTime: new Date(Date.now() - 6 * 60_000) });
    const { body } = await start(t, { bearer: stale });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    expect(messageOf(body)).toMatch(/^You signed in 6 minutes ago; get a new token/);
    expect(await sessionCount()).toBe(sessionsBefore);
    // Control: a fresh token of the same assistant opens it.
    expect((await startOwn()).body.errors).toBeUndefined();
  });

  it('refuses a staff member as the target', async () => {
    await t.demo
      .insertInto('users')
      .values({ id: 'usr_marcus_own', account_id: 'acc_acme', name: 'Marcus W', email: 'marcus.webb@warden.example', phone: null, role: 'member', birth_date: null, national_id: null, password_hash: 'x' })
      .execute();
    const sessionsBefore = await sessionCount();
    const { body } = await startOwn({ userId: 'usr_marcus_own' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe('Staff accounts cannot be impersonated.');
    expect(await sessionCount()).toBe(sessionsBefore);
  });

  it('opens none with a delegation token (one acting for a person), nor uses its own session with one', async () => {
    const delegated = await t.tokenFor({ sub: 'stf_sarah', kind: 'staff', name: 'Sarah Lee', roles: ['support_agent'], act: [ASSISTANT] });
    const sessionsBefore = await sessionCount();
    const refused = await start(t, { bearer: delegated });
    expect(codeOf(refused.body)).toBe('ASSISTANT_NOT_PERMITTED');
    expect(messageOf(refused.body)).toMatch(/acts for Sarah Lee/);
    expect(await sessionCount()).toBe(sessionsBefore);

    const { token } = await openOwn();
    const used = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${delegated}`, ...withSession(token) } });
    expect(codeOf(used.body)).toBe('FORBIDDEN');
    expect(used.body.data ?? null).toBeNull();
    // Control: its own token reads.
    expect((await t.execute(ImpMe, asAssistantIn(token))).body.errors).toBeUndefined();
  });

  it('keeps the time limits: past its hard limit the session is refused and ended', async () => {
    const { sessionId, token } = await openOwn();
    await moveClocks(t, sessionId, { hard: -1 });
    const { body } = await t.execute(ImpMe, asAssistantIn(token));
    expect(codeOf(body)).toBe('SESSION_EXPIRED');
    expect(body.data ?? null).toBeNull();
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'expired' });
  });

  it('loses its session once the policy turns the switch off (role_lost); the sweeper told the switch is on leaves it', async () => {
    const { sessionId, token } = await openOwn();
    await sweepSessions(t.db, { identity: t.identity, assistantsMayOpenSessions: true });
    expect((await sessionRow(t, sessionId)).status).toBe('active');
    await putPolicyInForce(t, (document) => {
      document.assistantsMayOpenSessions = false;
    });
    const { body } = await t.execute(ImpMe, asAssistantIn(token));
    expect(codeOf(body)).toBe('SESSION_EXPIRED');
    expect(messageOf(body)).toMatch(/no longer lets AI assistants hold sessions/);
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'role_lost' });
  });

  it('the sweeper ends it while the policy says no', async () => {
    const { sessionId } = await openOwn();
    await sweepSessions(t.db, { identity: t.identity });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'role_lost' });
  });

  it("the customer's access history names the assistant as one", async () => {
    const { sessionId } = await openOwn();
    await t.execute(ImpEnd, { as: 'assistant', variables: { sessionId } });
    const { body } = await t.execute(OwnHistory, { as: 'usr_tom' });
    expect(body.errors).toBeUndefined();
    const visit = body.data?.accessHistory.edges.find((edge) => edge.node.sessionId === sessionId)?.node;
    expect(visit?.agentName).toBe('Assistant Triage-Bot');
    expect(visit?.summary).toMatch(/^Assistant Triage-Bot from support entered as/);
  });

  it("the auditors' timeline tells its session as the assistant's", async () => {
    const { sessionId, token } = await openOwn();
    await t.execute(ImpMe, asAssistantIn(token));
    await t.execute(ImpEnd, { ...asAssistantIn(token), variables: { sessionId } });
    const { body } = await t.execute(OwnTimeline, { as: 'auditor', variables: { agent: ASSISTANT } });
    expect(body.errors).toBeUndefined();
    const timeline = body.data?.impersonationSessions.find((entry) => entry.sessionId === sessionId);
    expect(timeline?.agentName).toBe('Triage-Bot');
    expect(timeline?.story.length).toBeGreaterThan(2);
    for (const line of timeline?.story ?? []) expect(line).toMatch(/^\d\d:\d\d UTC — Assistant Triage-Bot /);
  });
});

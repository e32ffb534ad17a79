import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { RiskyChangeEmail } from '../support/risky-actions.js';
import {
  codeOf,
  endOpenSessions,
  endSessionAs,
  ImpApprove,
  ImpClaim,
  ImpDelegate,
  ImpEnd,
  ImpMe,
  ImpMeBirthDate,
  ImpPending,
  ImpRefund,
  ImpSetTaxRate,
  ImpStart,
  GOOD_REASON,
  messageOf,
  TICKET,
  openSession,
  withSession,
  type OpenSession,
} from './sessions.js';

const AstRevoke = graphql(`
  mutation AstRevoke($id: ID!) {
    revokeDelegation(delegationId: $id) {
      id
      revokedAt
    }
  }
`);

const AstAddressed = graphql(`
  query AstAddressed {
    addressedApprovals {
      id
      requesterId
    }
  }
`);

const AstViewer = graphql(`
  query AstViewer {
    viewer {
      id
      kind
      name
      roles
    }
  }
`);

const ASSISTANT = 'ast_triage';
const TOM = { name: 'Tom Baker', email: 'tom.baker@acme.example' };

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
  // A second assistant, to show a delegation works only with the credential it was given to.
  await t.db.insertInto('staff').values({ id: 'ast_other', name: 'Other-Bot', email: 'other-bot@warden.example', roles: [], kind: 'assistant', vendor: 'Example Labs', model: 'other-1' }).execute();
});
afterAll(() => t.close());
afterEach(async () => {
  await endOpenSessions(t);
});

interface Delegated {
  session: OpenSession;
  delegationId: string;
  token: string;
}

async function delegate(options: { mode?: 'read_only' | 'read_write'; userId?: string } = {}): Promise<Delegated> {
  const session = await openSession(t, { userId: options.userId ?? 'usr_tom', ...(options.mode ? { mode: options.mode } : {}) });
  const delegated = await t.execute(ImpDelegate, {
    as: 'agent',
    headers: withSession(session.token),
    variables: { sessionId: session.sessionId, assistantId: ASSISTANT },
  });
  expect(delegated.body.errors, delegated.text).toBeUndefined();
  const payload = delegated.body.data?.delegateSession;
  if (!payload) throw new Error('delegateSession returned nothing');
  return { session, delegationId: payload.delegation.id, token: payload.token };
}

const asAssistant = (token: string) => ({ as: 'assistant', headers: withSession(token) });

const refusalsOf = (code: string) =>
  t.db.selectFrom('audit_events').selectAll().where('kind', '=', 'access_denied').where('actor_kind', '=', 'assistant').where(sql<boolean>`details->>'code' = ${code}`).execute();

describe('an assistant is its own kind of principal', () => {
  it('is named by its own token, with no roles', async () => {
    const { body } = await t.execute(AstViewer, { as: 'assistant' });
    expect(body.data?.viewer).toEqual({ id: ASSISTANT, kind: 'assistant', name: 'Triage-Bot', roles: [] });
  });

  it("is refused when its token names a person (a person's token for an assistant is refused too)", async () => {
    const asPerson = await t.tokenFor({ sub: ASSISTANT, kind: 'staff', name: 'Triage-Bot', roles: ['support_agent'] });
    const asAssistantKind = await t.tokenFor({ sub: 'stf_sarah', kind: 'ai_agent', name: 'Sarah Lee', vendor: 'x', model: 'y' });
    for (const token of [asPerson, asAssistantKind]) {
      const { body, status } = await t.execute(AstViewer, { as: null, headers: { authorization: `Bearer ${token}` } });
      expect(status).toBe(401);
      expect(codeOf(body)).toBe('UNAUTHENTICATED');
    }
  });
});

describe('reading in a delegated session', () => {
  it('shows personal data as pseudonyms: the same within the session, unrelated in the next, never the value', async () => {
    const first = await delegate();
    const agentView = await t.execute(ImpMe, { as: 'agent', headers: withSession(first.session.token) });
    const a = await t.execute(ImpMe, asAssistant(first.token));
    const b = await t.execute(ImpMe, asAssistant(first.token));
    expect(a.body.errors).toBeUndefined();
    const me = a.body.data?.me;
    expect(me?.name).toMatch(/^person_[0-9a-f]{8}$/);
    expect(me?.email).toMatch(/^email_[0-9a-f]{8}@masked\.invalid$/);
    expect(b.body.data?.me).toEqual(me);
    // Control: the agent in the same session sees the name (the baseline allows it) and the masked email.
    expect(agentView.body.data?.me).toMatchObject({ name: TOM.name, email: 't•••@acme.example' });
    for (const value of [TOM.name, TOM.email, 'tom.baker', 'Tom', 'Baker']) expect(a.text).not.toContain(value);
    // The banner names the customer the way the data does.
    expect(a.body.extensions?.['impersonation']).toMatchObject({ sessionId: first.session.sessionId, user: { name: me?.name } });

    await endSessionAs(t, 'agent', first.session.sessionId);
    const second = await delegate();
    const c = await t.execute(ImpMe, asAssistant(second.token));
    expect(c.body.data?.me?.name).toMatch(/^person_[0-9a-f]{8}$/);
    expect(c.body.data?.me?.name).not.toBe(me?.name);
    expect(c.body.data?.me?.email).not.toBe(me?.email);
  });

  it('refuses a sensitive field with FIELD_DENIED', async () => {
    const { token } = await delegate();
    const { body, text } = await t.execute(ImpMeBirthDate, asAssistant(token));
    expect(body.data?.me?.birthDate ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FIELD_DENIED']);
    expect(text).not.toContain('1995-07-21');
  });

  it('names the whole chain, customer ← agent ← assistant, in every audit row of its request', async () => {
    const { session, token } = await delegate();
    const requestId = 'req-assistant-chain-1';
    await t.execute(ImpMe, { ...asAssistant(token), headers: { ...withSession(token), 'x-request-id': requestId } });
    const rows = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ actor_kind: 'assistant', actor_id: ASSISTANT, session_id: session.sessionId, subject_user_id: 'usr_tom' });
      expect(row.details['chain']).toEqual([
        { role: 'customer', id: 'usr_tom', name: TOM.name },
        { role: 'agent', id: 'stf_sarah', name: 'Sarah Lee' },
        { role: 'assistant', id: ASSISTANT, name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1' },
      ]);
      // A field a row of its own, or the request's public fields in one.
      expect(row.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, read ([\w.]+ once \((shown|masked)\)|\d+ public fields? \(shown\)) as Tom Baker \(Acme Co\)/);
    }
  });
});

describe('the delegation', () => {
  it('is refused after the agent revokes it, with DELEGATION_REVOKED, recorded', async () => {
    const { session, delegationId, token } = await delegate();
    expect((await t.execute(ImpMe, asAssistant(token))).body.errors).toBeUndefined();
    const revoked = await t.execute(AstRevoke, { as: 'agent', variables: { id: delegationId } });
    expect(revoked.body.errors).toBeUndefined();
    const before = (await refusalsOf('DELEGATION_REVOKED')).length;
    const { body } = await t.execute(ImpMe, asAssistant(token));
    expect(codeOf(body)).toBe('DELEGATION_REVOKED');
    expect(body.data ?? null).toBeNull();
    const after = await refusalsOf('DELEGATION_REVOKED');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ session_id: session.sessionId, actor_id: ASSISTANT });
    expect(after.at(-1)?.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, was refused/);
  });

  it('is refused once its session ended, with DELEGATION_ENDED, recorded', async () => {
    const { session, token } = await delegate();
    await endSessionAs(t, 'agent', session.sessionId);
    const before = (await refusalsOf('DELEGATION_ENDED')).length;
    const { body } = await t.execute(ImpMe, asAssistant(token));
    expect(codeOf(body)).toBe('DELEGATION_ENDED');
    expect(body.data ?? null).toBeNull();
    expect((await refusalsOf('DELEGATION_ENDED')).length).toBe(before + 1);
  });

  it('never outlives the session, and works only with the bearer token of the assistant it was given to', async () => {
    const { session, token } = await delegate();
    const row = await t.db.selectFrom('session_delegations').selectAll().where('token_hash', 'is not', null).where('session_id', '=', session.sessionId).executeTakeFirstOrThrow();
    const live = await t.db.selectFrom('impersonation_sessions').select('expires_at').where('id', '=', session.sessionId).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeLessThanOrEqual(live.expires_at?.getTime() ?? 0);
    const other = await t.tokenFor({ sub: 'ast_other', kind: 'ai_agent', name: 'Other-Bot', vendor: 'Example Labs', model: 'other-1' });
    const { body } = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${other}`, ...withSession(token) } });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    // Control: the assistant it was given to reads.
    expect((await t.execute(ImpMe, asAssistant(token))).body.errors).toBeUndefined();
  });

  it('is read from an RFC 8693 delegation token (sub the agent, act.sub the assistant), and a chain deeper than the policy allows is refused', async () => {
    const { token } = await delegate();
    const delegated = await t.tokenFor({ sub: 'stf_sarah', kind: 'staff', name: 'Sarah Lee', roles: ['support_agent'], act: [ASSISTANT] });
    const ok = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${delegated}`, ...withSession(token) } });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.me?.name).toMatch(/^person_/);

    const forSomeoneElse = await t.tokenFor({ sub: 'stf_leo', kind: 'staff', name: 'Leo Park', roles: ['support_agent'], act: [ASSISTANT] });
    const wrong = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${forSomeoneElse}`, ...withSession(token) } });
    expect(codeOf(wrong.body)).toBe('FORBIDDEN');

    const deep = await t.tokenFor({ sub: 'stf_sarah', kind: 'staff', name: 'Sarah Lee', roles: ['support_agent'], act: [ASSISTANT, 'orchestrator-7'] });
    const before = (await refusalsOf('DELEGATION_TOO_DEEP')).length;
    const refused = await t.execute(ImpMe, { as: null, headers: { authorization: `Bearer ${deep}`, ...withSession(token) } });
    expect(codeOf(refused.body)).toBe('DELEGATION_TOO_DEEP');
    expect(refused.body.data ?? null).toBeNull();
    const recorded = await refusalsOf('DELEGATION_TOO_DEEP');
    expect(recorded.length).toBe(before + 1);
    expect(recorded.at(-1)?.details['chain']).toEqual([
      { role: 'agent', id: 'stf_sarah', name: 'Sarah Lee' },
      { role: 'assistant', id: ASSISTANT, name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1' },
      { role: 'actor', id: 'orchestrator-7' },
    ]);
  });
});

describe('what an assistant can never do', () => {
  it('start, collect, approve, delegate or end a session, or write outside one: ASSISTANT_NOT_PERMITTED, recorded, nothing changed', async () => {
    const { session, token } = await delegate();
    const sessionsBefore = await t.db.selectFrom('impersonation_sessions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const delegationsBefore = await t.db.selectFrom('session_delegations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const refusedBefore = (await refusalsOf('ASSISTANT_NOT_PERMITTED')).length;
    const attempts = [
      await t.execute(ImpStart, { as: 'assistant', variables: { input: { userId: 'usr_tom', reason: GOOD_REASON, ticket: TICKET } } }),
      await t.execute(ImpClaim, { as: 'assistant', variables: { sessionId: session.sessionId } }),
      await t.execute(ImpApprove, { as: 'assistant', variables: { id: 'apr_anything' } }),
      await t.execute(ImpDelegate, { as: 'assistant', variables: { sessionId: session.sessionId, assistantId: 'ast_other' } }),
      await t.execute(ImpDelegate, { ...asAssistant(token), variables: { sessionId: session.sessionId, assistantId: 'ast_other' } }),
      await t.execute(ImpEnd, { ...asAssistant(token), variables: { sessionId: session.sessionId } }),
      // Outside a delegated session an assistant changes nothing at all.
      await t.execute(ImpSetTaxRate, { as: 'assistant', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 3 } } }),
    ];
    for (const attempt of attempts) {
      expect(codeOf(attempt.body), attempt.text).toBe('ASSISTANT_NOT_PERMITTED');
      expect(attempt.body.data ?? null).toBeNull();
    }
    expect(await t.db.selectFrom('impersonation_sessions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual(sessionsBefore);
    expect(await t.db.selectFrom('session_delegations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual(delegationsBefore);
    const live = await t.db.selectFrom('impersonation_sessions').select('status').where('id', '=', session.sessionId).executeTakeFirstOrThrow();
    expect(live.status).toBe('active');
    const recorded = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'summary'])
      .where('actor_kind', '=', 'assistant')
      .where((eb) => eb.or([eb(sql<string>`details->>'code'`, '=', 'ASSISTANT_NOT_PERMITTED'), eb('reason', 'like', '%assistant%')]))
      .execute();
    expect(recorded.length).toBeGreaterThanOrEqual(refusedBefore + attempts.length);
  });
});

describe('writes', () => {
  const invoice = (id: string) => t.demo.selectFrom('invoices').select(['status', 'tax_rate_bp']).where('id', '=', id).executeTakeFirstOrThrow();
  const refunds = (sessionId: string) =>
    t.db.selectFrom('audit_events').select('summary').where('session_id', '=', sessionId).where('kind', '=', 'mutation_executed').where('type_field', '=', 'Mutation.refundInvoice').execute();

  it('a refund is proposed with its effect, waits for a manager, runs once after approval and not twice', async () => {
    const { session, token } = await delegate({ mode: 'read_write', userId: 'usr_jane' });
    const before = await invoice('inv_acme_001');

    const proposed = await t.execute(ImpRefund, { ...asAssistant(token), variables: { invoiceId: 'inv_acme_001' } });
    expect(codeOf(proposed.body)).toBe('APPROVAL_REQUIRED');
    const requestId = (proposed.body.errors?.[0]?.extensions?.['approvalRequest'] as { id: string } | undefined)?.id;
    if (!requestId) throw new Error(`no approval request: ${proposed.text}`);
    expect(await invoice('inv_acme_001')).toEqual(before);
    const request = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ kind: 'mutation', status: 'pending', requester_id: ASSISTANT, approver_id: null, session_id: session.sessionId });
    expect(request.effect?.recorded).toMatch(/refund invoice inv_acme_001|refund/i);
    const requested = await t.db.selectFrom('audit_events').select('summary').where('kind', '=', 'approval_requested').where('reason', 'like', 'Assistant Triage-Bot%').where('session_id', '=', session.sessionId).execute();
    expect(requested.map((r) => r.summary)).toEqual([expect.stringMatching(/^Assistant Triage-Bot, for Agent Sarah Lee, asked for approval to refund/)]);

    // Sent again while it waits: no second request.
    const again = await t.execute(ImpRefund, { ...asAssistant(token), variables: { invoiceId: 'inv_acme_001' } });
    expect(codeOf(again.body)).toBe('APPROVAL_REQUIRED');
    expect(await t.db.selectFrom('approval_requests').select('id').where('requester_id', '=', ASSISTANT).where('session_id', '=', session.sessionId).execute()).toHaveLength(1);

    // The agent the assistant works for is not the one to approve a risky write.
    const byAgent = await t.execute(ImpApprove, { as: 'agent', variables: { id: requestId } });
    expect(codeOf(byAgent.body)).toBe('FORBIDDEN');
    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId, note: 'Refund agreed on the ticket' } });
    expect(approved.body.errors).toBeUndefined();

    const ran = await t.execute(ImpRefund, { ...asAssistant(token), variables: { invoiceId: 'inv_acme_001' } });
    expect(ran.body.errors, ran.text).toBeUndefined();
    expect(ran.body.data?.refundInvoice).toMatchObject({ id: 'inv_acme_001', status: 'refunded' });
    expect((await refunds(session.sessionId)).map((r) => r.summary)).toEqual([expect.stringMatching(/^Assistant Triage-Bot, for Agent Sarah Lee, .* in account Acme Co$/)]);

    const twice = await t.execute(ImpRefund, { ...asAssistant(token), variables: { invoiceId: 'inv_acme_001' } });
    expect(twice.body.data?.refundInvoice ?? null).toBeNull();
    expect(codeOf(twice.body)).not.toBeUndefined();
    expect(await refunds(session.sessionId)).toHaveLength(1);
  });

  it('an approved call whose target changed since is refused TARGET_CHANGED, told without the values (it sees people only as stand-ins), recorded with them', async () => {
    const { token } = await delegate({ mode: 'read_write', userId: 'usr_jane' });
    const variables = { userId: 'usr_tom', email: 'tom.baker@newmail.example' };
    const proposed = await t.execute(RiskyChangeEmail, { ...asAssistant(token), variables });
    const requestId = (proposed.body.errors?.[0]?.extensions?.['approvalRequest'] as { id: string } | undefined)?.id ?? '';
    expect((await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId, note: 'Checked with the customer' } })).body.errors).toBeUndefined();
    await sql`update users set email = 'zed.private@hidden-employer.example' where id = 'usr_tom'`.execute(t.db);
    try {
      const ran = await t.execute(RiskyChangeEmail, { ...asAssistant(token), variables });
      expect(codeOf(ran.body), ran.text).toBe('TARGET_CHANGED');
      expect(messageOf(ran.body)).toBe(
        'What changeUserEmail would change is no longer as the manager was asked to approve it, so nothing ran and its approval is spent: a manager approves the state they saw. Ask again if the change is still needed.',
      );
      expect(ran.text).not.toMatch(/z•••@|hidden-employer/);
      const refused = await t.db.selectFrom('audit_events').select('reason').where('kind', '=', 'mutation_refused').where('actor_id', '=', ASSISTANT).orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
      expect(refused.reason).toMatch(/it would now change/);
    } finally {
      await sql`update users set email = 'tom.baker@acme.example' where id = 'usr_tom'`.execute(t.db);
    }
  });

  it("a routine write goes to the delegating agent, not a manager, and the agent's own approval never serves the assistant's call", async () => {
    const { session, token } = await delegate({ mode: 'read_write', userId: 'usr_jane' });
    const variables = { input: { invoiceId: 'inv_acme_012', taxRate: 7 } };
    const proposed = await t.execute(ImpSetTaxRate, { ...asAssistant(token), variables });
    expect(codeOf(proposed.body)).toBe('APPROVAL_REQUIRED');
    const requestId = (proposed.body.errors?.[0]?.extensions?.['approvalRequest'] as { id: string } | undefined)?.id ?? '';
    const request = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request.approver_id).toBe('stf_sarah');
    const addressed = await t.execute(AstAddressed, { as: 'agent' });
    expect(addressed.body.data?.addressedApprovals).toEqual([{ id: requestId, requesterId: ASSISTANT }]);
    const queue = await t.execute(ImpPending, { as: 'manager' });
    expect(queue.body.data?.pendingApprovals.map((r) => r.id)).not.toContain(requestId);
    // Control: the agent's own routine call runs without approval in their read-write session.
    const own = await t.execute(ImpSetTaxRate, { as: 'agent', headers: withSession(session.token), variables: { input: { invoiceId: 'inv_acme_012', taxRate: 8 } } });
    expect(own.body.errors).toBeUndefined();

    const byManager = await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });
    expect(codeOf(byManager.body)).toBe('FORBIDDEN');
    const byAgent = await t.execute(ImpApprove, { as: 'agent', variables: { id: requestId, note: 'Yes, 7% is right' } });
    expect(byAgent.body.errors, byAgent.text).toBeUndefined();
    const ran = await t.execute(ImpSetTaxRate, { ...asAssistant(token), variables });
    expect(ran.body.errors, ran.text).toBeUndefined();
    expect((await invoice('inv_acme_012')).tax_rate_bp).toBe(700);
  });
});

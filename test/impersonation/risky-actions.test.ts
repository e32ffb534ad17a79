import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { mutationRiskOf } from '../../src/approvals/mutation-risk.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';
import { RiskyCancelPlan, RiskyChangeEmail, RiskyChangePlan, RiskyDeleteNote, RiskyRevokeToken, RiskySendLoginReset } from '../support/risky-actions.js';
import { codeOf, endOpenSessions, ImpApprove, ImpRequestMutation, messageOf, openSession, withSession, type OpenSession } from './sessions.js';
import type { DemoDb } from '../../src/domain/database.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());
afterEach(async () => {
  await endOpenSessions(t);
});

/** One risky action as the agent sends it in a session as Jane Doe, Acme's owner, and what it changes. */
interface RiskyAction {
  field: string;
  /** Sends the call with the session's headers. */
  run: (headers: Record<string, string>) => Promise<GraphQLResponse<unknown>>;
  document: string;
  variables: Record<string, unknown>;
  reason: string;
  /** What the call changes in the database, read now. */
  state: (db: DemoDb) => Promise<unknown>;
  /** The change's record, as the audit trail summarises it. */
  summary: RegExp;
}

function action<TResult, TVariables extends Record<string, unknown>>(
  field: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  rest: Pick<RiskyAction, 'reason' | 'state' | 'summary'>,
): RiskyAction {
  return { field, document: print(document), variables, run: (headers) => t.execute(document, { as: 'agent', headers, variables }), ...rest };
}

const ACTIONS: RiskyAction[] = [
  action('changeUserEmail', RiskyChangeEmail, { userId: 'usr_tom', email: 'tom.baker@gmail.example' }, {
    reason: 'Tom lost access to the old mailbox and the owner confirmed the new address on the ticket',
    state: (db) => db.selectFrom('users').select('email').where('id', '=', 'usr_tom').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee changed Tom Baker's email from t•••@acme\.example to t•••@gmail\.example in account Acme Co$/,
  }),
  action('sendLoginReset', RiskySendLoginReset, { userId: 'usr_omar' }, {
    reason: 'Omar is locked out after the password policy change and the owner asked for a reset link',
    state: (db) => db.selectFrom('users').select('login_reset_sent_at').where('id', '=', 'usr_omar').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee sent Omar Haddad a login reset link \(last login reset: never → \d{4}-\d\d-\d\d \d\d:\d\d UTC\) in account Acme Co$/,
  }),
  action('changePlan', RiskyChangePlan, { plan: 'enterprise' }, {
    reason: 'The owner signed the enterprise order form attached to the ticket and wants it active today',
    state: (db) => db.selectFrom('accounts').select(['plan', 'plan_status']).where('id', '=', 'acc_acme').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee changed Acme Co's plan from team to enterprise in account Acme Co$/,
  }),
  action('cancelPlan', RiskyCancelPlan, {}, {
    reason: 'The owner asked in writing on the ticket to cancel the team plan at the end of the contract',
    state: (db) => db.selectFrom('accounts').select(['plan', 'plan_status']).where('id', '=', 'acc_acme').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee cancelled the team plan \(plan status: active → cancelled\) in account Acme Co$/,
  }),
  action('revokeApiToken', RiskyRevokeToken, { tokenId: 'tok_acme_ci' }, {
    reason: 'The CI deploy token leaked in a public build log and the owner asked to revoke it now',
    state: (db) => db.selectFrom('api_tokens').select('revoked_at').where('id', '=', 'tok_acme_ci').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee revoked API token “CI deploys” \(state: active → revoked\) in account Acme Co$/,
  }),
  action('deletePrivateNote', RiskyDeleteNote, { noteId: 'note_acme_2' }, {
    reason: 'Lena asked on the ticket to remove the VAT note she wrote in January, now out of date',
    state: (db) => db.selectFrom('private_notes').select(['body', 'deleted_at']).where('id', '=', 'note_acme_2').executeTakeFirstOrThrow(),
    summary: /^Agent Sarah Lee deleted Lena Berg's private note of \d{4}-\d\d-\d\d \(text: a sensitive value, not recorded\) in account Acme Co$/,
  }),
];

const events = (sessionId: string, kind: string) =>
  t.db.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('kind', '=', kind).orderBy('chain_seq').execute();

async function approvedIn(session: OpenSession, risky: RiskyAction): Promise<string> {
  const requested = await t.execute(ImpRequestMutation, {
    as: 'agent',
    headers: withSession(session.token),
    variables: { input: { document: risky.document, variables: JSON.stringify(risky.variables), reason: risky.reason } },
  });
  expect(requested.body.errors).toBeUndefined();
  const id = requested.body.data?.requestMutationApproval.id ?? '';
  expect((await t.execute(ImpApprove, { as: 'manager', variables: { id } })).body.data?.approveRequest.status).toBe('approved');
  return id;
}

describe.each(ACTIONS)('$field in a session', (risky) => {
  it('is tagged risky', () => {
    const field = t.gateway.getEnveloped().schema.getMutationType()?.getFields()[risky.field];
    expect(field && mutationRiskOf(field)).toBe('risky');
  });

  it('is refused in a read-write session until a manager approves it, changing nothing', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const before = await risky.state(t.demo);
    const { body } = await risky.run(withSession(session.token));
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(messageOf(body)).toMatch(new RegExp(`^${risky.field} is a risky change: ask a manager to approve this exact call`));
    expect(await risky.state(t.demo)).toEqual(before);
    expect(await events(session.sessionId, 'mutation_refused')).toHaveLength(1);
  });

  it('runs once when approved, and leaves a before → after record in plain language', async () => {
    await sql`update accounts set plan = 'team', plan_status = 'active' where id = 'acc_acme'`.execute(t.db);
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const before = await risky.state(t.demo);
    const approval = await approvedIn(session, risky);

    const first = await risky.run(withSession(session.token));
    expect(first.body.errors).toBeUndefined();
    expect(await risky.state(t.demo)).not.toEqual(before);
    const [executed, ...more] = await events(session.sessionId, 'mutation_executed');
    expect(more).toEqual([]);
    expect(executed).toMatchObject({ actor_id: 'stf_sarah', type_field: `Mutation.${risky.field}`, account_id: 'acc_acme' });
    expect(executed?.summary).toMatch(risky.summary);
    expect(await t.db.selectFrom('approval_requests').select('status').where('id', '=', approval).executeTakeFirstOrThrow()).toEqual({ status: 'used' });

    const again = await risky.run(withSession(session.token));
    expect(codeOf(again.body)).toBe('APPROVAL_REQUIRED');
  });
});

describe('the customer’s rules hold in a session', () => {
  it('an approved call the customer may no longer make is refused with the rule’s own code, before anything runs; the approval stays', async () => {
    await sql`update accounts set plan = 'team', plan_status = 'active' where id = 'acc_acme'`.execute(t.db);
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const cancel = ACTIONS.find((risky) => risky.field === 'cancelPlan');
    if (!cancel) throw new Error('cancelPlan is missing');
    const approval = await approvedIn(session, cancel);
    await sql`update users set role = 'admin' where id = 'usr_jane'`.execute(t.db);
    try {
      const { body } = await cancel.run(withSession(session.token));
      expect(codeOf(body)).toBe('FORBIDDEN');
      expect(messageOf(body)).toBe("Only the account's owner cancels its plan; ask them.");
      expect(await cancel.state(t.demo)).toEqual({ plan: 'team', plan_status: 'active' });
      expect(await t.db.selectFrom('approval_requests').select('status').where('id', '=', approval).executeTakeFirstOrThrow()).toEqual({ status: 'approved' });
      expect(await events(session.sessionId, 'mutation_refused')).toEqual([expect.objectContaining({ type_field: 'Mutation.cancelPlan', details: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    } finally {
      await sql`update users set role = 'owner' where id = 'usr_jane'`.execute(t.db);
    }
  });

  it('a session as a member cannot even ask to cancel the plan: nobody is asked to approve a call that could never run', async () => {
    const session = await openSession(t, { userId: 'usr_tom', mode: 'read_write' });
    const { body } = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: print(RiskyCancelPlan), variables: '{}', reason: 'Tom asked to cancel the team plan of Acme on the ticket before renewal' } },
    });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe("Only the account's owner cancels its plan; ask them.");
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).where('kind', '=', 'mutation').execute()).toEqual([]);
  });
});

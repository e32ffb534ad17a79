import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  endOpenSessions,
  GOOD_REASON,
  ImpPending,
  ImpRequestFields,
  ImpRequestMutation,
  openSession,
  outboxRows,
  REFUND_DOCUMENT,
  start,
  withSession,
  type OpenSession,
} from './sessions.js';

const REFUND_REASON = 'Customer was double charged for this invoice and billing confirmed the refund on the ticket';
const BIRTH_DATE_REASON = 'Customer says age verification fails at checkout with their birth date';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());
afterEach(async () => {
  await endOpenSessions(t);
});

/** Asks, from inside the session, for a manager's approval of one call; returns the request's body. */
function askFor<TResult, TVariables>(session: OpenSession, document: TypedDocumentNode<TResult, TVariables> | string, variables: TVariables, reason: string) {
  return t.execute(ImpRequestMutation, {
    as: 'agent',
    headers: withSession(session.token),
    variables: { input: { document: typeof document === 'string' ? document : print(document), variables: JSON.stringify(variables), reason } },
  });
}

async function askedFor<TResult, TVariables>(session: OpenSession, document: TypedDocumentNode<TResult, TVariables> | string, variables: TVariables, reason: string): Promise<string> {
  const { body } = await askFor(session, document, variables, reason);
  expect(body.errors).toBeUndefined();
  return body.data?.requestMutationApproval.id ?? '';
}

/** What the managers' queue says of a request. */
async function queued(id: string): Promise<string | undefined> {
  const { body } = await t.execute(ImpPending, { as: 'manager' });
  return body.data?.pendingApprovals.find((request) => request.id === id)?.summary;
}

describe('an approval request says what approving it would do', () => {
  it('a refund names the invoice, its amount, status and date, as they are when asked', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_001' }, REFUND_REASON);
    expect(await queued(id)).toBe(
      `Sarah Lee asks to refund invoice ACME-2026-001 (GBP 61.50, paid, issued 2026-01-01) in Acme Co, acting as Jane Doe, ticket SUP-1234: ${REFUND_REASON}`,
    );
  });

  it('the audit record and the notification say the same, values as the audit keeps them', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_009' }, REFUND_REASON);
    const requested = await t.db.selectFrom('audit_events').select('summary').where('kind', '=', 'approval_requested').where(sql<boolean>`details->>'requestId' = ${id}`).executeTakeFirstOrThrow();
    expect(requested.summary).toBe(
      `Agent Sarah Lee asked for approval to refund invoice ACME-2026-009 (GBP 161.50, paid, issued 2026-09-01) as Jane Doe (Acme Co): "${REFUND_REASON}"`,
    );
    const [notified] = (await outboxRows(t, 'approval_requested')).filter((row) => row.idempotency_key === `approval_requested:${id}`);
    expect(notified?.payload).toMatchObject({
      text: `Sarah Lee asks for approval to refund invoice ACME-2026-009 (GBP 161.50, paid, issued 2026-09-01) in Acme Co, acting as Jane Doe, ticket SUP-1234. Reason: “${REFUND_REASON}”.`,
    });
  });

  it('a session start says how long, whether anything may change in it, and why it waits', async () => {
    const { body } = await start(t, { userId: 'usr_jane', mode: 'read_write', minutes: 45 });
    const id = body.data?.startImpersonation.approvalRequest?.id ?? '';
    expect(await queued(id)).toBe(
      `Sarah Lee asks to open a read-write session of 45 minutes, in which routine changes (settings, tax rates) run and each risky one needs its own approval (approval needed: the user is the account's owner; read-write sessions are always approved by a manager) in Acme Co, acting as Jane Doe, ticket SUP-1234: ${GOOD_REASON}`,
    );
  });

  it.each([
    ['a member, who sees only their own birth date', 'usr_tom', "the customer's own birth date only (a member sees no colleague's)"],
    ['a billing contact, who sees only their own', 'usr_lena', "the customer's own birth date only (a billing contact sees no colleague's)"],
    ['an owner, who sees every colleague’s', 'usr_jane', "the birth date of every user of the account (4: an owner sees every colleague's)"],
  ])('a field grant in a session as %s says whose values it shows', async (_who, userId, reveals) => {
    const session = await openSession(t, { userId });
    const { body } = await t.execute(ImpRequestFields, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { fields: ['User.birthDate'], reason: BIRTH_DATE_REASON } },
    });
    expect(await queued(body.data?.requestFieldAccess.id ?? '')).toMatch(new RegExp(`^Sarah Lee asks to see, for 15 minutes from the approval, ${reveals.replace(/[()]/g, '\\$&')} in Acme Co, acting as `));
  });
});

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { RiskyChangeEmail } from '../support/risky-actions.js';
import {
  codeOf,
  endOpenSessions,
  GOOD_REASON,
  ImpApprove,
  ImpPending,
  ImpRefund,
  ImpRequestFields,
  ImpRequestMutation,
  messageOf,
  openSession,
  outboxRows,
  REFUND_DOCUMENT,
  start,
  withSession,
  type OpenSession,
} from './sessions.js';

const ImpApprovalSummary = graphql(`
  query ImpApprovalSummary($id: ID!) {
    approvalRequest(id: $id) {
      id
      summary
      payload
    }
  }
`);

const ImpTaxThenRefund = graphql(`
  mutation ImpEffectsTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {
    setInvoiceTaxRate(input: $input) {
      id
    }
    refundInvoice(invoiceId: $invoiceId) {
      id
    }
  }
`);

const EMAIL_REASON = 'Customer lost access to the old mailbox and asked on the phone to sign in with the new address';
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

async function approved(id: string): Promise<void> {
  const { body } = await t.execute(ImpApprove, { as: 'manager', variables: { id, note: 'Checked with the customer' } });
  expect(body.data?.approveRequest.status).toBe('approved');
}

/** What the managers' queue says of a request. */
async function queued(id: string): Promise<string | undefined> {
  const { body } = await t.execute(ImpPending, { as: 'manager' });
  return body.data?.pendingApprovals.find((request) => request.id === id)?.summary;
}

const requestRow = (id: string) => t.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventsOfRequest = (id: string) =>
  t.db.selectFrom('audit_events').selectAll().where(sql<boolean>`details->>'requestId' = ${id}`).orderBy('chain_seq').execute();
const sessionEvents = (sessionId: string, kind: string) =>
  t.demo.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('kind', '=', kind).orderBy('chain_seq').execute();
const invoice = (id: string) => t.demo.selectFrom('invoices').select(['status', 'amount_cents']).where('id', '=', id).executeTakeFirstOrThrow();
const refund = (session: OpenSession, invoiceId: string) => t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId } });

describe('an approval request says what approving it would do', () => {
  it("to the manager, with each value as the manager's policy shows it; to the agent in the session, as the session's does; to the agent outside it, masked", async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, RiskyChangeEmail, { userId: 'usr_tom', email: 'Tom.Baker@Gmail.example' }, EMAIL_REASON);

    expect(await queued(id)).toBe(
      `Sarah Lee asks to change Tom Baker's email from tom.baker@acme.example to tom.baker@gmail.example in Acme Co, acting as Jane Doe, ticket SUP-1234: ${EMAIL_REASON}`,
    );
    const mine = await t.execute(ImpApprovalSummary, { as: 'agent', headers: withSession(session.token), variables: { id } });
    expect(mine.body.data?.approvalRequest?.summary).toBe(
      `Sarah Lee asks to change Tom Baker's email from t•••@acme.example to t•••@gmail.example in Acme Co, acting as Jane Doe, ticket SUP-1234: ${EMAIL_REASON}`,
    );
    // The agent outside the session: their own policy would show the email in full, which the
    // session masked. Never in full for anyone but a manager.
    const outside = await t.execute(ImpApprovalSummary, { as: 'agent', variables: { id } });
    expect(outside.body.data?.approvalRequest?.summary).toContain("email from t•••@acme.example to t•••@gmail.example");
    expect(outside.body.data?.approvalRequest?.summary).not.toMatch(/tom\.baker@/);
    // The payload stays for machines: the call and its arguments, no description.
    expect(JSON.parse(mine.body.data?.approvalRequest?.payload ?? '{}')).toEqual({
      kind: 'mutation',
      field: 'changeUserEmail',
      argumentsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      arguments: { userId: 'usr_tom', email: 'Tom.Baker@Gmail.example' },
    });
  });

  it("in another session, even one whose grant shows the field there, as the request's own session did not: masked", async () => {
    const first = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(first, 'mutation RiskyDeleteNote($noteId: ID!) { deletePrivateNote(noteId: $noteId) { id } }', { noteId: 'note_acme_2' }, REFUND_REASON);
    await endOpenSessions(t);
    // Another customer's session, where a manager granted the agent private notes' text.
    const second = await openSession(t, { userId: 'usr_carlos' });
    const asked = await t.execute(ImpRequestFields, { as: 'agent', headers: withSession(second.token), variables: { input: { fields: ['PrivateNote.body'], reason: BIRTH_DATE_REASON } } });
    expect(asked.body.errors).toBeUndefined();
    await approved(asked.body.data?.requestFieldAccess.id ?? '');
    const read = await t.execute(ImpApprovalSummary, { as: 'agent', headers: withSession(second.token), variables: { id } });
    expect(read.body.data?.approvalRequest?.summary).toMatch(/^Sarah Lee asks to delete/);
    expect(read.body.data?.approvalRequest?.summary).not.toContain('VAT registration');
  });

  it('to the audit trail and the notification, with values as the audit keeps them: personal data masked, no other person named', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, RiskyChangeEmail, { userId: 'usr_omar', email: 'omar@gmail.example' }, EMAIL_REASON);
    await approved(id);

    const [requested, granted] = await eventsOfRequest(id);
    expect(requested).toMatchObject({ kind: 'approval_requested', subject_user_id: 'usr_jane', session_id: session.sessionId });
    expect(requested?.summary).toBe(
      `Agent Sarah Lee asked for approval to change user usr_omar's email from o•••@acme.example to o•••@gmail.example as Jane Doe (Acme Co): "${EMAIL_REASON}"`,
    );
    expect(granted?.summary).toBe(
      "Manager Marcus Webb approved Sarah Lee's request to change user usr_omar's email from o•••@acme.example to o•••@gmail.example as Jane Doe (Acme Co): \"Checked with the customer\"",
    );
    const [notified] = (await outboxRows(t, 'approval_requested')).filter((row) => row.idempotency_key === `approval_requested:${id}`);
    expect(notified?.payload).toMatchObject({
      text: `Sarah Lee asks for approval to change user usr_omar's email from o•••@acme.example to o•••@gmail.example in Acme Co, acting as Jane Doe, ticket SUP-1234. Reason: “${EMAIL_REASON}”.`,
    });
    expect(JSON.stringify([requested, granted, notified])).not.toMatch(/omar\.haddad@|omar@gmail|Omar Haddad/);
  });

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
      `Sarah Lee asks to open a read-write session of 45 minutes, in which routine changes run and each risky one needs its own approval (approval needed: the user is the account's owner; read-write sessions are always approved by a manager) in Acme Co, acting as Jane Doe, ticket SUP-1234: ${GOOD_REASON}`,
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

describe('a manager approves the state they saw', () => {
  it('a refund whose amount changed since is refused TARGET_CHANGED; the approval is spent; both are recorded', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_002' }, REFUND_REASON);
    await approved(id);
    await sql`update invoices set amount_cents = 9900 where id = 'inv_acme_002'`.execute(t.db);

    const { body } = await refund(session, 'inv_acme_002');
    expect(codeOf(body)).toBe('TARGET_CHANGED');
    expect(messageOf(body)).toBe(
      'What refundInvoice would change is no longer as the manager was asked to approve it (it would now refund invoice ACME-2026-002 (GBP 99.00, paid, issued 2026-02-01)), so nothing ran and its approval is spent: a manager approves the state they saw. Ask again if the change is still needed.',
    );
    expect(body.data ?? null).toBeNull();
    expect(await invoice('inv_acme_002')).toEqual({ status: 'paid', amount_cents: 9900 });
    expect(await requestRow(id)).toMatchObject({ status: 'expired', used_at: null });

    const [refused, ...moreRefused] = await sessionEvents(session.sessionId, 'mutation_refused');
    expect(moreRefused).toEqual([]);
    expect(refused).toMatchObject({ actor_id: 'stf_sarah', type_field: 'Mutation.refundInvoice', decision: 'refused', details: expect.objectContaining({ code: 'TARGET_CHANGED' }) });
    const spent = (await eventsOfRequest(id)).find((event) => event.kind === 'approval_expired');
    expect(spent).toMatchObject({ actor_kind: 'system', session_id: session.sessionId });
    expect(spent?.summary).toBe(
      "Warden closed Sarah Lee's request to refund invoice ACME-2026-002 (GBP 74.00, paid, issued 2026-02-01) as Jane Doe (Acme Co): its target changed after it was asked for (it would now refund invoice ACME-2026-002 (GBP 99.00, paid, issued 2026-02-01))",
    );
    expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);

    // Spent: the same call is not approved any more, whatever the invoice does next.
    await sql`update invoices set amount_cents = 7400 where id = 'inv_acme_002'`.execute(t.db);
    expect(codeOf((await refund(session, 'inv_acme_002')).body)).toBe('APPROVAL_REQUIRED');
  });

  it('an invoice refunded meanwhile (by the customer) is refused TARGET_CHANGED, and is not refunded twice', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_003' }, REFUND_REASON);
    await approved(id);
    const customers = await t.execute(ImpRefund, { as: 'usr_lena', variables: { invoiceId: 'inv_acme_003' } });
    expect(customers.body.data?.refundInvoice.status).toBe('refunded');

    const { body } = await refund(session, 'inv_acme_003');
    expect(codeOf(body)).toBe('TARGET_CHANGED');
    expect(messageOf(body)).toMatch(/it would now refund invoice ACME-2026-003 \(GBP 86\.50, refunded, issued 2026-03-01\)/);
    expect((await requestRow(id)).status).toBe('expired');
    expect(await t.db.selectFrom('audit_events').select('actor_id').where('type_field', '=', 'Mutation.refundInvoice').where('kind', '=', 'mutation_executed').where(sql<boolean>`summary like ${'%ACME-2026-003%'}`).execute()).toEqual([{ actor_id: 'usr_lena' }]);
  });

  it('an approved call whose target changed refuses its whole operation before anything in it runs', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_006' }, REFUND_REASON);
    await approved(id);
    await sql`update invoices set amount_cents = 100 where id = 'inv_acme_006'`.execute(t.db);
    const taxBefore = await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', 'inv_acme_012').executeTakeFirstOrThrow();

    const { body } = await t.execute(ImpTaxThenRefund, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { invoiceId: 'inv_acme_012', taxRate: 7 }, invoiceId: 'inv_acme_006' },
    });
    expect(codeOf(body)).toBe('TARGET_CHANGED');
    expect(body.data ?? null).toBeNull();
    // The routine change beside it did not run either: the gate judged both before either ran.
    expect(await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', 'inv_acme_012').executeTakeFirstOrThrow()).toEqual(taxBefore);
    expect((await requestRow(id)).status).toBe('expired');
  });

  it('control: the target as approved, the call runs on its approval', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_004' }, REFUND_REASON);
    await approved(id);
    expect((await refund(session, 'inv_acme_004')).body.data?.refundInvoice.status).toBe('refunded');
    expect((await requestRow(id)).status).toBe('used');
  });

  it('a target gone by the time the approved call runs answers NOT_FOUND; the approval is spent; both are recorded', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_007' }, REFUND_REASON);
    await approved(id);
    // Billing removes the invoice meanwhile.
    await sql`delete from invoices where id = 'inv_acme_007'`.execute(t.db);

    const { body } = await refund(session, 'inv_acme_007');
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(messageOf(body)).toMatch(/^What refundInvoice would change no longer exists, so nothing ran and its approval is spent/);
    expect((await requestRow(id)).status).toBe('expired');
    const [refused] = await sessionEvents(session.sessionId, 'mutation_refused');
    expect(refused).toMatchObject({ type_field: 'Mutation.refundInvoice', details: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect((await eventsOfRequest(id)).find((event) => event.kind === 'approval_expired')?.summary).toMatch(/: its target no longer exists$/);
  });

  it('a target that does not exist when asked is refused at once: no manager is asked to approve an unknown', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await askFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_999' }, REFUND_REASON);
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(messageOf(body)).toBe(
      "What refundInvoice would change does not exist in Acme Co (or is not Jane Doe's to see), so there is nothing a manager could approve: check the ids in the variables.",
    );
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).where('kind', '=', 'mutation').execute()).toEqual([]);
    expect(await outboxRows(t, 'approval_requested').then((rows) => rows.filter((row) => JSON.stringify(row.payload).includes('ACME-2026-999')))).toEqual([]);
    const [refused] = await sessionEvents(session.sessionId, 'access_denied');
    expect(refused).toMatchObject({ type_field: 'Mutation.requestMutationApproval', details: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });

  it.skipIf(inject('databaseUrl') === null)(
    'a target changed after the gate checked it, while the change waited for its lock, is refused too (checked again on the locked row)',
    async () => {
      const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
      const id = await askedFor(session, REFUND_DOCUMENT, { invoiceId: 'inv_acme_005' }, REFUND_REASON);
      await approved(id);
      const url = t.database.url;
      if (!url) throw new Error('needs a PostgreSQL server');
      const billing = new pg.Client({ connectionString: url });
      await billing.connect();
      try {
        // Billing holds the invoice while the refund passes the gate and waits for the row.
        await billing.query('begin');
        await billing.query(`select 1 from invoices where id = 'inv_acme_005' for update`);
        const running = refund(session, 'inv_acme_005');
        for (let i = 0; i < 200 && !(await billing.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rowCount; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await billing.query(`update invoices set amount_cents = 12000 where id = 'inv_acme_005'`);
        await billing.query('commit');

        const { body } = await running;
        expect(codeOf(body)).toBe('TARGET_CHANGED');
        expect(messageOf(body)).toMatch(/it would now refund invoice ACME-2026-005 \(GBP 120\.00, paid, issued 2026-05-01\)/);
      } finally {
        await billing.query('rollback').catch(() => undefined);
        await billing.end();
      }
      expect(await invoice('inv_acme_005')).toEqual({ status: 'paid', amount_cents: 12000 });
      expect(await requestRow(id)).toMatchObject({ status: 'expired', used_at: null });
      // Recorded once, by the gate, with the spent approval: not again by the audit trail.
      const refusals = await t.db.selectFrom('audit_events').select(['kind', 'details']).where('session_id', '=', session.sessionId).where('kind', 'in', ['mutation_refused', 'access_denied']).execute();
      expect(refusals).toEqual([{ kind: 'mutation_refused', details: expect.objectContaining({ code: 'TARGET_CHANGED' }) }]);
      expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);
    },
  );
});

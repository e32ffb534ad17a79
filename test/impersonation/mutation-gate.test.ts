import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { GatewayContext } from '../../src/graphql/context.js';
import { RISK_EXTENSION } from '../../src/policy/plugin/index.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { demoDb } from '../../src/domain/database.js';
import {
  codeOf,
  endOpenSessions,
  ImpApprove,
  ImpExport,
  ImpRefund,
  ImpRequestMutation,
  ImpRevoke,
  ImpSetSupportAccess,
  ImpSetTaxRate,
  ImpUpdateNotifications,
  messageOf,
  openSession,
  REFUND_DOCUMENT,
  withAuditStoreDown,
  withSession,
  type OpenSession,
} from './sessions.js';

const ImpRefundViaFragment = graphql(`
  mutation ImpRefundViaFragment($invoiceId: ID!) {
    ...ImpRefundIt
  }
  fragment ImpRefundIt on Mutation {
    again: refundInvoice(invoiceId: $invoiceId) {
      id
      status
    }
  }
`);

const ImpRefundInline = graphql(`
  mutation ImpRefundInline {
    refundInvoice(invoiceId: "inv_acme_006") {
      id
      status
    }
  }
`);

const ImpTaxThenRefund = graphql(`
  mutation ImpTaxThenRefund($input: SetInvoiceTaxRateInput!, $invoiceId: ID!) {
    setInvoiceTaxRate(input: $input) {
      id
    }
    refundInvoice(invoiceId: $invoiceId) {
      id
    }
  }
`);

const ImpRefundWithDefault = graphql(`
  mutation ImpRefundWithDefault($id: ID! = "inv_acme_009") {
    refundInvoice(invoiceId: $id) {
      id
      status
    }
  }
`);

const ImpRefundTwo = graphql(`
  mutation ImpRefundTwo($a: ID!, $b: ID!) {
    x: refundInvoice(invoiceId: $a) {
      id
      status
    }
    y: refundInvoice(invoiceId: $b) {
      id
      status
    }
  }
`);

/**
 * A nullable variable with a non-null default passes validation where an `ID!` goes, and `null`
 * then fails only that field's argument coercion: execution would run the rest of the operation.
 */
const ImpExportBesideBrokenRefund = graphql(`
  mutation ImpExportBesideBrokenRefund($v: ID = "x") {
    exportInvoices
    z: refundInvoice(invoiceId: $v) @skip(if: true) {
      id
    }
  }
`);

const ImpRefundBesideBrokenRefund = graphql(`
  mutation ImpRefundBesideBrokenRefund($invoiceId: ID!, $v: ID = "x") {
    refundInvoice(invoiceId: $invoiceId) {
      id
      status
    }
    z: refundInvoice(invoiceId: $v) @skip(if: true) {
      id
    }
  }
`);

const ImpOptOutBesideBrokenRefund = graphql(`
  mutation ImpOptOutBesideBrokenRefund($v: ID = "x") {
    setSupportAccess(value: never) {
      supportAccess
    }
    z: refundInvoice(invoiceId: $v) {
      id
    }
  }
`);

const REFUND_REASON = 'Customer was double charged for the March invoice and asked for a refund on ticket SUP-1234';

let t: TestGateway;
/** The session the current test runs in. */
let session: OpenSession;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
});

const invoice = (id: string) => t.demo.selectFrom('invoices').select(['status', 'tax_rate_bp']).where('id', '=', id).executeTakeFirstOrThrow();
const sessionEvents = (sessionId: string, kind: string) =>
  t.db.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('kind', '=', kind).orderBy('occurred_at').execute();

/** Asks for, and has a manager approve, one refund of `invoiceId` in the session. */
async function approvedRefund(session: OpenSession, invoiceId: string, agent = 'agent'): Promise<string> {
  const requested = await t.execute(ImpRequestMutation, {
    as: agent,
    headers: withSession(session.token),
    variables: { input: { document: REFUND_DOCUMENT, variables: JSON.stringify({ invoiceId }), reason: REFUND_REASON } },
  });
  expect(requested.body.errors).toBeUndefined();
  const id = requested.body.data?.requestMutationApproval.id ?? '';
  expect(requested.body.data?.requestMutationApproval).toMatchObject({ kind: 'mutation', status: 'pending', sessionId: session.sessionId });
  const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id, note: 'Refund confirmed with billing' } });
  expect(approved.body.data?.approveRequest.status).toBe('approved');
  return id;
}

describe('a read-only session', () => {
  it.each([
    ['routine setInvoiceTaxRate', () => t.execute(ImpSetTaxRate, { as: 'agent', headers: withSession(session.token), variables: { input: { invoiceId: 'inv_acme_012', taxRate: 5 } } }), 'setInvoiceTaxRate'],
    ['routine updateNotificationSettings', () => t.execute(ImpUpdateNotifications, { as: 'agent', headers: withSession(session.token), variables: { input: { smsAlerts: true } } }), 'updateNotificationSettings'],
    ['risky refundInvoice', () => t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_001' } }), 'refundInvoice'],
  ])('refuses %s with APPROVAL_REQUIRED, records mutation_refused and changes nothing', async (_name, run, field) => {
    session = await openSession(t, { userId: 'usr_tom' });
    const before = await Promise.all([invoice('inv_acme_012'), invoice('inv_acme_001')]);
    const settingsBefore = await t.demo.selectFrom('notification_settings').selectAll().where('user_id', '=', 'usr_tom').executeTakeFirstOrThrow();

    const { body } = await run();
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(messageOf(body)).toMatch(/This session is read-only/);
    expect(body.data ?? null).toBeNull();
    expect((body.extensions?.['impersonation'] as { mode: string } | undefined)?.mode).toBe('read_only');

    expect(await Promise.all([invoice('inv_acme_012'), invoice('inv_acme_001')])).toEqual(before);
    expect(await t.demo.selectFrom('notification_settings').selectAll().where('user_id', '=', 'usr_tom').executeTakeFirstOrThrow()).toEqual(settingsBefore);
    const [refused, ...more] = await sessionEvents(session.sessionId, 'mutation_refused');
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ actor_id: 'stf_sarah', subject_user_id: 'usr_tom', type_field: `Mutation.${field}`, decision: 'refused' });
    expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);
  });

  it('refuses exportInvoices with FORBIDDEN', async () => {
    session = await openSession(t, { userId: 'usr_tom' });
    const { body } = await t.execute(ImpExport, { as: 'agent', headers: withSession(session.token) });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
  });

  it('refuses to ask for approval of a change: nothing runs in a read-only session, approved or not', async () => {
    session = await openSession(t, { userId: 'usr_tom' });
    const { body } = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: REFUND_DOCUMENT, variables: JSON.stringify({ invoiceId: 'inv_acme_001' }), reason: REFUND_REASON } },
    });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/^This session is read-only, so no change runs in it, approved or not; start a read-write session/);
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).execute()).toEqual([]);
  });
});


describe('a read-write session (approved by a manager at the start)', () => {
  it('runs a routine change, recorded with the agent as actor and the customer as subject', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    expect(session.approvalRequestId).not.toBeNull();
    const { body } = await t.execute(ImpSetTaxRate, {
      as: 'agent',
      headers: { ...withSession(session.token), 'x-request-id': 'req-imp-tax-0001' },
      variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 } },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.setInvoiceTaxRate).toEqual({ id: 'inv_acme_012', taxRate: 10 });
    expect((body.extensions?.['impersonation'] as { mode: string }).mode).toBe('read_write');
    expect((await invoice('inv_acme_012')).tax_rate_bp).toBe(1000);

    const [executed, ...more] = await sessionEvents(session.sessionId, 'mutation_executed');
    expect(more).toEqual([]);
    expect(executed).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'stf_sarah',
      actor_name: 'Sarah Lee',
      subject_user_id: 'usr_jane',
      account_id: 'acc_acme',
      session_id: session.sessionId,
      request_id: 'req-imp-tax-0001',
      type_field: 'Mutation.setInvoiceTaxRate',
    });
    expect(executed?.summary).toBe('Agent Sarah Lee changed the tax rate from 20% to 10% on invoice ACME-2026-012 in account Acme Co');
  });

  it('refuses a risky refund without an approval, naming the hash to approve', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_001' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(messageOf(body)).toMatch(/refundInvoice is a risky change: ask a manager to approve this exact call/);
    expect(body.errors?.[0]?.extensions?.['argumentsHash']).toMatch(/^[0-9a-f]{64}$/);
    expect((await invoice('inv_acme_001')).status).toBe('paid');
    expect(await sessionEvents(session.sessionId, 'mutation_refused')).toHaveLength(1);
  });

  it('runs an approved refund once; the same call again is refused (single use)', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requested = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: REFUND_DOCUMENT, variables: JSON.stringify({ invoiceId: 'inv_acme_001' }), reason: REFUND_REASON } },
    });
    const requestId = requested.body.data?.requestMutationApproval.id ?? '';
    // Asked is not approved.
    const early = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_001' } });
    expect(codeOf(early.body)).toBe('APPROVAL_REQUIRED');
    // The requester cannot approve it, even were they a manager; another manager can.
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requestId } });

    const first = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_001' } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.refundInvoice).toEqual({ id: 'inv_acme_001', status: 'refunded' });
    const used = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(used.status).toBe('used');
    expect(used.used_at).not.toBeNull();

    const replay = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_001' } });
    expect(codeOf(replay.body)).toBe('APPROVAL_REQUIRED');
    expect(replay.body.data ?? null).toBeNull();
    const executed = await sessionEvents(session.sessionId, 'mutation_executed');
    expect(executed.map((e) => e.summary)).toEqual(['Agent Sarah Lee changed the status from paid to refunded on invoice ACME-2026-001 in account Acme Co']);
  });

  it('refuses an approval used for other variables, and keeps it for its own', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requestId = await approvedRefund(session, 'inv_acme_002');

    const other = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_003' } });
    expect(codeOf(other.body)).toBe('APPROVAL_REQUIRED');
    expect((await invoice('inv_acme_003')).status).toBe('paid');
    expect((await t.db.selectFrom('approval_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).toBe('approved');

    const own = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_002' } });
    expect(own.body.data?.refundInvoice.status).toBe('refunded');
  });

  it('refuses an expired approval', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requestId = await approvedRefund(session, 'inv_acme_004');
    await sql`update approval_requests set grant_expires_at = now() - interval '1 second' where id = ${requestId}`.execute(t.db);
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_004' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect((await invoice('inv_acme_004')).status).toBe('paid');
    expect((await t.db.selectFrom('approval_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).toBe('approved');
  });

  it("refuses an approval granted in another agent's session", async () => {
    const theirs = await openSession(t, { agent: 'agent2', userId: 'usr_jane', mode: 'read_write' });
    await approvedRefund(theirs, 'inv_acme_005', 'agent2');
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_005' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect((await invoice('inv_acme_005')).status).toBe('paid');
  });

  it('binds the approval to the call, not to how it is written: inline arguments match approved variables', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await approvedRefund(session, 'inv_acme_006');
    const { body } = await t.execute(ImpRefundInline, { as: 'agent', headers: withSession(session.token) });
    expect(body.errors).toBeUndefined();
    expect(body.data?.refundInvoice.status).toBe('refunded');
  });

  it('sees a risky mutation hidden in a fragment under an alias', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpRefundViaFragment, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_007' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect((await invoice('inv_acme_007')).status).toBe('paid');
  });

  it('refuses the whole operation when one of its mutations is refused', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const before = (await invoice('inv_acme_012')).tax_rate_bp;
    const { body } = await t.execute(ImpTaxThenRefund, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { invoiceId: 'inv_acme_012', taxRate: 12 }, invoiceId: 'inv_acme_008' },
    });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect((await invoice('inv_acme_012')).tax_rate_bp).toBe(before);
    expect((await invoice('inv_acme_008')).status).toBe('paid');
  });

  it('refuses exportInvoices with FORBIDDEN even read-write, and refuses to ask for an approval of it', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requested = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: 'mutation ImpExport { exportInvoices }', reason: 'Customer needs a CSV export of all 2026 invoices for their annual audit' } },
    });
    expect(codeOf(requested.body)).toBe('FORBIDDEN');
    expect(messageOf(requested.body)).toBe('exportInvoices is never run during impersonation: it stays with the customer, who can run it themselves. No approval changes that.');
    const { body } = await t.execute(ImpExport, { as: 'agent', headers: withSession(session.token) });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe('exportInvoices is never run during impersonation: it stays with the customer, who can run it themselves.');
    expect(body.data ?? null).toBeNull();
    expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);
    expect((await sessionEvents(session.sessionId, 'mutation_refused')).map((e) => e.type_field)).toEqual(['Mutation.exportInvoices']);
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).where('kind', '=', 'mutation').execute()).toEqual([]);
  });

  it('says why each never-run mutation is refused: the customer’s own, or a staff action', async () => {
    session = await openSession(t, { agent: 'manager2', userId: 'usr_jane', mode: 'read_write' });
    const setting = await t.execute(ImpSetSupportAccess, { as: 'manager2', headers: withSession(session.token), variables: { value: 'never' } });
    expect(messageOf(setting.body)).toBe('setSupportAccess is never run during impersonation: it stays with the customer, who can run it themselves.');
    const revoke = await t.execute(ImpRevoke, { as: 'manager2', headers: withSession(session.token), variables: { sessionId: session.sessionId, reason: 'Testing whether a session can revoke itself' } });
    expect(messageOf(revoke.body)).toBe('revokeImpersonation is never run during impersonation: it is a staff action; send it without the impersonation token, as yourself.');
  });

  it('refuses to ask for approval of a call that needs none', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: {
        input: {
          document: 'mutation Tax($input: SetInvoiceTaxRateInput!) { setInvoiceTaxRate(input: $input) { id } }',
          variables: JSON.stringify({ input: { invoiceId: 'inv_acme_012', taxRate: 10 } }),
          reason: 'Customer reports invoice ACME-2026-012 shows 20% tax instead of 10%',
        },
      },
    });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toBe('setInvoiceTaxRate needs no approval in a read-write session; send it as it is.');
  });

  it('asks for approval of one valid mutation, with a specific reason', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const ask = (document: string, variables: string | null, reason: string) =>
      t.execute(ImpRequestMutation, { as: 'agent', headers: withSession(session.token), variables: { input: { document, variables, reason } } });
    expect(codeOf((await ask(REFUND_DOCUMENT, '{"invoiceId":"inv_acme_009"}', 'refund')).body)).toBe('REASON_TOO_VAGUE');
    expect(codeOf((await ask('query { me { id } }', null, REFUND_REASON)).body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await ask('mutation {', null, REFUND_REASON)).body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await ask(REFUND_DOCUMENT, '{"invoiceId": 5', REFUND_REASON)).body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await ask(REFUND_DOCUMENT, '{}', REFUND_REASON)).body)).toBe('BAD_USER_INPUT');
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).where('kind', '=', 'mutation').execute()).toEqual([]);
  });
});

describe('an approval is used by the change it allowed, and only by it', () => {
  /** The invoice is paid again (earlier cases may have refunded it). */
  const paid = (id: string) => sql`update invoices set status = 'paid' where id = ${id}`.execute(t.db);
  const approvalStatus = async (id: string) => (await t.db.selectFrom('approval_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('judges every call before any runs: one unapproved call refuses the operation and uses no approval', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await Promise.all([paid('inv_acme_003'), paid('inv_acme_004')]);
    const approval = await approvedRefund(session, 'inv_acme_003');
    const { body } = await t.execute(ImpRefundTwo, { as: 'agent', headers: withSession(session.token), variables: { a: 'inv_acme_003', b: 'inv_acme_004' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(body.data ?? null).toBeNull();
    expect(await approvalStatus(approval)).toBe('approved');
    expect((await invoice('inv_acme_003')).status).toBe('paid');
    expect((await invoice('inv_acme_004')).status).toBe('paid');
    expect(await sessionEvents(session.sessionId, 'approval_used')).toEqual([]);

    // The approval is still there for the call it was given for.
    const own = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_003' } });
    expect(own.body.data?.refundInvoice.status).toBe('refunded');
    expect(await approvalStatus(approval)).toBe('used');
  });

  it('two equal calls in one operation need two approvals', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await paid('inv_acme_005');
    const approval = await approvedRefund(session, 'inv_acme_005');
    const { body } = await t.execute(ImpRefundTwo, { as: 'agent', headers: withSession(session.token), variables: { a: 'inv_acme_005', b: 'inv_acme_005' } });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(await approvalStatus(approval)).toBe('approved');
  });

  it('records the use in the transaction of the change, right before it', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await paid('inv_acme_007');
    const approval = await approvedRefund(session, 'inv_acme_007');
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: { ...withSession(session.token), 'x-request-id': 'req-imp-refund-used' }, variables: { invoiceId: 'inv_acme_007' } });
    expect(body.data?.refundInvoice.status).toBe('refunded');
    const [used, ...moreUsed] = await sessionEvents(session.sessionId, 'approval_used');
    const executed = (await sessionEvents(session.sessionId, 'mutation_executed')).at(-1);
    expect(moreUsed).toEqual([]);
    expect(used).toMatchObject({ actor_id: 'stf_sarah', subject_user_id: 'usr_jane', request_id: 'req-imp-refund-used', decision: 'used' });
    expect(used?.summary).toBe('Agent Sarah Lee used the approval to refund invoice ACME-2026-007 (GBP 136.50, paid, issued 2026-07-01) as Jane Doe (Acme Co): approved by Marcus Webb');
    expect(used?.details).toMatchObject({ requestId: approval });
    // Nothing else was written in between: one transaction holds the chain from one to the other.
    expect(BigInt(executed?.chain_seq ?? 0)).toBe(BigInt(used?.chain_seq ?? 0) + 1n);
  });

  it('keeps the approval when the call fails', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    // Approved as it is, open: the refund fails on the invoice the manager saw, changed by nobody.
    await sql`update invoices set status = 'open' where id = 'inv_acme_008'`.execute(t.db);
    const approval = await approvedRefund(session, 'inv_acme_008');
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_008' } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(await approvalStatus(approval)).toBe('approved');
    expect(await sessionEvents(session.sessionId, 'approval_used')).toEqual([]);
  });

  it('keeps the approval when the change rolls back (its record could not be written), for a retry', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await paid('inv_acme_004');
    const approval = await approvedRefund(session, 'inv_acme_004');
    const { body } = await withAuditStoreDown(t, () => t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_004' } }));
    expect(body.data?.refundInvoice ?? null).toBeNull();
    expect((await invoice('inv_acme_004')).status).toBe('paid');
    expect(await approvalStatus(approval)).toBe('approved');

    const retried = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_004' } });
    expect(retried.body.data?.refundInvoice.status).toBe('refunded');
    expect(await approvalStatus(approval)).toBe('used');
  });
});

describe('a mutation nobody tagged', () => {
  /** The reference schema with setInvoiceTaxRate's `routine` tag taken off, as if it had never been given one. */
  function schemaWithUntaggedTaxRate() {
    const built = buildDemoSchema();
    const field = built.schema.getMutationType()?.getFields()['setInvoiceTaxRate'];
    if (!field) throw new Error('Mutation.setInvoiceTaxRate is missing');
    expect(field.extensions[RISK_EXTENSION]).toBe('routine');
    field.extensions = Object.fromEntries(Object.entries(field.extensions).filter(([key]) => key !== RISK_EXTENSION));
    return built;
  }

  it('counts as risky: a read-write session needs an approval for it, as it does not for the tagged one', async () => {
    const untagged = await startTestGateway({}, { schema: schemaWithUntaggedTaxRate(), database: t.database, realSessions: true });
    try {
      session = await openSession(untagged, { userId: 'usr_jane', mode: 'read_write' });
      const variables = { input: { invoiceId: 'inv_acme_012', taxRate: 15 } };
      const refused = await untagged.execute(ImpSetTaxRate, { as: 'agent', headers: withSession(session.token), variables });
      expect(codeOf(refused.body)).toBe('APPROVAL_REQUIRED');
      expect(messageOf(refused.body)).toMatch(/^setInvoiceTaxRate is a risky change/);
      expect((await invoice('inv_acme_012')).tax_rate_bp).not.toBe(1500);

      // Control: the same call in the same session through the schema as tagged runs.
      const ran = await t.execute(ImpSetTaxRate, { as: 'agent', headers: withSession(session.token), variables });
      expect(ran.body.errors).toBeUndefined();
      expect((await invoice('inv_acme_012')).tax_rate_bp).toBe(1500);
    } finally {
      await endOpenSessions(untagged);
      await untagged.close();
    }
  });
});

describe('a mutation that records no change of its own', () => {
  /** The reference schema, with refundInvoice changed to refund without recording anything. */
  function schemaWithSilentRefund() {
    const built = buildDemoSchema();
    const refund = built.schema.getMutationType()?.getFields()['refundInvoice'];
    if (!refund) throw new Error('Mutation.refundInvoice is missing');
    refund.resolve = async (_root, args: { invoiceId: string }, context: GatewayContext) =>
      demoDb(context.db).updateTable('invoices').set({ status: 'refunded' }).where('id', '=', args.invoiceId).returningAll().executeTakeFirstOrThrow();
    return built;
  }

  /** In a read-write session as Jane on `silent`, a manager's approval of refunding `invoiceId` (paid again first); its id. */
  async function approvedRefund(silent: TestGateway, invoiceId: string): Promise<string> {
    session = await openSession(silent, { userId: 'usr_jane', mode: 'read_write' });
    await sql`update invoices set status = 'paid' where id = ${invoiceId}`.execute(t.db);
    const requested = await silent.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: REFUND_DOCUMENT, variables: JSON.stringify({ invoiceId }), reason: REFUND_REASON } },
    });
    const id = requested.body.data?.requestMutationApproval.id ?? '';
    await silent.execute(ImpApprove, { as: 'manager', variables: { id } });
    return id;
  }

  it('still uses its approval up once it ran: the same call again is refused', async () => {
    const silent = await startTestGateway({}, { schema: schemaWithSilentRefund(), database: t.database, realSessions: true });
    try {
      const id = await approvedRefund(silent, 'inv_acme_005');

      const first = await silent.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_005' } });
      expect(first.body.data?.refundInvoice.status).toBe('refunded');
      expect((await t.db.selectFrom('approval_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('used');
      expect(await sessionEvents(session.sessionId, 'approval_used')).toHaveLength(1);
      expect(silent.logs.some((line) => line.includes('ran on an approval without recording its change'))).toBe(true);

      await sql`update invoices set status = 'paid' where id = 'inv_acme_005'`.execute(t.db);
      const replay = await silent.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_005' } });
      expect(codeOf(replay.body)).toBe('APPROVAL_REQUIRED');
      expect((await invoice('inv_acme_005')).status).toBe('paid');
    } finally {
      await endOpenSessions(silent);
      await silent.close();
    }
  });

  it('returns no data when that approval cannot be used up (its record not written)', async () => {
    const silent = await startTestGateway({}, { schema: schemaWithSilentRefund(), database: t.database, realSessions: true });
    try {
      await approvedRefund(silent, 'inv_acme_006');
      await sql`create function refuse_approval_use() returns trigger language plpgsql as $$ begin if new.status = 'used' then raise exception 'approval store down'; end if; return new; end $$`.execute(t.db);
      await sql`create trigger refuse_approval_use before update on approval_requests for each row execute function refuse_approval_use()`.execute(t.db);
      try {
        const ran = await silent.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_006' } });
        expect(ran.body.data ?? null).toBeNull();
        expect(codeOf(ran.body)).toBe('AUDIT_UNAVAILABLE');
      } finally {
        await sql`drop trigger refuse_approval_use on approval_requests`.execute(t.db);
        await sql`drop function refuse_approval_use()`.execute(t.db);
      }
    } finally {
      await endOpenSessions(silent);
      await silent.close();
    }
  });
});

describe('variables are read as execution reads them', () => {
  it('applies a variable default: a read-only session is refused as read-only, not as an invalid document', async () => {
    session = await openSession(t, { userId: 'usr_tom' });
    const { body } = await t.execute(ImpRefundWithDefault, { as: 'agent', headers: withSession(session.token) });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(messageOf(body)).toMatch(/This session is read-only/);
  });

  it('an approval for the call with its variables covers the same call written with a default', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    await approvedRefund(session, 'inv_acme_009');
    const { body } = await t.execute(ImpRefundWithDefault, { as: 'agent', headers: withSession(session.token) });
    expect(body.errors).toBeUndefined();
    expect(body.data?.refundInvoice).toEqual({ id: 'inv_acme_009', status: 'refunded' });
  });

  it('an approval asked for with a document that relies on a default covers the call with explicit variables', async () => {
    await sql`update invoices set status = 'paid' where id = 'inv_acme_011'`.execute(t.db); // refunded in the demo data
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const requested = await t.execute(ImpRequestMutation, {
      as: 'agent',
      headers: withSession(session.token),
      variables: { input: { document: 'mutation Refund($id: ID! = "inv_acme_011") { refundInvoice(invoiceId: $id) { id } }', reason: REFUND_REASON } },
    });
    expect(requested.body.errors).toBeUndefined();
    await t.execute(ImpApprove, { as: 'manager', variables: { id: requested.body.data?.requestMutationApproval.id ?? '' } });
    const { body } = await t.execute(ImpRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_011' } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.refundInvoice.status).toBe('refunded');
  });
});

describe('arguments that do not coerce', () => {
  it('refuse the whole operation in a read-only session: an export beside a broken call does not run', async () => {
    session = await openSession(t, { userId: 'usr_tom' });
    const { body } = await t.execute(ImpExportBesideBrokenRefund, { as: 'agent', headers: withSession(session.token), variables: { v: null } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/^The arguments of refundInvoice do not fit its types, so nothing in this operation ran/);
    expect(body.data ?? null).toBeNull();
    const [refused, ...more] = await sessionEvents(session.sessionId, 'mutation_refused');
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ type_field: 'Mutation.refundInvoice', decision: 'refused' });
    expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);
  });

  it('refuse the whole operation in a read-write session: no risky call runs without its approval', async () => {
    await sql`update invoices set status = 'paid' where id = 'inv_acme_003'`.execute(t.db); // refundable, whatever ran before
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const { body } = await t.execute(ImpRefundBesideBrokenRefund, { as: 'agent', headers: withSession(session.token), variables: { invoiceId: 'inv_acme_003', v: null } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.data ?? null).toBeNull();
    expect((await invoice('inv_acme_003')).status).toBe('paid');
    expect(await sessionEvents(session.sessionId, 'mutation_executed')).toEqual([]);
  });

  it('refuse the whole operation: the customer’s support-access setting is not changed beside a broken call', async () => {
    session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const setting = () => t.demo.selectFrom('accounts').select('support_access').where('id', '=', 'acc_acme').executeTakeFirstOrThrow();
    const before = await setting();
    const { body } = await t.execute(ImpOptOutBesideBrokenRefund, { as: 'agent', headers: withSession(session.token), variables: { v: null } });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(await setting()).toEqual(before);
  });
});

describe('outside sessions', () => {
  it('the gate does nothing: the customer refunds their own invoice', async () => {
    const { body } = await t.execute(ImpRefund, { as: 'customer', variables: { invoiceId: 'inv_acme_010' } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.refundInvoice.status).toBe('refunded');
  });
});

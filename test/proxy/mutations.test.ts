import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationRiskOf } from '../../src/approvals/mutation-risk.js';
import { codeOf, ImpApprove, ImpRequestMutation, openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import type { GraphQLResponse } from '../support/gateway.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * The upstream's risky mutations through the proxy, as the classification tags them: a refund
 * runs in a read-write session only once a manager approved that exact call, and only once; an
 * export never runs in a session. Each is checked at the upstream itself: its calls and its data.
 */

const REFUND = 'mutation Refund($paymentId: ID!, $reason: String!) { refundPayment(paymentId: $paymentId, reason: $reason) { id status } }';
const EXPORT = 'mutation Export { exportTenants(format: CSV) { id rowCount } }';
const REASON = 'The tenant was charged twice for February: bank statement attached to the ticket';

let world: ProxyWorld;
let session: OpenSession;
beforeAll(async () => {
  world = await startProxyWorld();
  // Maya owns Harbour Lettings: a manager approves the start, and the upstream lets owners refund.
  session = await openSession(world.t, { agent: 'agent', userId: 'usr_maya', mode: 'read_write' });
});
afterAll(async () => {
  await world?.close();
});

async function send(as: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = withSession(session.token)) {
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await world.t.tokenFor(as)}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>['body'];
}

const payment = (id: string) => world.upstream.data.payments.find((row) => row.id === id);
/** The calls that reached the upstream running `field` (`Mutation.refundPayment`). */
const callsOf = (field: string) => world.upstream.calls.filter((call) => call.fields.includes(field));
const sessionRows = (kind: string) =>
  world.database.db.selectFrom('audit_events').selectAll().where('session_id', '=', session.sessionId).where('kind', '=', kind).orderBy('chain_seq').execute();

/** The agent asks a manager to approve this exact call. */
function requestApproval(variables: Record<string, unknown>, document = REFUND) {
  return world.t.execute(ImpRequestMutation, {
    as: 'agent',
    headers: withSession(session.token),
    variables: { input: { document, variables: JSON.stringify(variables), reason: REASON } },
  });
}

describe('refundPayment in a read-write session', () => {
  it('is tagged risky by the classification', () => {
    const field = world.schema.schema.getMutationType()?.getFields()['refundPayment'];
    expect(field && mutationRiskOf(field)).toBe('risky');
  });

  it('is refused APPROVAL_REQUIRED until a manager approves it, before the upstream is asked', async () => {
    const body = await send('agent', REFUND, { paymentId: 'pay_hl_0001', reason: REASON });
    expect(codeOf(body)).toBe('APPROVAL_REQUIRED');
    expect(body.errors?.[0]?.message).toMatch(/^refundPayment is a risky change: ask a manager to approve this exact call/);
    expect(callsOf('Mutation.refundPayment')).toEqual([]);
    expect(payment('pay_hl_0001')?.status).toBe('paid');
    expect(await sessionRows('mutation_refused')).toHaveLength(1);
  });

  it('runs once at the upstream, as the customer with the agent as actor, for exactly the approved arguments', async () => {
    const approved = { paymentId: 'pay_hl_0001', reason: REASON };
    const requested = await requestApproval(approved);
    expect(requested.body.errors).toBeUndefined();
    const id = requested.body.data?.requestMutationApproval.id ?? '';
    expect((await world.t.execute(ImpApprove, { as: 'manager', variables: { id } })).body.data?.approveRequest.status).toBe('approved');

    // Another payment, or the same with another reason: not what the manager approved.
    for (const other of [{ ...approved, paymentId: 'pay_hl_0003' }, { ...approved, reason: 'Goodwill gesture after the boiler broke down in January' }]) {
      expect(codeOf(await send('agent', REFUND, other))).toBe('APPROVAL_REQUIRED');
    }
    expect(callsOf('Mutation.refundPayment')).toEqual([]);
    expect(payment('pay_hl_0003')?.status).toBe('paid');

    const ran = await send('agent', REFUND, approved);
    expect(ran.errors).toBeUndefined();
    expect(ran.data).toEqual({ refundPayment: { id: 'pay_hl_0001', status: 'REFUNDED' } });
    expect(callsOf('Mutation.refundPayment')).toEqual([expect.objectContaining({ sub: 'usr_maya', act: expect.objectContaining({ sub: 'stf_sarah' }), sid: session.sessionId })]);
    expect(payment('pay_hl_0001')).toMatchObject({ status: 'refunded', refundReason: REASON, refundedBy: 'usr_maya', refundedByAgent: 'stf_sarah' });
    const executed = await sessionRows('mutation_executed');
    expect(executed).toEqual([expect.objectContaining({ type_field: 'Mutation.refundPayment', actor_id: 'stf_sarah', subject_user_id: 'usr_maya', account_id: 'org_harbour' })]);

    // Used: the same call again needs a new approval, and never reaches the upstream.
    expect(codeOf(await send('agent', REFUND, approved))).toBe('APPROVAL_REQUIRED');
    expect(callsOf('Mutation.refundPayment')).toHaveLength(1);
    expect(await sessionRows('mutation_executed')).toHaveLength(1);
  });

  it('control: the customer refunds without anyone approving', async () => {
    const body = await send('usr_maya', REFUND, { paymentId: 'pay_hl_0005', reason: 'Overpaid by standing order' }, {});
    expect(body.errors).toBeUndefined();
    expect(payment('pay_hl_0005')).toMatchObject({ status: 'refunded', refundedBy: 'usr_maya', refundedByAgent: null });
  });
});

describe('exportTenants', () => {
  it('is never run in a session, approved or not, and never reaches the upstream', async () => {
    const exports = world.upstream.data.exports.length;
    const body = await send('agent', EXPORT);
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.errors?.[0]?.message).toMatch(/^exportTenants is never run during impersonation/);
    const requested = await requestApproval({}, EXPORT);
    expect(requested.body.data?.requestMutationApproval ?? null).toBeNull();
    expect(codeOf(requested.body)).toBe('FORBIDDEN');
    expect(callsOf('Mutation.exportTenants')).toEqual([]);
    expect(world.upstream.data.exports).toHaveLength(exports);
  });

  it('control: the customer exports their own tenants', async () => {
    const body = await send('usr_maya', EXPORT, {}, {});
    expect(body.errors).toBeUndefined();
    const harbourTenants = world.upstream.data.tenants.filter((tenant) => tenant.organisationId === 'org_harbour').length;
    expect(body.data).toEqual({ exportTenants: { id: expect.any(String), rowCount: harbourTenants } });
    expect(world.upstream.data.exports.at(-1)).toMatchObject({ requestedBy: 'usr_maya', requestedByAgent: null });
  });
});

import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MCP_OPERATIONS } from '../../src/domain/mcp-operations.js';
import type { McpOperation } from '../../src/mcp/index.js';
import { endOpenSessions, endSessionAs, ImpApprove, ImpDelegate, openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { serveOnLoopback, type LoopbackGateway } from '../support/mcp-client.js';

/**
 * An AI assistant at the MCP endpoint: an SDK client over loopback with the assistant's own
 * bearer token and the delegation an agent gave it (docs/ai-assistants.md). It is offered only
 * what its policy column could ever allow, reads pseudonyms, proposes changes a person decides,
 * and every row its calls leave names the whole chain.
 */

/** Staff tools, session controls and approval tools, declared beside the reference domain's: none is ever an assistant's. */
const STAFF_OPERATIONS: readonly McpOperation[] = [
  { description: 'End the session.', document: 'mutation EndSession($sessionId: ID!) { endImpersonation(sessionId: $sessionId) { id status } }' },
  { description: 'Lend the session to an assistant.', document: 'mutation DelegateSession($sessionId: ID!, $assistantId: ID!) { delegateSession(sessionId: $sessionId, assistantId: $assistantId) { token } }' },
  { description: 'Approve a request.', document: 'mutation ApproveRequest($id: ID!) { approveRequest(id: $id) { id status } }' },
  { description: 'Ask a manager to approve an exact call.', document: 'mutation AskApproval($input: RequestMutationApprovalInput!) { requestMutationApproval(input: $input) { id status } }' },
  { description: 'Requests addressed to you.', document: 'query AddressedApprovals { addressedApprovals { id summary } }' },
];

const ASSISTANT = 'ast_triage';
const CHAIN = (customer: { id: string; name: string }) => [
  { role: 'customer', ...customer },
  { role: 'agent', id: 'stf_sarah', name: 'Sarah Lee' },
  { role: 'assistant', id: ASSISTANT, name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1' },
];
const TOM = { id: 'usr_tom', name: 'Tom Baker' };
const JANE = { id: 'usr_jane', name: 'Jane Doe' };

let t: TestGateway;
let loop: LoopbackGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true, mcp: { operations: [...DEMO_MCP_OPERATIONS, ...STAFF_OPERATIONS] } });
  loop = await serveOnLoopback(t);
});
afterAll(async () => {
  await loop.close();
  await t.close();
});
afterEach(() => endOpenSessions(t));

interface ToolAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ answer: ToolAnswer; isError: boolean; text: string }> {
  const result = await client.callTool({ name, arguments: args });
  return { answer: result.structuredContent as ToolAnswer, isError: result.isError === true, text: JSON.stringify(result) };
}

const codesOf = (answer: ToolAnswer) => (answer.errors ?? []).map((error) => error.extensions?.['code']);

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (reason: unknown) => reason,
  );
}

interface Delegation {
  session: OpenSession;
  delegationId: string;
  client: Client;
}

/** The agent opens a session as `userId` and lends it to the assistant, which connects with its own token and the delegation. */
async function delegated(options: { userId?: string; mode?: 'read_only' | 'read_write' } = {}): Promise<Delegation> {
  const session = await openSession(t, { userId: options.userId ?? TOM.id, ...(options.mode ? { mode: options.mode } : {}) });
  const lent = await t.execute(ImpDelegate, { as: 'agent', headers: withSession(session.token), variables: { sessionId: session.sessionId, assistantId: ASSISTANT } });
  const payload = lent.body.data?.delegateSession;
  if (!payload) throw new Error(`delegateSession returned nothing: ${lent.text}`);
  const client = await loop.connect({ authorization: `Bearer ${await t.tokenFor('assistant')}`, ...withSession(payload.token) });
  return { session, delegationId: payload.delegation.id, client };
}

const assistantRows = (sessionId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('actor_kind', '=', 'assistant').orderBy('chain_seq').execute();

/** Every row of the assistant's calls names the chain, customer first, and its summary the assistant and the agent it works for. */
async function expectChainOnEveryRow(sessionId: string, customer: { id: string; name: string }): Promise<void> {
  const rows = await assistantRows(sessionId);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatchObject({ actor_id: ASSISTANT, subject_user_id: customer.id });
    expect(row.details['chain'], row.summary).toEqual(CHAIN(customer));
    expect(row.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, /);
  }
}

describe('an assistant in a delegated session, over MCP', () => {
  it('is offered only what its column could ever allow: no staff tool, no session control, no approval tool', async () => {
    // Without a delegation it reaches no account, and no staff tool.
    const alone = await loop.connect({ authorization: `Bearer ${await t.tokenFor('assistant')}` });
    expect((await alone.listTools()).tools).toEqual([]);
    const readOnly = await delegated();
    expect((await readOnly.client.listTools()).tools.map((tool) => tool.name)).toEqual(['Account', 'Invoices', 'Invoice', 'Me']);
    await endSessionAs(t, 'agent', readOnly.session.sessionId);
    const readWrite = await delegated({ userId: JANE.id, mode: 'read_write' });
    // Its changes become requests by themselves: RequestApproval (a staff member's way to ask) is not its tool.
    expect((await readWrite.client.listTools()).tools.map((tool) => tool.name)).toEqual(['Account', 'Invoices', 'Invoice', 'Me', 'SetInvoiceTaxRate', 'RefundInvoice']);
    // Nor do the instructions it gets at the handshake point it there.
    expect(readWrite.client.getInstructions()).not.toContain('RequestApproval');
    expect(readWrite.client.getInstructions()).toContain('extensions.approvalRequest');
    // Control: the agent in the same session is offered the staff tools and the approval tool.
    const agent = await loop.connect({ authorization: `Bearer ${await t.tokenFor('agent')}`, ...withSession(readWrite.session.token) });
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['FindCustomer', 'EndSession', 'AskApproval', 'AddressedApprovals', 'RefundInvoice', 'RequestApproval']),
    );
    expect(agent.getInstructions()).toContain('RequestApproval');
  });

  it('reads the account with personal data as pseudonyms: the same within the session, others in the next, never the value', async () => {
    const first = await delegated();
    const a = await call(first.client, 'Account');
    const b = await call(first.client, 'Account');
    expect(a.isError).toBe(false);
    expect(a.answer.errors).toBeUndefined();
    const account = a.answer.data?.['account'] as { name: string; users: Array<{ id: string; name: string; email: string }> };
    const real = await t.demo.selectFrom('users').select(['id', 'name', 'email']).where('account_id', '=', 'acc_acme').execute();
    expect(account.users.length).toBe(real.length);
    const stand = (users: typeof account.users) => new Map(users.map((user) => [user.id, user]));
    for (const user of account.users) {
      expect(user.name).toMatch(/^person_[0-9a-f]{8}$/);
      expect(user.email).toMatch(/^email_[0-9a-f]{8}@masked\.invalid$/);
    }
    // The account's name is public by class: shown as it is, to anyone.
    expect(account.name).toBe('Acme Co');
    // No stand-in equals or contains any value it could stand for, nor any part of it.
    const values = real.flatMap((user) => [user.name, user.email, ...user.name.split(' '), user.email.split('@')[0] ?? '']);
    const pseudonyms = [...account.users.flatMap((user) => [user.name, user.email])];
    for (const pseudonym of pseudonyms) for (const value of values) expect(pseudonym.toLowerCase()).not.toContain(value.toLowerCase());
    for (const value of values) expect(a.text).not.toContain(value);
    // The same value, the same stand-in, within the session.
    expect(b.answer.data).toEqual(a.answer.data);
    const tomNow = stand(account.users).get(TOM.id);
    expect(tomNow?.name).toMatch(/^person_/);
    // The banner names the customer as the data does.
    expect(a.answer.extensions?.['impersonation']).toMatchObject({ sessionId: first.session.sessionId, user: { name: tomNow?.name } });

    await endSessionAs(t, 'agent', first.session.sessionId);
    const second = await delegated();
    const c = await call(second.client, 'Account');
    const next = stand((c.answer.data?.['account'] as typeof account).users);
    for (const user of account.users) {
      expect(next.get(user.id)?.name).toMatch(/^person_[0-9a-f]{8}$/);
      expect(next.get(user.id)?.name).not.toBe(user.name);
      expect(next.get(user.id)?.email).not.toBe(user.email);
    }
    await expectChainOnEveryRow(first.session.sessionId, TOM);
    const reads = (await assistantRows(first.session.sessionId)).filter((row) => row.kind === 'field_read');
    expect(reads.find((row) => row.type_field === 'User.email')?.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, read User\.email .* as Tom Baker \(Acme Co\)/);
  });

  it('is refused a sensitive field: null with FIELD_DENIED, the value nowhere, recorded as denied', async () => {
    const { session, client } = await delegated();
    const { answer, isError, text } = await call(client, 'Me');
    expect(isError).toBe(false);
    expect(answer.data?.['me']).toMatchObject({ id: TOM.id, birthDate: null, nationalId: null });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual(
      expect.arrayContaining([
        [['me', 'birthDate'], 'FIELD_DENIED'],
        [['me', 'nationalId'], 'FIELD_DENIED'],
      ]),
    );
    const tom = await t.demo.selectFrom('users').select(['birth_date', 'national_id']).where('id', '=', TOM.id).executeTakeFirstOrThrow();
    for (const value of [tom.birth_date, tom.national_id]) expect(text).not.toContain(String(value));
    const denied = (await assistantRows(session.sessionId)).find((row) => row.type_field === 'User.birthDate');
    expect(denied?.decision).toBe('denied');
    await expectChainOnEveryRow(session.sessionId, TOM);
  });
});

describe('a tool outside its list', () => {
  it('is refused TOOL_NOT_OFFERED before anything runs, recorded with the chain', async () => {
    const { session, client } = await delegated({ userId: JANE.id, mode: 'read_write' });
    for (const [name, args] of [
      ['FindCustomer', { search: 'acme' }],
      ['EndSession', { sessionId: session.sessionId }],
      ['RequestApproval', { tool: 'RefundInvoice', arguments: { invoiceId: 'inv_acme_001' }, reason: 'Customer was double charged for the March invoice' }],
      ['ApproveRequest', { id: 'apr_anything' }],
    ] as const) {
      const error = await refusalOf(client.callTool({ name, arguments: args }));
      expect(error, name).toBeInstanceOf(McpError);
      expect((error as McpError).data).toEqual({ code: 'TOOL_NOT_OFFERED' });
    }
    expect((await t.db.selectFrom('impersonation_sessions').select('status').where('id', '=', session.sessionId).executeTakeFirstOrThrow()).status).toBe('active');
    const rows = await assistantRows(session.sessionId);
    expect(rows.map((row) => [row.kind, row.operation, row.details['code'], row.details['via']])).toEqual([
      ['request_refused', 'FindCustomer', 'TOOL_NOT_OFFERED', 'mcp'],
      ['request_refused', 'EndSession', 'TOOL_NOT_OFFERED', 'mcp'],
      ['request_refused', 'RequestApproval', 'TOOL_NOT_OFFERED', 'mcp'],
      ['request_refused', 'ApproveRequest', 'TOOL_NOT_OFFERED', 'mcp'],
    ]);
    expect(rows[1]?.summary).toBe("Assistant Triage-Bot, for Agent Sarah Lee, was refused an MCP tool call as Jane Doe (Acme Co): it named the tool EndSession, which is not among the caller's tools");
    // Nothing reached GraphQL: no change was proposed, no request opened.
    expect(await t.db.selectFrom('approval_requests').select('id').where('session_id', '=', session.sessionId).where('requester_id', '=', ASSISTANT).execute()).toEqual([]);
    await expectChainOnEveryRow(session.sessionId, JANE);
  });
});

describe('its changes', () => {
  const invoiceStatus = async (id: string) => (await t.demo.selectFrom('invoices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const executed = (sessionId: string, typeField: string) =>
    t.db.selectFrom('audit_events').select('summary').where('session_id', '=', sessionId).where('kind', '=', 'mutation_executed').where('type_field', '=', typeField).execute();
  const requestOf = (answer: ToolAnswer) => (answer.errors?.[0]?.extensions?.['approvalRequest'] as { id: string; status: string } | undefined) ?? null;

  it('a refund becomes a request for a manager, not the delegating agent; once approved it runs once, not twice', async () => {
    const { session, delegationId, client } = await delegated({ userId: JANE.id, mode: 'read_write' });
    const invoice = await t.demo.selectFrom('invoices').select('id').where('account_id', '=', 'acc_acme').where('status', '=', 'paid').orderBy('id', 'desc').executeTakeFirstOrThrow();

    const proposed = await call(client, 'RefundInvoice', { invoiceId: invoice.id });
    expect(proposed.isError).toBe(true);
    expect(codesOf(proposed.answer)).toEqual(['APPROVAL_REQUIRED']);
    const asked = requestOf(proposed.answer);
    expect(asked).toMatchObject({ status: 'pending' });
    expect(await invoiceStatus(invoice.id)).toBe('paid');
    const request = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', asked?.id ?? '').executeTakeFirstOrThrow();
    expect(request).toMatchObject({ kind: 'mutation', requester_id: ASSISTANT, approver_id: null, session_id: session.sessionId, delegation_id: delegationId });

    const byAgent = await t.execute(ImpApprove, { as: 'agent', variables: { id: request.id } });
    expect(byAgent.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const byManager = await t.execute(ImpApprove, { as: 'manager', variables: { id: request.id, note: 'Refund agreed on the ticket' } });
    expect(byManager.body.data?.approveRequest.status).toBe('approved');

    const ran = await call(client, 'RefundInvoice', { invoiceId: invoice.id });
    expect(ran.answer.errors, ran.text).toBeUndefined();
    expect(ran.answer.data?.['refundInvoice']).toMatchObject({ id: invoice.id, status: 'refunded' });
    expect(await invoiceStatus(invoice.id)).toBe('refunded');

    const twice = await call(client, 'RefundInvoice', { invoiceId: invoice.id });
    expect(twice.isError).toBe(true);
    expect(twice.answer.data ?? null).toBeNull();
    expect(await executed(session.sessionId, 'Mutation.refundInvoice')).toHaveLength(1);
    await expectChainOnEveryRow(session.sessionId, JANE);
  });

  it('a routine change becomes a request for the delegating agent, not a manager; once approved it runs once, not twice', async () => {
    const { session, client } = await delegated({ userId: JANE.id, mode: 'read_write' });
    const args = { input: { invoiceId: 'inv_acme_012', taxRate: 7 } };
    const proposed = await call(client, 'SetInvoiceTaxRate', args);
    expect(codesOf(proposed.answer)).toEqual(['APPROVAL_REQUIRED']);
    const request = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', requestOf(proposed.answer)?.id ?? '').executeTakeFirstOrThrow();
    expect(request).toMatchObject({ requester_id: ASSISTANT, approver_id: 'stf_sarah' });

    const byManager = await t.execute(ImpApprove, { as: 'manager', variables: { id: request.id } });
    expect(byManager.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const byAgent = await t.execute(ImpApprove, { as: 'agent', variables: { id: request.id, note: 'Yes, 7% is right' } });
    expect(byAgent.body.data?.approveRequest.status).toBe('approved');

    const ran = await call(client, 'SetInvoiceTaxRate', args);
    expect(ran.answer.errors, ran.text).toBeUndefined();
    expect((await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', 'inv_acme_012').executeTakeFirstOrThrow()).tax_rate_bp).toBe(700);
    const twice = await call(client, 'SetInvoiceTaxRate', args);
    expect(codesOf(twice.answer)).toEqual(['APPROVAL_REQUIRED']);
    expect(await executed(session.sessionId, 'Mutation.setInvoiceTaxRate')).toHaveLength(1);
    await expectChainOnEveryRow(session.sessionId, JANE);
  });
});

describe('the delegation behind the client', () => {
  /** A refusal before the MCP server ran reaches the SDK client as the HTTP status and the JSON-RPC error it carries. */
  async function refusedBeforeTheServer(promise: Promise<unknown>): Promise<{ status: unknown; code: unknown }> {
    const error = await refusalOf(promise);
    if (!(error instanceof Error) || !('code' in error)) throw new Error(`expected an HTTP refusal, got ${String(error)}`);
    const body = JSON.parse(error.message.slice(error.message.indexOf('{'))) as { error?: { data?: { code?: unknown } } };
    return { status: error.code, code: body.error?.data?.code };
  }
  const refusals = (sessionId: string, code: string) =>
    t.db.selectFrom('audit_events').selectAll().where('session_id', '=', sessionId).where('actor_kind', '=', 'assistant').where(sql<boolean>`details->>'code' = ${code}`).execute();

  it('revoked by the agent, refuses the next tool call with DELEGATION_REVOKED, recorded with the chain', async () => {
    const { session, delegationId, client } = await delegated();
    expect((await call(client, 'Me')).isError).toBe(false);
    // The agent takes it back over GraphQL, as the console does.
    const revoked = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor('agent')}` },
      body: JSON.stringify({ query: 'mutation Revoke($id: ID!) { revokeDelegation(delegationId: $id) { id revokedAt } }', variables: { id: delegationId } }),
    });
    expect(await revoked.json()).toMatchObject({ data: { revokeDelegation: { id: delegationId } } });
    expect(await refusedBeforeTheServer(call(client, 'Me'))).toEqual({ status: 403, code: 'DELEGATION_REVOKED' });
    const recorded = await refusals(session.sessionId, 'DELEGATION_REVOKED');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, was refused/);
    await expectChainOnEveryRow(session.sessionId, TOM);
  });

  it('whose session ended, refuses the next tool call with DELEGATION_ENDED, recorded with the chain', async () => {
    const { session, client } = await delegated();
    expect((await call(client, 'Account')).isError).toBe(false);
    await endSessionAs(t, 'agent', session.sessionId);
    expect(await refusedBeforeTheServer(call(client, 'Account'))).toEqual({ status: 403, code: 'DELEGATION_ENDED' });
    expect(await refusals(session.sessionId, 'DELEGATION_ENDED')).toHaveLength(1);
    await expectChainOnEveryRow(session.sessionId, TOM);
  });
});

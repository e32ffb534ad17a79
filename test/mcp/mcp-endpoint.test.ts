import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MCP_OPERATIONS } from '../../src/domain/mcp-operations.js';
import { endOpenSessions, ImpApprove, openSession, withAuditStoreDown, withSession } from '../impersonation/sessions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { serveOnLoopback, type LoopbackGateway } from '../support/mcp-client.js';

/**
 * The MCP endpoint as an assistant meets it: an SDK client over loopback, each caller offered
 * the tools its policy could ever allow, each call through the whole GraphQL pipeline.
 */

let t: TestGateway;
let loop: LoopbackGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true, mcp: { operations: DEMO_MCP_OPERATIONS } });
  loop = await serveOnLoopback(t);
});
afterAll(async () => {
  await loop.close();
  await t.close();
});
afterEach(() => endOpenSessions(t));

const bearer = async (who: string) => ({ authorization: `Bearer ${await t.tokenFor(who)}` });
const toolNames = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name);

interface ToolAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ answer: ToolAnswer; isError: boolean }> {
  const result = await client.callTool({ name, arguments: args });
  return { answer: result.structuredContent as ToolAnswer, isError: result.isError === true };
}

const codesOf = (answer: ToolAnswer) => (answer.errors ?? []).map((error) => error.extensions?.['code']);

async function refusalOf(promise: Promise<unknown>): Promise<McpError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof McpError)) throw new Error(`expected a JSON-RPC error, got ${JSON.stringify(error)}`);
  return error;
}

const rowsOf = (where: { sessionId?: string; actorId?: string; operation?: string; kind?: string }) => {
  let query = t.db.selectFrom('audit_events').selectAll().orderBy('chain_seq');
  if (where.sessionId) query = query.where('session_id', '=', where.sessionId);
  if (where.actorId) query = query.where('actor_id', '=', where.actorId);
  if (where.operation) query = query.where('operation', '=', where.operation);
  if (where.kind) query = query.where('kind', '=', where.kind);
  return query.execute();
};

/** A paid invoice of Acme Co that no other test refunds. */
async function paidInvoice(): Promise<string> {
  const invoice = await t.demo.selectFrom('invoices').select('id').where('account_id', '=', 'acc_acme').where('status', '=', 'paid').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return invoice.id;
}
const invoiceStatus = async (id: string) => (await t.demo.selectFrom('invoices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('before a valid bearer token', () => {
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'probe', version: '1' } } };

  it.each([
    ['no token', {}],
    ['a token Warden did not sign', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
  ])('answers nothing but 401 UNAUTHENTICATED, with %s: no server info, no tools; counted', async (_, headers) => {
    const counted = async () => (await t.metrics.unauthenticatedRequests.get()).values.reduce((sum, value) => sum + value.value, 0);
    const before = await counted();
    for (const message of [initialize, { jsonrpc: '2.0', id: 2, method: 'tools/list' }]) {
      const response = await fetch(loop.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(message) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['error', 'id', 'jsonrpc']);
      expect(body['error']).toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
      expect(JSON.stringify(body)).not.toMatch(/serverInfo|capabilities|tools|Account|Invoice|Refund/);
    }
    expect(await counted()).toBe(before + 2);
  });

  it('lets no SDK client connect', async () => {
    await expect(loop.connect({})).rejects.toThrow();
  });
});

describe('a customer', () => {
  it('connects over loopback, is offered the tools its policy allows, and reads its account', async () => {
    const client = await loop.connect(await bearer('customer'));
    // The server names itself and Warden's own version, as its package states it.
    expect(client.getServerVersion()).toEqual({ name: 'warden', version: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version });
    expect(await toolNames(client)).toEqual(['Account', 'Invoices', 'Invoice', 'Me', 'SetInvoiceTaxRate', 'RefundInvoice']);
    const { answer, isError } = await call(client, 'Account');
    expect(isError).toBe(false);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['account']).toMatchObject({ id: 'acc_acme', name: 'Acme Co', users: expect.arrayContaining([{ id: 'usr_tom', name: 'Tom Baker', email: 'tom.baker@acme.example', role: 'member' }]) });
  });

  it("gets each tool's input schema from the operation's variables: input objects, enums, defaults, required", async () => {
    const client = await loop.connect(await bearer('customer'));
    const tools = new Map((await client.listTools()).tools.map((tool) => [tool.name, tool]));
    expect(tools.get('Invoices')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['draft', 'open', 'paid', 'refunded', 'void'] },
        first: { type: 'integer', default: 20 },
      },
      additionalProperties: false,
    });
    expect(tools.get('SetInvoiceTaxRate')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        input: {
          type: 'object',
          properties: { invoiceId: { type: 'string' }, taxRate: { type: 'number', description: 'Percent, 0 to 100, at most two decimals.' } },
          required: ['invoiceId', 'taxRate'],
          additionalProperties: false,
        },
      },
      required: ['input'],
      additionalProperties: false,
    });
    expect(tools.get('RefundInvoice')).toMatchObject({
      inputSchema: { properties: { invoiceId: { type: 'string' } }, required: ['invoiceId'] },
      annotations: { readOnlyHint: false, destructiveHint: true },
    });
    expect(tools.get('Account')?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('is refused a staff tool it was not offered: TOOL_NOT_OFFERED, nothing run, recorded', async () => {
    const client = await loop.connect(await bearer('customer'));
    const error = await refusalOf(client.callTool({ name: 'FindCustomer', arguments: { search: 'acme' } }));
    expect(error.data).toEqual({ code: 'TOOL_NOT_OFFERED' });
    expect(error.message).toMatch(/"FindCustomer" is not one of your tools; list them \(tools\/list\)/);
    const rows = await rowsOf({ actorId: 'usr_jane', operation: 'FindCustomer' });
    expect(rows.map((row) => [row.kind, row.details['code']])).toEqual([['request_refused', 'TOOL_NOT_OFFERED']]);
    expect(rows[0]?.summary).toBe("Jane Doe's MCP tool call was refused: it named the tool FindCustomer, which is not among the caller's tools");
  });
});

describe('staff outside a session', () => {
  it('are offered staff tools only: a manager the directory and the approvals, no customer account', async () => {
    const client = await loop.connect(await bearer('manager'));
    expect(await toolNames(client)).toEqual(['FindCustomer', 'PendingApprovals']);
    const agent = await loop.connect(await bearer('agent'));
    expect(await toolNames(agent)).toEqual(['FindCustomer']);
  });
});

describe('an agent in a read-only session', () => {
  it('reads the account as the customer sees it, masked, with the banner, every field on the trail', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    expect(await toolNames(client)).toEqual(['Account', 'Invoices', 'Invoice', 'Me', 'FindCustomer']);
    const { answer, isError } = await call(client, 'Account');
    expect(isError).toBe(false);
    const account = answer.data?.['account'] as { users: Array<{ id: string; email: string }> };
    expect(account.users.find((user) => user.id === 'usr_tom')?.email).toBe('t•••@acme.example');
    expect(answer.extensions?.['impersonation']).toMatchObject({ sessionId: session.sessionId, user: { id: 'usr_tom' }, banner: expect.stringContaining('Viewing as Tom Baker (Acme Co)') });
    const reads = await rowsOf({ sessionId: session.sessionId, operation: 'Account', kind: 'field_read' });
    expect(reads.find((row) => row.type_field === 'User.email')?.decision).toBe('masked');
  });

  it('is refused a sensitive field: null with FIELD_DENIED, recorded as denied', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    const { answer, isError } = await call(client, 'Me');
    expect(isError).toBe(false);
    expect(answer.data?.['me']).toMatchObject({ id: 'usr_tom', birthDate: null, nationalId: null });
    expect(answer.errors?.filter((error) => error.extensions?.['code'] === 'FIELD_DENIED').map((error) => error.path)).toEqual(
      expect.arrayContaining([['me', 'birthDate'], ['me', 'nationalId']]),
    );
    const reads = await rowsOf({ sessionId: session.sessionId, operation: 'Me', kind: 'field_read' });
    expect(reads.find((row) => row.type_field === 'User.birthDate')?.decision).toBe('denied');
  });

  it('is refused a change tool it was not offered before anything runs: TOOL_NOT_OFFERED, recorded, the gate never reached', async () => {
    const session = await openSession(t, { userId: 'usr_jane' });
    const invoiceId = await paidInvoice();
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    for (const name of ['RefundInvoice', 'DropAllTables']) {
      const error = await refusalOf(client.callTool({ name, arguments: { invoiceId } }));
      expect(error.data).toEqual({ code: 'TOOL_NOT_OFFERED' });
    }
    expect(await invoiceStatus(invoiceId)).toBe('paid');
    const rows = await rowsOf({ sessionId: session.sessionId });
    const refused = rows.filter((row) => row.kind === 'request_refused');
    expect(refused.map((row) => [row.operation, row.details['code'], row.actor_id])).toEqual([
      ['RefundInvoice', 'TOOL_NOT_OFFERED', 'stf_sarah'],
      ['DropAllTables', 'TOOL_NOT_OFFERED', 'stf_sarah'],
    ]);
    expect(refused[0]?.summary).toBe("Agent Sarah Lee's MCP tool call as Jane Doe (Acme Co) was refused: it named the tool RefundInvoice, which is not among the caller's tools");
    // Nothing reached GraphQL: the gate, which would refuse a change in a read-only session, recorded nothing.
    expect(rows.filter((row) => row.kind === 'mutation_refused')).toEqual([]);
  });

  it('is refused with AUDIT_UNAVAILABLE when the refusal of a call cannot be recorded (fail closed)', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    const error = await withAuditStoreDown(t, () => refusalOf(client.callTool({ name: 'RefundInvoice', arguments: { invoiceId: 'inv_acme_001' } })));
    expect(error.data).toEqual({ code: 'AUDIT_UNAVAILABLE' });
    const extra = await withAuditStoreDown(t, () => call(client, 'Invoice', { id: 'inv_acme_001', limit: 5 }));
    expect(codesOf(extra.answer)).toEqual(['AUDIT_UNAVAILABLE']);
  });

  it('gets an argument the tool does not take refused as BAD_USER_INPUT, recorded; and a value that does not fit refused by GraphQL before it runs', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    const extra = await call(client, 'Invoice', { id: 'inv_acme_001', limit: 5 });
    expect(extra.isError).toBe(true);
    expect(codesOf(extra.answer)).toEqual(['BAD_USER_INPUT']);
    expect(extra.answer.errors?.[0]?.message).toBe('Invoice takes no argument "limit"; send only the arguments its input schema lists.');
    expect(extra.answer.extensions?.['impersonation']).toMatchObject({ sessionId: session.sessionId, banner: expect.stringContaining('Viewing as Tom Baker') });
    // A name every object answers to is no argument of the tool either.
    const inherited = await call(client, 'Invoice', { id: 'inv_acme_001', constructor: 1 });
    expect(codesOf(inherited.answer)).toEqual(['BAD_USER_INPUT']);
    const wrong = await call(client, 'Invoices', { status: 'lost' });
    expect(wrong.isError).toBe(true);
    expect(codesOf(wrong.answer)).toEqual(['BAD_USER_INPUT']);
    const rows = await rowsOf({ sessionId: session.sessionId, kind: 'request_refused' });
    expect(rows.map((row) => [row.operation, row.details['code']])).toEqual([
      ['Invoice', 'BAD_USER_INPUT'],
      ['Invoice', 'BAD_USER_INPUT'],
      ['Invoices', 'BAD_USER_INPUT'],
    ]);
    expect(await rowsOf({ sessionId: session.sessionId, kind: 'field_read' })).toEqual([]);
  });
});

describe('an agent in a read-write session', () => {
  it('proposes a refund that waits for approval, and runs it once after a manager approves', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const invoiceId = await paidInvoice();
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    expect(await toolNames(client)).toEqual(['Account', 'Invoices', 'Invoice', 'Me', 'FindCustomer', 'SetInvoiceTaxRate', 'RefundInvoice', 'RequestApproval']);

    const unapproved = await call(client, 'RefundInvoice', { invoiceId });
    expect(unapproved.isError).toBe(true);
    expect(codesOf(unapproved.answer)).toEqual(['APPROVAL_REQUIRED']);
    expect(await invoiceStatus(invoiceId)).toBe('paid');

    const proposed = await call(client, 'RequestApproval', {
      tool: 'RefundInvoice',
      arguments: { invoiceId },
      reason: 'Customer was double charged for the March invoice and asked for a refund on ticket SUP-1234',
    });
    expect(proposed.isError).toBe(false);
    const request = proposed.answer.data?.['requestMutationApproval'] as { id: string; kind: string; status: string; summary: string };
    expect(request).toMatchObject({ kind: 'mutation', status: 'pending', summary: expect.stringContaining('asks to refund invoice') });
    expect(await invoiceStatus(invoiceId)).toBe('paid');

    const approved = await t.execute(ImpApprove, { as: 'manager', variables: { id: request.id, note: 'Refund confirmed with billing' } });
    expect(approved.body.data?.approveRequest.status).toBe('approved');

    const ran = await call(client, 'RefundInvoice', { invoiceId });
    expect(ran.answer.errors).toBeUndefined();
    expect(ran.answer.data?.['refundInvoice']).toMatchObject({ id: invoiceId, status: 'refunded' });
    expect(await invoiceStatus(invoiceId)).toBe('refunded');

    const again = await call(client, 'RefundInvoice', { invoiceId });
    expect(codesOf(again.answer)).toEqual(['APPROVAL_REQUIRED']);
    const executed = await rowsOf({ sessionId: session.sessionId, kind: 'mutation_executed' });
    expect(executed.map((row) => [row.type_field, row.operation])).toEqual([['Mutation.refundInvoice', 'RefundInvoice']]);
    expect((await rowsOf({ sessionId: session.sessionId, kind: 'approval_used' })).length).toBe(1);
  });

  it('gets a proposal for a tool that is not among its risky tools refused, recorded', async () => {
    const session = await openSession(t, { userId: 'usr_jane', mode: 'read_write' });
    const client = await loop.connect({ ...(await bearer('agent')), ...withSession(session.token) });
    const proposed = await call(client, 'RequestApproval', { tool: 'SetInvoiceTaxRate', arguments: {}, reason: 'Tax rate on the March invoice should be 10% not 20%' });
    expect(codesOf(proposed.answer)).toEqual(['TOOL_NOT_OFFERED']);
    const requested = await rowsOf({ sessionId: session.sessionId, kind: 'approval_requested' });
    expect(requested.filter((row) => row.details['requestKind'] === 'mutation')).toEqual([]);
    const refused = await rowsOf({ sessionId: session.sessionId, kind: 'request_refused' });
    expect(refused.map((row) => [row.operation, row.details['code']])).toEqual([['RequestApproval', 'TOOL_NOT_OFFERED']]);
  });
});

describe('the endpoint', () => {
  const post = async (headers: Record<string, string>, method = 'POST') =>
    fetch(loop.mcpUrl, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      ...(method === 'POST' ? { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) } : {}),
    });

  it("refuses a session token Warden did not issue as the GraphQL endpoint does, before the SDK reads anything", async () => {
    const response = await post({ ...(await bearer('agent')), ...withSession('imp_not_a_real_session_token') });
    expect(response.status).toBe(403);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error']).toMatchObject({ data: { code: 'SESSION_EXPIRED' } });
    expect(body['result']).toBeUndefined();
  });

  it('is stateless: GET and DELETE are 405 once the caller is known', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await post(await bearer('customer'), method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });

  it.each<[string, { method?: string; headers?: Record<string, string>; body?: string }, number, string, RegExp]>([
    ['a body that is not JSON', { body: '{"jsonrpc":' }, 400, 'BAD_REQUEST', /its body is not valid JSON-RPC$/],
    ['a media type other than JSON', { headers: { 'content-type': 'text/plain' } }, 415, 'BAD_REQUEST', /it was not sent as JSON$/],
    ['an Accept header without an event stream', { headers: { accept: 'application/json' } }, 406, 'BAD_REQUEST', /its Accept header does not take both JSON and an event stream$/],
    ['a method the endpoint does not offer', { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'resources/list' }) }, 200, 'BAD_REQUEST', /it called an MCP method this endpoint does not offer$/],
    ['a protocol version it does not speak', { headers: { 'mcp-protocol-version': '1999-01-01-x' } }, 400, 'BAD_REQUEST', /it named an MCP protocol version this endpoint does not speak$/],
    ['a tool call without a name', { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { arguments: {} } }) }, 200, 'BAD_USER_INPUT', /its message's params do not fit the MCP method$/],
  ])('refuses %s from a known caller with a code, and records it', async (_what, sent, status, code, clause) => {
    const requestId = `mcp-refused-${randomUUID()}`;
    const response = await fetch(loop.mcpUrl, {
      method: sent.method ?? 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-request-id': requestId, ...(await bearer('agent')), ...sent.headers },
      ...((sent.method ?? 'POST') === 'POST' ? { body: sent.body ?? JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) } : {}),
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error?: { message: string; data?: { code?: string } }; result?: unknown };
    expect(body.result).toBeUndefined();
    expect(body.error?.data?.code).toBe(code);
    expect(body.error?.message).not.toMatch(/"code":|invalid_type/);
    const rows = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();
    expect(rows.map((row) => [row.kind, row.actor_id, row.details['via'], row.details['code']])).toEqual([['request_refused', 'stf_sarah', 'mcp', code]]);
    expect(rows[0]?.summary).toMatch(clause);
    // Nothing the caller sent is repeated, in the answer or on the trail.
    expect(JSON.stringify([body, rows])).not.toContain('1999-01-01-x');
  });

  it("refuses a page of another origin (DNS rebinding), recorded; the endpoint's own origin passes", async () => {
    const refused = await post({ ...(await bearer('customer')), origin: 'https://attacker.example' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { data: { code: 'FORBIDDEN' } } });
    const own = await post({ ...(await bearer('customer')), origin: loop.mcpUrl.origin });
    expect(own.status).toBe(200);
    const rows = await rowsOf({ actorId: 'usr_jane', kind: 'request_refused' });
    expect(rows.some((row) => row.summary.endsWith('it came from a page of an origin that is not allowed'))).toBe(true);
  });

  it('sends no CORS headers by default, to a preflight or a request', async () => {
    const preflight = await fetch(loop.mcpUrl, { method: 'OPTIONS', headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, mcp-protocol-version' } });
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const answered = await post({ ...(await bearer('customer')), origin: 'https://console.example.com' });
    expect([...answered.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('a gateway listing origins (WARDEN_CORS_ORIGINS)', () => {
  it("approves a listed origin's preflight for /mcp with the MCP protocol header, and lets its page call", async () => {
    const listing = await startTestGateway({ WARDEN_CORS_ORIGINS: 'https://console.example.com' }, { database: t.database, realSessions: true, mcp: { operations: DEMO_MCP_OPERATIONS } });
    try {
      const preflight = await listing.fetch('/mcp', { method: 'OPTIONS', headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, mcp-protocol-version' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('mcp-protocol-version');
      const answered = await listing.fetch('/mcp', {
        method: 'POST',
        headers: { origin: 'https://console.example.com', authorization: `Bearer ${await listing.tokenFor('customer')}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(answered.status).toBe(200);
      expect(answered.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    } finally {
      await listing.close();
    }
  });
});

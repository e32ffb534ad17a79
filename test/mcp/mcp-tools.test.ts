import { describe, expect, it } from 'vitest';
import type { AssistantPrincipal, CustomerPrincipal, StaffPrincipal } from '../../src/auth/principal.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { DEMO_MCP_OPERATIONS } from '../../src/domain/mcp-operations.js';
import { McpOperationsError, offeredTools, prepareMcpTools, type McpOperation, type McpTool, type ToolCaller } from '../../src/mcp/index.js';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { compilePolicy } from '../../src/policy/compile-policy.js';
import { assistantSessionAccess, directAccess, impersonationAccess, type SessionInfo } from '../../src/policy/access.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { staticPolicySource } from '../../src/policy/policy-source.js';
import { startTestGateway } from '../support/gateway.js';
import { serveOnLoopback } from '../support/mcp-client.js';

/** Which tools each caller is offered, decided without a server; and the declarations a gateway refuses. */

const demo = buildDemoSchema();
const baseline = loadBaselinePolicy(demo.catalog.fields);

const agent: StaffPrincipal = { kind: 'staff', id: 'stf_sarah', name: 'Sarah Lee', roles: ['support_agent'], authTime: new Date() };
const tom: CustomerPrincipal = { kind: 'customer', id: 'usr_tom', name: 'Tom Baker', accountId: 'acc_acme', role: 'member', authTime: new Date() };

function session(mode: SessionInfo['mode']): SessionInfo {
  const later = new Date(Date.now() + 30 * 60_000);
  return { id: 'ses_1', mode, agent: { id: agent.id, name: agent.name }, user: { id: tom.id, name: tom.name }, account: { id: 'acc_acme', name: 'Acme Co' }, expiresAt: later, idleExpiresAt: later };
}

/** The caller as a request's context would present it, under `document`. */
function caller(who: 'customer' | 'staff' | SessionInfo['mode'], document: PolicyDocument = baseline): ToolCaller {
  const compiled = compilePolicy(1, document, demo.catalog.fields.values());
  const principal = who === 'customer' ? tom : agent;
  const access = who === 'customer' || who === 'staff' ? directAccess(principal) : impersonationAccess(tom, who, new Set(), session(who));
  return { principal, access, policy: { decisions: compiled.columns[access.column] } };
}

const names = (operations: readonly McpOperation[], who: ToolCaller) => offeredTools(prepareMcpTools(demo.schema, operations), who).map((tool) => tool.name);

const MY_CONTACT: McpOperation = { description: 'How to reach the user you act as.', document: 'query MyContact { me { email phone } }' };
const MY_BIRTH_DATE: McpOperation = { description: "The user's birth date.", document: 'query MyBirthDate { me { birthDate } }' };
const EXPORT: McpOperation = { description: 'Every invoice as CSV.', document: 'mutation ExportInvoices { exportInvoices }' };

describe('the tools a caller is offered', () => {
  it('leave out a tool whose every value the policy denies to the caller, and offer it where the policy masks them', () => {
    const piiDeniedInSessions = structuredClone(baseline);
    piiDeniedInSessions.classes.pii.impersonation_read_only = 'deny';
    expect(names([MY_CONTACT], caller('read_only', piiDeniedInSessions))).toEqual([]);
    expect(names([MY_CONTACT], caller('read_only'))).toEqual(['MyContact']);
  });

  it('offer a tool reading a sensitive field in a session, where a manager could grant it; never where no grant reaches', () => {
    expect(names([MY_BIRTH_DATE], caller('read_only'))).toEqual(['MyBirthDate']);
    const sensitiveDeniedToCustomers = structuredClone(baseline);
    sensitiveDeniedToCustomers.classes.sensitive.customer = 'deny';
    expect(names([MY_BIRTH_DATE], caller('customer', sensitiveDeniedToCustomers))).toEqual([]);
    expect(names([MY_BIRTH_DATE], caller('customer'))).toEqual(['MyBirthDate']);
  });

  it('offer changes only where the gate could ever let them run', () => {
    const changes = DEMO_MCP_OPERATIONS.filter((operation) => operation.document.startsWith('mutation')).concat(EXPORT);
    expect(names(changes, caller('customer'))).toEqual(['SetInvoiceTaxRate', 'RefundInvoice', 'ExportInvoices']);
    expect(names(changes, caller('read_only'))).toEqual([]);
    expect(names(changes, caller('read_write'))).toEqual(['SetInvoiceTaxRate', 'RefundInvoice']);
  });

  it("offer an AI assistant the changes its delegated session could propose, never a session control and nothing outside a session, whoever the fields' callers", () => {
    const triage: AssistantPrincipal = { kind: 'assistant', id: 'ast_triage', name: 'Triage-Bot', vendor: 'Example Labs', model: 'triage-1', onBehalfOf: null, priorActors: [], authTime: new Date() };
    const assistant = (mode: SessionInfo['mode'] | null): ToolCaller => {
      const access = mode ? assistantSessionAccess(tom, session(mode), 'key', { id: 'dlg_1', agent: { id: agent.id, name: agent.name } }) : directAccess(triage);
      return { principal: triage, access, policy: { decisions: compilePolicy(1, baseline, demo.catalog.fields.values()).columns[access.column] } };
    };
    const changes = DEMO_MCP_OPERATIONS.filter((operation) => operation.document.startsWith('mutation'));
    expect(names(changes, assistant('read_write'))).toEqual(['SetInvoiceTaxRate', 'RefundInvoice']);
    expect(names(changes, assistant('read_only'))).toEqual([]);
    // Fields any caller may reach: the firewall lets them through, the gate's rules for an assistant must not.
    const [tool] = prepareMcpTools(demo.schema, [{ description: 'End the session.', document: 'mutation EndSession($id: ID!) { endImpersonation(sessionId: $id) { id } }' }]);
    if (!tool) throw new Error('no tool prepared');
    const control: McpTool = { ...tool, rootFields: [{ name: 'endImpersonation', callers: 'authenticated', risk: 'session-control' }] };
    const routine: McpTool = { ...tool, rootFields: [{ name: 'setInvoiceTaxRate', callers: 'authenticated', risk: 'routine' }] };
    expect(offeredTools([control], assistant('read_write'))).toEqual([]);
    expect(offeredTools([routine], assistant(null))).toEqual([]);
    // Control: a person is offered both, as the gate lets them run.
    expect(offeredTools([control], caller('read_write'))).toEqual([control]);
    expect(offeredTools([routine], caller('staff'))).toEqual([routine]);
  });

  it('follow the operation firewall: customer fields to customers and sessions, staff fields to staff', () => {
    expect(names(DEMO_MCP_OPERATIONS, caller('staff'))).toEqual(['FindCustomer']);
    expect(names(DEMO_MCP_OPERATIONS, caller('customer'))).toEqual(['Account', 'Invoices', 'Invoice', 'Me', 'SetInvoiceTaxRate', 'RefundInvoice']);
  });
});

describe("a tool's input schema", () => {
  const inputOf = (document: string) => prepareMcpTools(demo.schema, [{ description: 'Does something.', document }])[0]?.inputSchema;

  it('describes lists as arrays, input objects with their descriptions, enums, and the schema\'s own scalars by their description', () => {
    expect(inputOf('mutation Ask($input: RequestFieldAccessInput!) { requestFieldAccess(input: $input) { id } }')).toEqual({
      type: 'object',
      properties: {
        input: {
          type: 'object',
          properties: { fields: { type: 'array', items: { type: 'string' }, description: 'Sensitive fields as Type.field, e.g. User.birthDate.' }, reason: { type: 'string' } },
          required: ['fields', 'reason'],
          additionalProperties: false,
        },
      },
      required: ['input'],
      additionalProperties: false,
    });
    expect(inputOf('query Users($filter: UserFilter, $order: UserOrder) { account { users(filter: $filter, orderBy: $order) { id } } }')).toMatchObject({
      properties: {
        filter: { type: 'object', properties: { email: { type: 'string', description: 'Exact address, case-insensitive.' }, role: { type: 'string', enum: ['admin', 'billing', 'member', 'owner'] } }, additionalProperties: false },
        order: { type: 'string', enum: ['CREATED_AT', 'EMAIL', 'NAME', 'ROLE'] },
      },
    });
    expect(inputOf('query Review($from: DateTime!, $to: DateTime!) { accessReview(from: $from, to: $to) { agentId } }')).toEqual({
      type: 'object',
      properties: { from: { description: 'A point in time, as an ISO 8601 string in UTC.' }, to: { description: 'A point in time, as an ISO 8601 string in UTC.' } },
      required: ['from', 'to'],
      additionalProperties: false,
    });
  });
});

describe('declared operations a gateway refuses, saying what to fix', () => {
  const prepare = (document: string, description = 'Does something.') => () => prepareMcpTools(demo.schema, [{ description, document }]);

  it.each([
    ['no description', prepare('query Me { me { id } }', ' '), 'MCP operation 1: has no description; say what the tool does and when to use it.'],
    ['not GraphQL', prepare('query {'), /^MCP operation 1: is not valid GraphQL \(Syntax Error/],
    ['two operations', prepare('query A { me { id } } query B { me { id } }'), 'MCP operation 1: holds 2 operations; give each tool exactly one.'],
    ['no name', prepare('{ me { id } }'), "MCP operation 1: has no name; name the operation: its name is the tool's name."],
    ['a subscription', prepare('subscription Ticks { ticks }'), 'MCP operation 1 (Ticks): is a subscription; tools run queries and mutations.'],
    ['a field the schema lacks', prepare('query Me { me { shoeSize } }'), 'MCP operation 1 (Me): does not fit the schema: Cannot query field "shoeSize" on type "User".'],
    ["Warden's own tool name", prepare('query RequestApproval { me { id } }'), "MCP operation 1 (RequestApproval): RequestApproval is Warden's own tool; give the operation another name."],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(McpOperationsError);
    expect(run).toThrow(message);
  });

  it('two operations of one name', () => {
    const twice = () => prepareMcpTools(demo.schema, [MY_CONTACT, MY_CONTACT]);
    expect(twice).toThrow('MCP operation 2 (MyContact): another operation has this name; tool names must be unique.');
  });
});

describe('a gateway under a policy of its own', () => {
  it('lists and runs tools as the policy in force allows: a tool it denies entirely is neither listed nor run', async () => {
    const piiDeniedReadOnly = structuredClone(baseline);
    piiDeniedReadOnly.classes.pii.impersonation_read_only = 'deny';
    const t = await startTestGateway({}, { policy: staticPolicySource(compilePolicy(1, piiDeniedReadOnly, demo.catalog.fields.values())), mcp: { operations: [MY_CONTACT] } });
    const loop = await serveOnLoopback(t);
    try {
      const authorization = `Bearer ${await t.tokenFor('agent')}`;
      const readOnly = await loop.connect({ authorization, 'x-test-act-as': 'usr_tom read_only' });
      expect((await readOnly.listTools()).tools).toEqual([]);
      await expect(readOnly.callTool({ name: 'MyContact', arguments: {} })).rejects.toMatchObject({ data: { code: 'TOOL_NOT_OFFERED' } });
      const readWrite = await loop.connect({ authorization, 'x-test-act-as': 'usr_tom read_write' });
      expect((await readWrite.listTools()).tools.map((tool) => tool.name)).toEqual(['MyContact']);
      const shown = await readWrite.callTool({ name: 'MyContact', arguments: {} });
      expect(shown.structuredContent).toMatchObject({ data: { me: { email: 't•••@acme.example' } } });
      // An operation that does not fit the schema stops a gateway from being created at all.
      await expect(startTestGateway({}, { database: t.database, mcp: { operations: [{ description: 'x', document: 'query Me { me { shoeSize } }' }] } })).rejects.toThrow(McpOperationsError);
    } finally {
      await loop.close();
      await t.close();
    }
  });
});

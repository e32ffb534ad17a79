import { parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideField } from '../../src/policy/decide.js';
import { auditReadsOfRequest, auditRowsOfRequest, newRequestId, withAuditInsertsFailing } from '../audit/audit-support.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { applicationRoots } from '../support/application-schema.js';
import { leaks } from '../support/canary-check.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';
import { generateQuery } from '../support/query-generator.js';
import { CANARY_ARGUMENTS, CANARY_OWNER, CANARY_OWNER_NAME, lettingsCanaryWorld, seedCanaries } from './lettings-canaries.js';

/**
 * The audit trail through the proxy: every upstream field a session reads is recorded, as the
 * policy decided it, before the response leaves; a read the upstream failed is not recorded as
 * shown; and when the trail cannot be written, nothing read from the upstream leaves, and no
 * change is sent to it.
 */

const WORLD = lettingsCanaryWorld();
const ROOTS = applicationRoots(WORLD.schema, ['customer'], CANARY_ARGUMENTS);
const DECISIONS = { allow: 'allowed', mask: 'masked', pseudonym: 'masked', deny: 'denied' } as const;

let world: ProxyWorld;
let reading: OpenSession;
let writing: OpenSession;
beforeAll(async () => {
  world = await startProxyWorld({
    env: { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' },
    seed: seedCanaries(WORLD.rows),
  });
  reading = await openSession(world.t, { agent: 'agent', userId: CANARY_OWNER, mode: 'read_only' });
  writing = await openSession(world.t, { agent: 'agent2', userId: CANARY_OWNER, mode: 'read_write' });
});
afterAll(async () => {
  await world?.close();
});

async function post(as: string | { sub: string; kind: 'customer'; name: string }, query: string, headers: Record<string, string>) {
  const requestId = newRequestId('proxy-audit');
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await world.t.tokenFor(as)}`, 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> }, requestId };
}

/** Every `Type.field` a document selects, through its fragments; `__typename` left out. */
function selectedFields(query: string): string[] {
  const typeInfo = new TypeInfo(WORLD.schema);
  const found = new Set<string>();
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) found.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...found];
}

/** What a request's rows say it read, by `Type.field/decision` (its public reads share one row, told field by field). */
async function fieldReads(requestId: string): Promise<Map<string, { data_class: string | null; session_id: string | null; subject_user_id: string | null }>> {
  const rows = await auditReadsOfRequest(world.database.db, requestId);
  return new Map(rows.filter((row) => row.kind === 'field_read').map((row) => [`${row.type_field}/${row.decision}`, row]));
}

describe('every upstream field a session reads is on the trail before the response leaves', () => {
  // `node(id:)` selects every type a node can be but answers one: its reads are the tenant's, checked through `tenant`.
  it.each(ROOTS.filter(([root]) => root !== 'node'))('%s%s: every field read on the trail, with the decision the policy made', async (root, args) => {
    const { query } = generateQuery(WORLD.schema, root, args, { style: 'plain' });
    const { body, requestId } = await post('agent', query, withSession(reading.token));
    expect(body.data?.[root]).toBeTruthy();
    expect((body.errors ?? []).every((error) => error.extensions?.['code'] === 'FIELD_DENIED')).toBe(true);

    // Read as soon as the response is in: the trail was written before it left.
    const rows = await fieldReads(requestId);
    const expected = selectedFields(query).map((coordinate) => {
      const plan = WORLD.catalog.fields.get(coordinate);
      if (!plan) throw new Error(`No plan for ${coordinate}`);
      return `${coordinate}/${DECISIONS[decideField(plan, 'impersonation_read_only', WORLD.catalog.baseline)]}`;
    });
    expect(expected.some((key) => key.endsWith('/masked')) && expected.some((key) => key.endsWith('/denied'))).toBe(true);
    expect([...rows.keys()].sort()).toEqual(expected.sort());
    for (const [key, row] of rows) {
      const plan = WORLD.catalog.fields.get(key.slice(0, key.indexOf('/')));
      expect(row, key).toMatchObject({ data_class: plan?.classification, session_id: reading.sessionId, subject_user_id: CANARY_OWNER });
    }
  });

  it("control: the customer's own reads, which are not audited by default, leave none (so the check above can fail)", async () => {
    const { query } = generateQuery(WORLD.schema, 'tenant', '(id: "ten_canary_001")', { style: 'plain' });
    const { body, requestId } = await post({ sub: CANARY_OWNER, kind: 'customer', name: CANARY_OWNER_NAME }, query, {});
    expect(body.data?.['tenant']).toBeTruthy();
    expect([...(await fieldReads(requestId)).keys()]).toEqual([]);
  });
});

describe('a read the upstream failed is not recorded as shown', () => {
  it('an upstream error on a masked field comes back as that error, not as a masked value, and its read is taken back', async () => {
    const tenant = world.upstream.data.tenants.find((row) => row.id === 'ten_canary_001');
    if (!tenant) throw new Error('no canary tenant');
    const email = tenant.email;
    // What the upstream then holds, it cannot serve as a String: it answers the field with an error.
    Object.assign(tenant, { email: { unreadable: true } });
    try {
      const { body, requestId } = await post('agent', '{ tenant(id: "ten_canary_001") { id email } }', withSession(reading.token));
      expect(body.data?.['tenant']).toEqual({ id: 'ten_canary_001', email: null });
      expect(body.errors).toEqual([expect.objectContaining({ path: ['tenant', 'email'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR' }) })]);
      const rows = await auditRowsOfRequest(world.database.db, requestId);
      expect(rows.filter((row) => row.type_field === 'Tenant.email').map((row) => [row.kind, row.decision])).toEqual([['access_denied', 'denied']]);
    } finally {
      tenant.email = email;
    }
  });

  it('an upstream refusal of a root field leaves no read of it, and a refusal naming it', async () => {
    const { body, requestId } = await post('agent', '{ tenants(first: 0) { id } }', withSession(reading.token));
    expect(body.errors).toEqual([expect.objectContaining({ path: ['tenants'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR', upstreamCode: 'BAD_USER_INPUT' }) })]);
    const rows = await auditRowsOfRequest(world.database.db, requestId);
    expect(rows.map((row) => [row.kind, row.type_field, row.decision])).toEqual([['access_denied', 'Query.tenants', 'denied']]);
  });
});

describe('when the audit write fails, nothing read from the upstream leaves', () => {
  const GRACE = '{ tenant(id: "ten_canary_001") { id fullName email phone notes leases { propertyAddress } } }';
  const customerCalls = () => world.upstream.calls.filter((call) => call.sub !== 'warden').length;

  it("answers a session's read with 503 AUDIT_UNAVAILABLE and no data; the control run answers", async () => {
    const before = customerCalls();
    const refused = await withAuditInsertsFailing(world.database.db, () => post('agent', GRACE, withSession(reading.token)));
    // The upstream was read; what it answered was withheld.
    expect(customerCalls()).toBeGreaterThan(before);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['AUDIT_UNAVAILABLE']);
    expect(refused.body).not.toHaveProperty('data');
    expect(refused.text).not.toContain('ten_canary_001');
    expect(leaks(refused.text, WORLD.canaries)).toEqual([]);
    expect(await auditRowsOfRequest(world.database.db, refused.requestId)).toEqual([]);

    const answered = await post('agent', GRACE, withSession(reading.token));
    expect(answered.status).toBe(200);
    expect(answered.body.data?.['tenant']).toMatchObject({ id: 'ten_canary_001', fullName: '[redacted]' });
    expect((await fieldReads(answered.requestId)).has('Tenant.email/masked')).toBe(true);
  });

  it('never sends a change whose record cannot be written; the control run sends it once', async () => {
    const change = 'mutation { updateTenantPhone(tenantId: "ten_canary_001", phone: "+44 7700 900123") { id } }';
    const phone = () => world.upstream.data.tenants.find((row) => row.id === 'ten_canary_001')?.phone;
    const before = phone();
    const sent = () => world.upstream.calls.filter((call) => call.fields.includes('Mutation.updateTenantPhone')).length;
    const calls = sent();
    const refused = await withAuditInsertsFailing(world.database.db, () => post('agent2', change, withSession(writing.token)), 'mutation_executed');
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['AUDIT_UNAVAILABLE']);
    expect(refused.body).not.toHaveProperty('data');
    expect(sent()).toBe(calls);
    expect(phone()).toBe(before);

    const answered = await post('agent2', change, withSession(writing.token));
    expect(answered.body.errors).toBeUndefined();
    expect(sent()).toBe(calls + 1);
    expect(phone()).toBe('+44 7700 900123');
    const executed = (await auditRowsOfRequest(world.database.db, answered.requestId)).filter((row) => row.kind === 'mutation_executed');
    expect(executed).toEqual([expect.objectContaining({ type_field: 'Mutation.updateTenantPhone', session_id: writing.sessionId })]);
  });
});

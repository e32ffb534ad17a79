import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * Proxy mode end to end: Warden in front of the Lettings API (graphql-js, its own data), the
 * upstream called as the customer, every upstream field guarded as a native one is.
 */

let world: ProxyWorld;
let session: OpenSession;
beforeAll(async () => {
  world = await startProxyWorld();
  session = await openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' });
});
afterAll(async () => {
  await world?.close();
});

/** The upstream calls made as a customer: Warden's own (`sub: "warden"`) ask who the customer is. */
const customerCalls = () => world.upstream.calls.filter((call) => call.sub !== 'warden');

async function post(as: string, query: string, headers: Record<string, string> = {}) {
  const token = await world.t.tokenFor(as);
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-warden-csrf': '1', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; path?: unknown[]; extensions: Record<string, unknown> }>; extensions?: Record<string, any> } };
}

describe('a session through the proxy', () => {
  it('masks pii, denies sensitive fields and shows public ones, as the classification says', async () => {
    const { body } = await post('agent', '{ tenant(id: "ten_hl_001") { id fullName email phone dateOfBirth nationalId status } }', withSession(session.token));
    expect(body.data?.['tenant']).toMatchObject({ id: 'ten_hl_001', email: 'g•••@mailbox.example', phone: '•••• 0461', dateOfBirth: null, nationalId: null });
    expect(body.data?.['tenant'].fullName).not.toContain('Holloway');
    expect(body.errors?.map((error) => [error.extensions['code'], error.extensions['field']])).toEqual([
      ['FIELD_DENIED', 'Tenant.dateOfBirth'],
      ['FIELD_DENIED', 'Tenant.nationalId'],
    ]);
    expect(JSON.stringify(body)).not.toContain('1988-03-14');
  });

  it('calls the upstream as the customer, with the agent as actor and the session id', async () => {
    world.upstream.calls.length = 0;
    await post('agent', '{ me { id } }', withSession(session.token));
    const call = world.upstream.calls.find((entry) => entry.fields.includes('Query.me'));
    expect(call).toMatchObject({ sub: 'usr_jess', sid: session.sessionId });
    expect(call?.act).toMatchObject({ sub: 'stf_sarah' });
  });

  it('calls it as the customer alone when the customer signs in', async () => {
    world.upstream.calls.length = 0;
    const { body } = await post('usr_jess', '{ me { id email } }');
    expect(body.data?.['me']).toEqual({ id: 'usr_jess', email: 'jess.lin@harbourlettings.example' });
    expect(world.upstream.calls.find((entry) => entry.fields.includes('Query.me'))).toMatchObject({ sub: 'usr_jess', act: null, sid: null });
  });

  it('does not ask the upstream for a field it denies, and asks for one it masks', async () => {
    world.upstream.calls.length = 0;
    const { body } = await post('agent', '{ tenant(id: "ten_hl_001") { email nationalId dateOfBirth } }', withSession(session.token));
    expect(body.errors?.map((error) => error.extensions['field'])).toEqual(['Tenant.nationalId', 'Tenant.dateOfBirth']);
    const asked = customerCalls().flatMap((call) => call.fields);
    expect(asked).toContain('Tenant.email');
    expect(asked).not.toContain('Tenant.nationalId');
    expect(asked).not.toContain('Tenant.dateOfBirth');
  });

  it('control: the customer, who may see those fields, has them asked for', async () => {
    world.upstream.calls.length = 0;
    await post('usr_jess', '{ tenant(id: "ten_hl_001") { nationalId } }');
    expect(customerCalls().flatMap((call) => call.fields)).toContain('Tenant.nationalId');
  });

  it('serves what the upstream serves: `id` asked of the interface and of its object, as Relay clients do', async () => {
    const { body } = await post('agent', '{ node(id: "ten_hl_001") { id ... on Tenant { id status } } }', withSession(session.token));
    expect(body.errors).toBeUndefined();
    expect(body.data?.['node']).toEqual({ id: 'ten_hl_001', status: 'ACTIVE' });
  });

  it('carries the banner', async () => {
    const { body } = await post('agent', '{ me { id } }', withSession(session.token));
    expect(body.extensions?.['impersonation']).toMatchObject({ sessionId: session.sessionId, user: { id: 'usr_jess', name: 'Jess Lin' }, account: { id: 'org_harbour', name: 'Harbour Lettings' } });
  });

  it('refuses a filter on a field the session sees masked, before the upstream is asked', async () => {
    world.upstream.calls.length = 0;
    const { body } = await post('agent', '{ tenants(emailContains: "grace") { id } }', withSession(session.token));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Tenant.email' });
    expect(customerCalls()).toEqual([]);
  });

  it('refuses a mutation in a read-only session, before the upstream is asked', async () => {
    world.upstream.calls.length = 0;
    const { body } = await post('agent', 'mutation { updateTenantPhone(tenantId: "ten_hl_001", phone: "+44 7700 900999") { id } }', withSession(session.token));
    expect(body.errors?.[0]?.extensions['code']).toBe('APPROVAL_REQUIRED');
    expect(customerCalls()).toEqual([]);
  });

  it('records every classified read in the audit trail before answering', async () => {
    const { body } = await post('agent', '{ tenant(id: "ten_hl_001") { email nationalId } }', withSession(session.token));
    expect(body.data?.['tenant']).toBeDefined();
    const rows = await world.database.db
      .selectFrom('audit_events')
      .select(['type_field', 'decision'])
      .where('session_id', '=', session.sessionId)
      .where('kind', '=', 'field_read')
      .execute();
    expect(rows).toEqual(expect.arrayContaining([{ type_field: 'Tenant.email', decision: 'masked' }, { type_field: 'Tenant.nationalId', decision: 'denied' }]));
  });
});

describe("a customer's own change", () => {
  it('is recorded before it is sent, naming the account as the upstream names it', async () => {
    const { body } = await post('usr_maya', 'mutation { updateTenantPhone(tenantId: "ten_hl_002", phone: "+44 7700 900123") { id } }');
    expect(body.errors).toBeUndefined();
    const row = await world.database.db
      .selectFrom('audit_events')
      .select(['summary', 'account_id'])
      .where('kind', '=', 'mutation_executed')
      .where('actor_id', '=', 'usr_maya')
      .executeTakeFirstOrThrow();
    expect(row.account_id).toBe('org_harbour');
    expect(row.summary).toContain('Harbour Lettings');
  });
});

describe('upstream errors', () => {
  it('pass on their code and path, never their message', async () => {
    const { body } = await post('usr_maya', 'mutation { updateTenantPhone(tenantId: "ten_hl_001", phone: "not-a-phone CNRYECHO") { id } }');
    expect(body.errors?.[0]).toMatchObject({ path: ['updateTenantPhone'], extensions: { code: 'UPSTREAM_ERROR', upstreamCode: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(body)).not.toContain('CNRYECHO');
  });
});

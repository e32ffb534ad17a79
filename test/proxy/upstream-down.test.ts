import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOfRequest, newRequestId } from '../audit/audit-support.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * An upstream Warden cannot reach: the call answers UPSTREAM_UNAVAILABLE (503) with a sentence
 * saying what to do, the refusal is on the audit trail, and nothing of where the upstream is
 * or how the call failed leaves Warden.
 */

/** A loopback URL nothing listens on: a port taken and let go again. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}/graphql`;
}

let deadUrl: string;
/** Its customers' calls go to the closed port; the schema and who a customer is come from the upstream. */
let world: ProxyWorld;
let reading: OpenSession;
let writing: OpenSession;
beforeAll(async () => {
  deadUrl = await closedPortUrl();
  world = await startProxyWorld({ customerCallsTo: deadUrl });
  reading = await openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' });
  writing = await openSession(world.t, { agent: 'agent2', userId: 'usr_tom', mode: 'read_write' });
});
afterAll(async () => {
  await world?.close();
});

async function post(as: string, query: string, headers: Record<string, string> = {}) {
  const requestId = newRequestId('upstream-down');
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await world.t.tokenFor(as)}`, 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> }, requestId };
}

/** What must not leave: where the upstream is, and how the call failed. */
function expectNothingOfTheFailure(text: string): void {
  const port = `:${new URL(deadUrl).port}`;
  for (const detail of [port, '127.0.0.1', deadUrl, world.upstream.url, 'ECONNREFUSED', 'fetch failed', 'SUBREQUEST', 'stack']) expect(text).not.toContain(detail);
  expect(text).not.toMatch(/\n\s+at /);
}

describe('a session whose upstream cannot be reached', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE at the field, with a sentence saying what to do', async () => {
    const { status, text, body } = await post('agent', '{ tenant(id: "ten_hl_001") { id email } }', withSession(reading.token));
    expect(status).toBe(503);
    expect(body.data).toEqual({ tenant: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['tenant'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) })]);
    expect(body.errors?.[0]?.message).toMatch(/^The API behind Warden could not be reached .*Try again in a moment.*\.$/);
    expectNothingOfTheFailure(text);
  });

  it('records the refusal, naming the field and the code, and no read of it', async () => {
    const { requestId } = await post('agent', '{ tenant(id: "ten_hl_001") { id email } }', withSession(reading.token));
    const rows = await auditRowsOfRequest(world.database.db, requestId);
    expect(rows.map((row) => [row.kind, row.type_field, (row.details as { code?: string }).code])).toEqual([['access_denied', 'Query.tenant', 'UPSTREAM_UNAVAILABLE']]);
    expect(rows[0]).toMatchObject({ session_id: reading.sessionId, actor_id: 'stf_sarah', subject_user_id: 'usr_jess' });
    expectNothingOfTheFailure(JSON.stringify(rows));
  });

  it('answers a change the same way, its attempt on the trail before it was sent', async () => {
    const { status, text, body, requestId } = await post('agent2', 'mutation { updateTenantPhone(tenantId: "ten_hl_001", phone: "+44 7700 900777") { id } }', withSession(writing.token));
    expect(status).toBe(503);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
    expectNothingOfTheFailure(text);
    const rows = await auditRowsOfRequest(world.database.db, requestId);
    expect(rows.map((row) => [row.kind, row.type_field])).toEqual([
      ['mutation_executed', 'Mutation.updateTenantPhone'],
      ['access_denied', 'Mutation.updateTenantPhone'],
    ]);
    expect(world.upstream.data.tenants.find((tenant) => tenant.id === 'ten_hl_001')?.phone).toBe('+44 7700 900461');
  });

  it('answers the customer themselves the same way', async () => {
    const { status, text, body } = await post('usr_jess', '{ me { id } }');
    expect(status).toBe(503);
    expect(body.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([[['me'], 'UPSTREAM_UNAVAILABLE']]);
    expectNothingOfTheFailure(text);
  });
});

describe('an upstream down altogether', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE before anything runs, though it is asked who the customer is first, and records the refusal (control: answered while it is up)', async () => {
    const down = await startProxyWorld();
    let upstreamOpen = true;
    try {
      const session = await openSession(down.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' });
      const send = async () => {
        const response = await down.t.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await down.t.tokenFor('agent')}`, ...withSession(session.token) },
          body: JSON.stringify({ query: '{ tenant(id: "ten_hl_001") { id } }' }),
        });
        return { status: response.status, text: await response.text() };
      };
      const up = await send();
      expect(up.status).toBe(200);
      expect(JSON.parse(up.text)).toMatchObject({ data: { tenant: { id: 'ten_hl_001' } } });

      await down.upstream.close();
      upstreamOpen = false;
      const refused = await send();
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.text)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } })] });
      const recorded = await down.database.db.selectFrom('audit_events').select(['kind', 'details']).where('actor_id', '=', 'stf_sarah').orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
      expect(JSON.stringify(recorded)).toContain('UPSTREAM_UNAVAILABLE');
      expect(refused.text).not.toContain(`:${new URL(down.upstream.url).port}`);
      expect(refused.text).not.toMatch(/ECONNREFUSED|fetch failed|\n\s+at /);

      // The customer themselves: the same answer, though it fails where Warden learns who they are.
      const customer = await down.t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await down.t.tokenFor('usr_jess')}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(customer.status).toBe(503);
      expect(((await customer.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    } finally {
      if (upstreamOpen) await down.close();
      else await Promise.all([down.t.close(), down.database.destroy()]);
    }
  });
});

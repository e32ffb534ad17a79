import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerWalk } from '../../src/proxy/walk-answer.js';
import { auditRowsOfRequest, newRequestId } from '../audit/audit-support.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * Forwarding: a query of the upstream's fields is served by walking the upstream's answer once
 * instead of executing it again. It must answer and record exactly what execution does; the
 * control world executes every operation field by field (`forwardAnswers: false`).
 */

let forwarding: ProxyWorld;
let executing: ProxyWorld;
const sessions = new Map<ProxyWorld, OpenSession>();
beforeAll(async () => {
  [forwarding, executing] = await Promise.all([startProxyWorld(), startProxyWorld({ forwardAnswers: false })]);
  for (const world of [forwarding, executing]) sessions.set(world, await openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' }));
});
afterAll(async () => {
  await Promise.all([forwarding?.close(), executing?.close()]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Caller = 'session' | 'customer';

async function post(world: ProxyWorld, caller: Caller, query: string, variables?: Record<string, unknown>) {
  const requestId = newRequestId('forwarding');
  const session = sessions.get(world);
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await world.t.tokenFor(caller === 'session' ? 'agent' : 'usr_jess')}`,
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(caller === 'session' && session ? withSession(session.token) : {}),
    },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  const rows = await auditRowsOfRequest(world.database.db, requestId);
  // What a row says, less what differs between two worlds (session ids, times, hashes).
  const recorded = rows.map((row) => ({
    kind: row.kind,
    typeField: row.type_field,
    path: row.path,
    dataClass: row.data_class,
    decision: row.decision,
    summary: row.summary,
    reads: row.details['count'] ?? null,
    objects: row.details['objectIds'] ?? null,
    paths: row.details['paths'] ?? null,
  }));
  // In the order of the rows' fields: execution records each root field's reads as its answer
  // arrives, in whichever order the upstream's answers come.
  recorded.sort((a, b) => `${a.typeField} ${a.decision}`.localeCompare(`${b.typeField} ${b.decision}`));
  return { status: response.status, data: body.data, errors: body.errors, recorded };
}

const UPSTREAM_QUERIES: Array<[string, string, Record<string, unknown>?]> = [
  ['a long list of public and internal fields', '{ payments(first: 300) { id amountPence currency status dueDate method reference } }'],
  ['masked fields, aliases and __typename on nested objects', '{ t: tenant(id: "ten_hl_001") { id name: fullName mail: email phone __typename payments(first: 3) { reference status } } }'],
  ['several root fields and variables', 'query Two($id: ID!, $first: Int) { tenant(id: $id) { email phone } me { id name email } payments(first: $first) { id } }', { id: 'ten_hl_001', first: 5 }],
];

describe('a query of the upstream is forwarded', () => {
  for (const caller of ['session', 'customer'] as const) {
    for (const [name, query, variables] of UPSTREAM_QUERIES) {
      it(`${caller}: ${name}: the same answer and the same audit rows as execution`, async () => {
        const walked = vi.spyOn(AnswerWalk.prototype, 'record');
        const forwarded = await post(forwarding, caller, query, variables);
        expect(walked).toHaveBeenCalled();
        const executed = await post(executing, caller, query, variables);
        expect(forwarded.errors).toBeUndefined();
        expect(forwarded).toEqual(executed);
        if (caller === 'session') expect(forwarded.recorded.length).toBeGreaterThan(0);
      });
    }
  }

  it('control: with forwarding off, the walk never runs', async () => {
    const walked = vi.spyOn(AnswerWalk.prototype, 'record');
    await post(executing, 'session', UPSTREAM_QUERIES[0]![1]);
    expect(walked).not.toHaveBeenCalled();
  });
});

describe('what forwarding leaves to execution', () => {
  const LEFT: Array<[string, string]> = [
    ['a field the session is denied', '{ tenant(id: "ten_hl_001") { email dateOfBirth } }'],
    ['fragments', '{ tenant(id: "ten_hl_001") { ...Contact } } fragment Contact on Tenant { email phone }'],
    ['an interface', '{ node(id: "ten_hl_001") { id ... on Tenant { email } } }'],
    ['a directive', '{ tenant(id: "ten_hl_001") { email phone @include(if: false) } }'],
    ["one of Warden's own root fields beside the upstream's", '{ me { id } myImpersonationSession { status } }'],
  ];
  for (const [name, query] of LEFT) {
    it(`${name}: executed as before, with the same answer and audit rows`, async () => {
      const walked = vi.spyOn(AnswerWalk.prototype, 'record');
      const forwarded = await post(forwarding, 'session', query);
      expect(walked).not.toHaveBeenCalled();
      expect(forwarded).toEqual(await post(executing, 'session', query));
    });
  }

  it('an answer with an upstream error: executed with the answer already fetched, the upstream asked once', async () => {
    forwarding.upstream.calls.length = 0;
    const walked = vi.spyOn(AnswerWalk.prototype, 'record');
    const forwarded = await post(forwarding, 'session', '{ payments(first: 5000) { id } }');
    expect(walked).not.toHaveBeenCalled();
    expect(forwarding.upstream.calls.filter((call) => call.fields.includes('Query.payments'))).toHaveLength(1);
    expect(forwarded.errors).toEqual([expect.objectContaining({ path: ['payments'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR' }) })]);
    expect(forwarded).toEqual(await post(executing, 'session', '{ payments(first: 5000) { id } }'));
  });

  it('staff outside a session: refused by the firewall, the upstream not asked', async () => {
    forwarding.upstream.calls.length = 0;
    const token = await forwarding.t.tokenFor('agent');
    const response = await forwarding.t.fetch('/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ payments(first: 3) { id } }' }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors?.[0]?.extensions['code']).toBe('FORBIDDEN');
    expect(forwarding.upstream.calls.filter((call) => call.sub !== 'warden')).toHaveLength(0);
  });
});

describe('an alias "id" on another field of the upstream', () => {
  // The trail takes each object's id from its "id" key, and the upstream answers under the
  // caller's aliases: such an alias would put the other field's value on the trail in clear.
  it.each([
    ['a masked email', '{ tenant(id: "ten_hl_001") { id: email phone } }', 'grace.holloway@mailbox.example', 'Tenant.email'],
    ['a secret, through a fragment (executed)', '{ me { ... on User { id: apiKey } email } }', 'lt_live_', 'User.apiKey'],
  ])('%s: refused before the upstream is asked, and nothing of it on the trail', async (_what, query, clear, field) => {
    for (const world of [forwarding, executing]) {
      world.upstream.calls.length = 0;
      const { status, data, errors, recorded } = await post(world, 'session', query);
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors).toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
      expect((errors as Array<{ message: string }>)[0]?.message).toContain(`The alias "id" names ${field} here`);
      expect(world.upstream.calls.filter((call) => call.sub !== 'warden')).toHaveLength(0);
      expect(recorded.map((row) => row.kind)).toEqual(['request_refused']);
      expect(recorded[0]?.summary).toContain(`it aliased ${field} as "id"`);
      expect(JSON.stringify(recorded)).not.toContain(clear);
    }
  });

  it('control: "id" selected as itself, or another field aliased otherwise, is served and records the real ids', async () => {
    for (const world of [forwarding, executing]) {
      const { errors, recorded } = await post(world, 'session', '{ tenant(id: "ten_hl_001") { id mail: email } }');
      expect(errors).toBeUndefined();
      expect(recorded.find((row) => row.typeField === 'Tenant.email')?.objects).toEqual(['ten_hl_001']);
    }
  });
});

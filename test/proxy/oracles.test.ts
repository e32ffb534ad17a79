import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyColumn } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { applicationRoots, argumentUses, type ArgumentUse } from '../support/application-schema.js';
import { exampleClassificationWithout, startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';
import { CANARY_ARGUMENTS, CANARY_OWNER, CANARY_OWNER_NAME, lettingsCanaryWorld, seedCanaries } from './lettings-canaries.js';

/**
 * The oracle check of test/examples/clinic-oracles.test.ts, through the proxy: every argument
 * the classification says reads an upstream field (`filtersBy`), sent once per value that reads
 * something, by each kind of caller. One reading a field the caller does not see in full is
 * refused as a whole before the upstream is asked; one reading a field shown in full runs there.
 */

const WORLD = lettingsCanaryWorld();
const USES = argumentUses(WORLD.schema, applicationRoots(WORLD.schema, ['customer', 'authenticated'], CANARY_ARGUMENTS), CANARY_ARGUMENTS);

const shownInFull = (column: PolicyColumn, field: string) => {
  const plan = WORLD.catalog.fields.get(field);
  if (!plan) throw new Error(`An argument reads ${field}, which the served schema does not have`);
  return decideField(plan, column, WORLD.catalog.baseline) === 'allow';
};

/** An argument the example declares, left out: what an adopter forgot to write. */
const UNDECLARED = 'Query.payments(tenantId:)';

let world: ProxyWorld;
let forgetful: ProxyWorld;
let session: OpenSession;
let forgetfulSession: OpenSession;
beforeAll(async () => {
  [world, forgetful] = await Promise.all([startProxyWorld({ seed: seedCanaries(WORLD.rows) }), startProxyWorld({ seed: seedCanaries(WORLD.rows), classification: exampleClassificationWithout({ arguments: [UNDECLARED] }) })]);
  [session, forgetfulSession] = await Promise.all([
    openSession(world.t, { agent: 'agent', userId: CANARY_OWNER, mode: 'read_only' }),
    openSession(forgetful.t, { agent: 'agent', userId: CANARY_OWNER, mode: 'read_only' }),
  ]);
});
afterAll(async () => {
  await Promise.all([world?.close(), forgetful?.close()]);
});

const CUSTOMER = { sub: CANARY_OWNER, kind: 'customer', name: CANARY_OWNER_NAME } as const;

async function send(of: ProxyWorld, as: string | typeof CUSTOMER, query: string, headers: Record<string, string> = {}) {
  const before = of.upstream.calls.filter((call) => call.sub !== 'warden').length;
  const response = await of.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await of.t.tokenFor(as)}`, ...headers },
    body: JSON.stringify({ query, operationName: 'Oracle' }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string; field?: string; argument?: string } }> };
  // Calls made as a customer: Warden's own (`sub: "warden"`) ask who the customer is.
  const upstreamCalls = of.upstream.calls.filter((call) => call.sub !== 'warden').length - before;
  return { body, upstreamCalls };
}

interface Caller {
  name: string;
  column: PolicyColumn;
  send: (use: ArgumentUse) => ReturnType<typeof send>;
}

const CALLERS: Caller[] = [
  { name: 'support in a read-only session', column: 'impersonation_read_only', send: (use) => send(world, 'agent', use.query, withSession(session.token)) },
  { name: 'the customer on their own organisation', column: 'customer', send: (use) => send(world, CUSTOMER, use.query) },
];

describe("the upstream's arguments come from the classification", () => {
  it('every declared read of every argument a customer can reach, both outcomes represented in a session', () => {
    expect(USES.map((use) => `${use.argument} reads ${use.reads}`)).toEqual(
      expect.arrayContaining([
        'Query.tenants(search:) reads Tenant.fullName',
        'Query.tenants(emailContains:) reads Tenant.email',
        'Query.tenants(orderBy: DATE_OF_BIRTH_ASC) reads Tenant.dateOfBirth',
        'Query.tenants(orderBy: CREATED_AT_ASC) reads Tenant.createdAt',
        'Query.payments(status:) reads Payment.status',
        'Organisation.tenants(search:) reads Tenant.fullName',
        'Tenant.payments(status:) reads Payment.status',
        'Lease.payments(status:) reads Payment.status',
      ]),
    );
    const refusedInSession = USES.filter((use) => !shownInFull('impersonation_read_only', use.reads));
    expect(refusedInSession.length).toBeGreaterThan(0);
    expect(refusedInSession.length).toBeLessThan(USES.length);
  });
});

for (const caller of CALLERS) {
  describe(caller.name, () => {
    it.each(USES.map((use) => ({ ...use, shown: shownInFull(caller.column, use.reads) })))('$argument (reads $reads, shown in full: $shown)', async ({ shown, ...use }) => {
      const { body, upstreamCalls } = await caller.send(use);
      if (shown) {
        // Runs, at the upstream: nothing refuses it for what it reads.
        expect(body.data, JSON.stringify(body)).toBeTruthy();
        expect(body.errors ?? []).toEqual([]);
        expect(upstreamCalls).toBeGreaterThan(0);
      } else {
        // Refused as a whole, before any resolver: no `data`, one refusal naming the field, the upstream never asked.
        expect(body).not.toHaveProperty('data');
        expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: use.reads }) })]);
        expect(upstreamCalls).toBe(0);
      }
    });
  });
}

describe('staff without a session', () => {
  // The upstream's root fields are for customers: staff reach none, whatever the argument reads.
  it.each(USES)('$argument is refused, the upstream never asked', async (use) => {
    const { body, upstreamCalls } = await send(world, 'agent', use.query);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(Object.values(body.data ?? {}).every((value) => value === null)).toBe(true);
    expect(upstreamCalls).toBe(0);
  });
});

describe('an argument the classification does not declare', () => {
  const query = 'query Oracle { payments(tenantId: "ten_canary_001") { id } }';

  it('is reported at the start', () => {
    expect(forgetful.schema.report.undeclared).toEqual([UNDECLARED]);
    expect(world.schema.report.undeclared).toEqual([]);
  });

  it('is refused during impersonation, before the upstream is asked', async () => {
    const { body, upstreamCalls } = await send(forgetful, 'agent', query, withSession(forgetfulSession.token));
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', argument: UNDECLARED }) })]);
    expect(upstreamCalls).toBe(0);
  });

  it('control: runs for the customer themselves, and in a session where it is declared', async () => {
    const asCustomer = await send(forgetful, CUSTOMER, query);
    expect(asCustomer.body.data?.['payments']).toEqual([{ id: 'pay_canary_0001' }]);
    const declared = await send(world, 'agent', query, withSession(session.token));
    expect(declared.body.errors).toBeUndefined();
    expect(declared.body.data?.['payments']).toEqual([{ id: 'pay_canary_0001' }]);
    expect(declared.upstreamCalls).toBe(1);
  });
});

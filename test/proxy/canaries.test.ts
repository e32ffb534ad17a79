import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImpRequestFields, withSession, type OpenSession } from '../impersonation/sessions.js';
import { applicationRoots } from '../support/application-schema.js';
import {
  expectControlLeaksAll,
  expectNoCanaryInAudit,
  expectNoLeakInRandomSelections,
  expectNoLeakInStyle,
  leaks,
  openViewerSession as openViewerSessionAs,
  queriesFor,
  run,
  hiddenFrom,
  ECHO_STYLES,
  type Viewer,
} from '../support/canary-check.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';
import { QUERY_STYLES, selectableFields } from '../support/query-generator.js';
import { CANARY_ARGUMENTS, CANARY_OWNER, CANARY_OWNER_NAME, lettingsCanaryWorld, seedCanaries } from './lettings-canaries.js';

/**
 * The canary check of test/policy/canary.test.ts, run through the proxy: Warden in front of the
 * Lettings API, a canary in every pii, sensitive and secret field of one organisation's rows in
 * the upstream's own data, documents generated from the schema Warden serves, and every reply,
 * log line and audit row searched for what the viewer may not see in full.
 */

const WORLD = lettingsCanaryWorld();
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };

/** The upstream's root queries: every one is for a customer, or support acting as one. */
const CUSTOMER_ROOTS = applicationRoots(WORLD.schema, ['customer', 'authenticated'], CANARY_ARGUMENTS);
/** What a manager can grant: every sensitive field holding a canary (secrets never are). */
const SENSITIVE_GRANTS = WORLD.canaries.filter((canary) => WORLD.catalog.fields.get(canary.field)?.classification === 'sensitive').map((canary) => canary.field);
const selectable = new Set(CUSTOMER_ROOTS.flatMap(([root]) => selectableFields(WORLD.schema, root)));
/** Canary fields no root query leads to (an export is only ever returned by the mutation making it). */
const OUTSIDE_ROOTS = WORLD.canaries.map((canary) => canary.field).filter((field) => !selectable.has(field));

const CUSTOMER: Viewer = { name: 'the customer on their own organisation', column: 'customer', as: { sub: CANARY_OWNER, kind: 'customer', name: CANARY_OWNER_NAME }, roots: CUSTOMER_ROOTS };
// One agent per session: an agent has one open session at a time.
const READ_ONLY: Viewer = { name: 'support, read-only session', column: 'impersonation_read_only', as: 'agent', session: { mode: 'read_only' }, roots: CUSTOMER_ROOTS };
const READ_WRITE: Viewer = { name: 'support, read-write session', column: 'impersonation_read_write', as: 'agent2', session: { mode: 'read_write' }, roots: CUSTOMER_ROOTS };
const GRANTED: Viewer = {
  name: 'support with every field-access grant a manager can give',
  column: 'impersonation_read_only',
  as: 'manager2',
  session: { mode: 'read_only', grants: SENSITIVE_GRANTS },
  roots: CUSTOMER_ROOTS,
};
// Outside a session staff reach no upstream root (they are the customers'), so nothing of it.
const STAFF: Viewer = { name: 'staff without a session', column: 'staff', as: 'agent', roots: CUSTOMER_ROOTS, mayShow: () => false };

const SESSION_VIEWERS: Viewer[] = [CUSTOMER, READ_ONLY, READ_WRITE, GRANTED];

const openViewerSession = (world: ProxyWorld, viewer: Viewer) =>
  openViewerSessionAs(world.t, viewer, CANARY_OWNER, 'Owner reports tenants national insurance numbers shown on the wrong leases since the import');

let world: ProxyWorld;
let control: ProxyWorld;
const sessions = new Map<Viewer, OpenSession>();
let controlSession: OpenSession | null;
beforeAll(async () => {
  [world, control] = await Promise.all([
    startProxyWorld({ seed: seedCanaries(WORLD.rows), env: GENEROUS_LIMITS }),
    startProxyWorld({ seed: seedCanaries(WORLD.rows), env: GENEROUS_LIMITS, policyEnforced: false, gateway: { errorMessagesCleaned: false } }),
  ]);
  for (const viewer of SESSION_VIEWERS) {
    const session = await openViewerSession(world, viewer);
    if (session) sessions.set(viewer, session);
  }
  controlSession = await openViewerSession(control, READ_ONLY);
});
afterAll(async () => {
  await Promise.all([world?.close(), control?.close()]);
});

const sessionOf = (viewer: Viewer) => sessions.get(viewer) ?? null;
/** Calls that reached the upstream as a customer (Warden's own ask who a customer is). */
const customerCalls = (of: ProxyWorld) => of.upstream.calls.filter((call) => call.sub !== 'warden').length;

describe('the canaries come from the schema the proxy serves', () => {
  it('is the schema introspected from the running upstream, classified by the example', () => {
    expect(printSchema(world.schema.schema)).toBe(printSchema(WORLD.schema));
  });

  it('covers every pii, sensitive and secret upstream field, reached from its root fields', () => {
    const classified = [...WORLD.catalog.fields.values()]
      .filter((plan) => plan.classification === 'pii' || plan.classification === 'sensitive' || plan.classification === 'secret')
      .map((plan) => plan.coordinate);
    expect(WORLD.canaries.map((canary) => canary.field).sort()).toEqual(classified.sort());
    expect(classified).toEqual(expect.arrayContaining(['Tenant.email', 'Tenant.dateOfBirth', 'Organisation.bankAccountNumber', 'User.apiKey', 'Lease.propertyAddress']));
    expect(CUSTOMER_ROOTS.map(([root]) => root).sort()).toEqual(['me', 'node', 'organisation', 'payments', 'tenant', 'tenants']);
    expect(OUTSIDE_ROOTS).toEqual(['TenantExport.content']);
    expect(SENSITIVE_GRANTS.sort()).toEqual(['Tenant.dateOfBirth', 'Tenant.nationalId']);
  });
});

describe('canaries: no masked or denied upstream value leaves the proxy, on any path', () => {
  for (const viewer of SESSION_VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        await expectNoLeakInStyle(WORLD, world.t, viewer, style, sessionOf(viewer));
      });
    }
  }

  for (const style of QUERY_STYLES) {
    it(`${STAFF.name}: ${style}, refused at every root before the upstream is asked`, async () => {
      const before = customerCalls(world);
      for (const [root, args] of STAFF.roots) {
        for (const query of queriesFor(WORLD, STAFF, root, args, style)) {
          const reply = await run(world.t, STAFF, query, null);
          expect(leaks(reply.text, hiddenFrom(WORLD, STAFF))).toEqual([]);
          const codes = (reply.body.errors ?? []).map((error) => error.extensions?.code);
          const refusal = ECHO_STYLES.has(style) ? ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'] : ['FORBIDDEN'];
          expect(codes.length).toBeGreaterThan(0);
          expect(codes.every((code) => code !== undefined && refusal.includes(code)), JSON.stringify(codes)).toBe(true);
          expect(Object.values((reply.body.data ?? {}) as Record<string, unknown>).every((value) => value === null)).toBe(true);
        }
      }
      expect(customerCalls(world)).toBe(before);
    });
  }

  it('shows the session masked and denied values, and the customer their own in full but for secrets', async () => {
    const query = { query: 'query Grace { tenant(id: "ten_canary_001") { fullName email phone dateOfBirth notes } organisation { bankAccountNumber } }', variables: {}, operationName: 'Grace' };
    const asSession = await run(world.t, READ_ONLY, query, sessionOf(READ_ONLY));
    expect(asSession.body.data).toEqual({
      tenant: { fullName: '[redacted]', email: 'q•••@canary.example', phone: expect.stringMatching(/^•••• \d{4}$/), dateOfBirth: null, notes: null },
      organisation: { bankAccountNumber: expect.stringMatching(/^•••• \d{4}$/) },
    });
    const asCustomer = await run(world.t, CUSTOMER, query, null);
    const email = WORLD.canaries.find((canary) => canary.field === 'Tenant.email')?.value;
    expect(asCustomer.body.data).toMatchObject({ tenant: { email }, organisation: { bankAccountNumber: expect.stringMatching(/^•••• \d{4}$/) } });
  });

  it("lets an approved grant reveal an upstream's sensitive field, but never a secret", async () => {
    const query = { query: 'query Granted { tenant(id: "ten_canary_001") { dateOfBirth nationalId } organisation { bankAccountNumber } }', variables: {}, operationName: 'Granted' };
    const reply = await run(world.t, GRANTED, query, sessionOf(GRANTED));
    const value = (field: string) => WORLD.canaries.find((canary) => canary.field === field)?.value;
    expect(reply.body.data).toEqual({
      tenant: { dateOfBirth: value('Tenant.dateOfBirth'), nationalId: value('Tenant.nationalId') },
      organisation: { bankAccountNumber: expect.stringMatching(/^•••• \d{4}$/) },
    });
    const session = sessionOf(GRANTED);
    if (!session) throw new Error('no granted session');
    const secret = await world.t.execute(ImpRequestFields, {
      as: 'manager2',
      headers: withSession(session.token),
      variables: { input: { fields: ['Organisation.bankAccountNumber'], reason: 'Owner says rent is paid out to an account they do not recognise since March' } },
    });
    expect(secret.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('control: the upstream served unguarded, error cleaning off: every style leaks all it reaches (so this suite can fail)', () => {
  // `node(id:)` selects every type a node can be, but answers the one object the id names: the
  // check counts what a document selects as reached, so the control reads through the other roots.
  const viewer: Viewer = { ...READ_ONLY, roots: CUSTOMER_ROOTS.filter(([root]) => root !== 'node') };
  for (const style of QUERY_STYLES) {
    it(style, async () => {
      await expectControlLeaksAll(WORLD, control.t, viewer, style, controlSession, OUTSIDE_ROOTS);
    });
  }
});

describe('property: random selections through the proxy, mixed styles, every viewer', () => {
  it('leaks nothing, whatever fields are selected and however the query is written', async () => {
    await expectNoLeakInRandomSelections(WORLD, world.t, [...SESSION_VIEWERS, STAFF], sessionOf, 60);
  });
});

describe("and nothing hidden reached the proxy's logs or audit table", () => {
  it('keeps every canary out of the logs, the upstream executor included', () => {
    expect(world.t.logs.length).toBeGreaterThan(0);
    expect(leaks([...world.t.logs, ...world.logs].join('\n'), WORLD.canaries)).toEqual([]);
  });

  it('keeps every canary out of the audit rows', async () => {
    // The customer's name is not a canary here (User.name is internal): nothing is excepted.
    await expectNoCanaryInAudit(WORLD, world.database.db, undefined);
  });
});

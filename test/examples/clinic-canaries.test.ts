import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWardenBuilder } from '../../src/graphql/warden-types.js';
import { wardenSchemaOf } from '../../src/server/warden-schema.js';
import { defineClinicTypes } from '../../examples/clinic/app/schema.js';
import type { ClinicTypes } from '../../examples/clinic/app/clinic-types.js';
import type { OpenSession } from '../impersonation/sessions.js';
import { applicationRoots } from '../support/application-schema.js';
import {
  expectControlLeaksAll,
  expectNoCanaryInAudit,
  expectNoLeakInRandomSelections,
  expectNoLeakInStyle,
  leaks,
  openViewerSession as openViewerSessionAs,
  type Viewer,
} from '../support/canary-check.js';
import type { TestGateway } from '../support/gateway.js';
import { QUERY_STYLES, selectableFields } from '../support/query-generator.js';
import { schemaCanaries } from '../support/schema-canaries.js';
import type { TestDatabase } from '../support/test-database.js';
import { CANARY_ARGUMENTS, CANARY_MEMBER, clinicWorld, createClinicDatabase, startClinicGateway } from './clinic.js';

/**
 * The canary check of test/policy/canary.test.ts, run against the clinic under examples/: a
 * domain Warden's code knows nothing of. The canaries come from the clinic's field inventory,
 * the viewers' roots from its root fields and who may call them, the documents from its schema.
 */

const WORLD = clinicWorld();
const CONTROL_WORLD = clinicWorld(false);
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };

const CUSTOMER_ROOTS = applicationRoots(WORLD.schema, ['customer', 'authenticated'], CANARY_ARGUMENTS);
const STAFF_ROOTS = applicationRoots(WORLD.schema, ['staff', 'authenticated'], CANARY_ARGUMENTS);
/** What a manager can grant: every sensitive field holding a canary (secrets never are). */
const SENSITIVE_GRANTS = [...new Set(WORLD.canaries.filter((canary) => WORLD.catalog.fields.get(canary.field)?.classification === 'sensitive').map((canary) => canary.field))];
const NAME = WORLD.canaries.find((canary) => canary.field === 'Member.name');
const selectableFrom = (roots: typeof CUSTOMER_ROOTS) => new Set(roots.flatMap(([root]) => selectableFields(WORLD.schema, root)));
/** Canary fields a session's roots do not lead to (the staff directory's): the control cannot reach them in a session. */
const OUTSIDE_SESSIONS = WORLD.canaries.map((canary) => canary.field).filter((field) => !selectableFrom(CUSTOMER_ROOTS).has(field));

const CUSTOMER: Viewer = { name: 'the member in their own practice', column: 'customer', as: { sub: CANARY_MEMBER, kind: 'customer', name: NAME?.value ?? '' }, roots: CUSTOMER_ROOTS };
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
const STAFF: Viewer = { name: 'staff without a session', column: 'staff', as: 'agent', roots: STAFF_ROOTS };

const VIEWERS: Viewer[] = [CUSTOMER, READ_ONLY, READ_WRITE, GRANTED, STAFF];

/** Opens `viewer`'s session as the canary practice's manager; null for no session. */
const openViewerSession = (gateway: TestGateway, viewer: Viewer) =>
  openViewerSessionAs(gateway, viewer, CANARY_MEMBER, 'Practice manager reports diagnoses printed on the wrong patients since the March import');

let database: TestDatabase;
let controlDatabase: TestDatabase;
let t: TestGateway;
let control: TestGateway;
const sessions = new Map<Viewer, OpenSession>();
let controlSession: OpenSession | null;
beforeAll(async () => {
  [database, controlDatabase] = await Promise.all([createClinicDatabase(WORLD), createClinicDatabase(CONTROL_WORLD)]);
  [t, control] = await Promise.all([
    startClinicGateway(database, WORLD, GENEROUS_LIMITS),
    startClinicGateway(controlDatabase, CONTROL_WORLD, GENEROUS_LIMITS, false),
  ]);
  for (const viewer of VIEWERS) {
    const session = await openViewerSession(t, viewer);
    if (session) sessions.set(viewer, session);
  }
  controlSession = await openViewerSession(control, READ_ONLY);
});
afterAll(async () => {
  await Promise.all([t?.close(), control?.close()]);
  await Promise.all([database?.destroy(), controlDatabase?.destroy()]);
});

const sessionOf = (viewer: Viewer) => sessions.get(viewer) ?? null;

describe("the clinic's canaries come from its schema", () => {
  it('cover every pii, sensitive and secret field of the clinic, and reach them from its root fields', () => {
    const classified = [...WORLD.catalog.fields.values()]
      .filter((plan) => plan.classification === 'pii' || plan.classification === 'sensitive' || plan.classification === 'secret')
      .map((plan) => plan.coordinate);
    expect(WORLD.canaries.map((canary) => canary.field).sort()).toEqual(classified.sort());
    expect(classified).toEqual(expect.arrayContaining(['Patient.name', 'Patient.phone', 'Patient.insuranceNumber', 'Patient.diagnosis', 'Member.email']));
    expect(CUSTOMER_ROOTS.map(([root]) => root).sort()).toEqual(['me', 'patient', 'practice']);
    expect(STAFF_ROOTS.map(([root]) => root)).toEqual(['memberDirectory']);
    // Between them the customers' and staff's roots lead to every canary field.
    expect(OUTSIDE_SESSIONS).toEqual(['MemberDirectoryEntry.name']);
    expect(OUTSIDE_SESSIONS.every((field) => selectableFrom(STAFF_ROOTS).has(field))).toBe(true);
  });

  it('control: a classified field the plan cannot seed (computed by a resolver) stops the suite, named', () => {
    const builder = createWardenBuilder<ClinicTypes>();
    defineClinicTypes(builder);
    builder.objectField('Patient', 'initials', (t) => t.string({ classification: 'pii', nullable: true, resolve: (patient) => patient.name.slice(0, 1) }));
    const { schema, catalog } = wardenSchemaOf(builder.toSchema());
    expect(() => schemaCanaries(schema, catalog, { tables: [{ type: 'Patient', table: 'patients', row: {} }] })).toThrow(/Patient\.initials is pii but computed/);
  });
});

describe('canaries: no masked or denied value of the clinic leaves the gateway, on any path', () => {
  for (const viewer of VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        await expectNoLeakInStyle(WORLD, t, viewer, style, sessionOf(viewer));
      });
    }
  }
});

describe('control: with the plugin and the error cleaning switched off, every style leaks all it reaches (so this suite can fail)', () => {
  for (const style of QUERY_STYLES) {
    it(style, async () => {
      await expectControlLeaksAll(CONTROL_WORLD, control, READ_ONLY, style, controlSession, OUTSIDE_SESSIONS);
    });
  }
});

describe('property: random selections of the clinic, mixed styles, every viewer', () => {
  it('leaks nothing, whatever fields are selected and however the query is written', async () => {
    await expectNoLeakInRandomSelections(WORLD, t, VIEWERS, sessionOf, 60);
  });
});

describe("and nothing hidden reached the clinic gateway's logs or audit table", () => {
  it('keeps every canary out of the logs', () => {
    expect(t.logs.length).toBeGreaterThan(0);
    expect(leaks(t.logs.join('\n'), [...WORLD.canaries, ...WORLD.neverShown])).toEqual([]);
  });

  it("keeps every canary out of the audit rows, the session's member's name where it names them aside", async () => {
    await expectNoCanaryInAudit(WORLD, t.db, NAME);
  });
});

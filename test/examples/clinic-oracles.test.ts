import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyColumn } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { applicationRoots, argumentUses, type ArgumentUse } from '../support/application-schema.js';
import type { TestGateway } from '../support/gateway.js';
import type { TestDatabase } from '../support/test-database.js';
import { CANARY_ARGUMENTS, CANARY_MEMBER, clinicWorld, createClinicDatabase, startClinicGateway } from './clinic.js';

/**
 * The oracle check of test/policy/argument-policy.test.ts, generated for the clinic under
 * examples/: every argument its schema declares as reading a field (`filtersBy`), sent once per
 * value that reads something, by each kind of caller that can reach it. Filtering, searching or
 * sorting by a field the caller does not see in full would let them read it a guess at a time,
 * so such a document is refused before anything runs; one reading a field shown in full runs.
 */

const WORLD = clinicWorld();
const CUSTOMER_USES = argumentUses(WORLD.schema, applicationRoots(WORLD.schema, ['customer', 'authenticated'], CANARY_ARGUMENTS), CANARY_ARGUMENTS);
const STAFF_USES = argumentUses(WORLD.schema, applicationRoots(WORLD.schema, ['staff', 'authenticated'], CANARY_ARGUMENTS), CANARY_ARGUMENTS);

interface Caller {
  name: string;
  column: PolicyColumn;
  uses: readonly ArgumentUse[];
  send: (use: ArgumentUse) => ReturnType<TestGateway['fetch']>;
}

const shownInFull = (column: PolicyColumn, field: string) => {
  const plan = WORLD.catalog.fields.get(field);
  if (!plan) throw new Error(`An argument reads ${field}, which the schema does not have`);
  return decideField(plan, column, WORLD.catalog.baseline) === 'allow';
};

let database: TestDatabase;
let t: TestGateway;
let session: OpenSession;
beforeAll(async () => {
  database = await createClinicDatabase(WORLD);
  t = await startClinicGateway(database, WORLD);
  session = await openSession(t, { agent: 'agent', userId: CANARY_MEMBER, mode: 'read_only' });
});
afterAll(async () => {
  await t?.close();
  await database?.destroy();
});

async function post(as: string | { sub: string; kind: 'customer'; name: string }, use: ArgumentUse, headers: Record<string, string> = {}) {
  return t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor(as)}`, ...headers },
    body: JSON.stringify({ query: use.query, operationName: 'Oracle' }),
  });
}

const CALLERS: Caller[] = [
  { name: 'support in a read-only session', column: 'impersonation_read_only', uses: CUSTOMER_USES, send: (use) => post('agent', use, withSession(session.token)) },
  { name: 'the member in their own practice', column: 'customer', uses: CUSTOMER_USES, send: (use) => post({ sub: CANARY_MEMBER, kind: 'customer', name: 'Canary manager' }, use) },
  { name: 'staff without a session', column: 'staff', uses: STAFF_USES, send: (use) => post('agent', use) },
];

describe("the clinic's arguments are generated from its schema", () => {
  it('every declared read of every argument its callers can reach, both ways represented', () => {
    expect(CUSTOMER_USES.map((use) => `${use.argument} reads ${use.reads}`).sort()).toEqual(
      expect.arrayContaining([
        'Practice.patients(search:) reads Patient.name',
        'Practice.patients(orderBy: NAME) reads Patient.name',
        'Practice.patients(orderBy: DATE_OF_BIRTH) reads Patient.dateOfBirth',
        'Practice.appointments(status:) reads Appointment.status',
        'Query.patient(id:) reads Patient.id',
      ]),
    );
    expect(STAFF_USES.map((use) => use.argument)).toEqual(['Query.memberDirectory(search:)']);
    // Under impersonation some are refused and some are not, so each outcome below is exercised.
    const refusedInSession = CUSTOMER_USES.filter((use) => !shownInFull('impersonation_read_only', use.reads));
    expect(refusedInSession.length).toBeGreaterThan(0);
    expect(refusedInSession.length).toBeLessThan(CUSTOMER_USES.length);
  });
});

for (const caller of CALLERS) {
  describe(`${caller.name}`, () => {
    it.each(caller.uses.map((use) => ({ ...use, shown: shownInFull(caller.column, use.reads) })))(
      '$argument (reads $reads, shown in full: $shown)',
      async ({ reads, shown, ...use }) => {
        const response = await caller.send({ reads, ...use });
        const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; field?: string } }> };
        if (shown) {
          // Runs: whatever it returns, nothing refuses it for what it reads.
          expect(body.data, JSON.stringify(body)).toBeTruthy();
          expect((body.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN')).toEqual([]);
        } else {
          // Refused as a whole, before any resolver: no `data` at all, one refusal naming the field.
          expect(body).not.toHaveProperty('data');
          expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: reads }) })]);
        }
      },
    );
  });
}

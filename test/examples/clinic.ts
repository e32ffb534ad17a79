import { clinicIdentity } from '../../examples/clinic/app/members/index.js';
import { migrateClinic } from '../../examples/clinic/app/migrate.js';
import { clinicSubject } from '../../examples/clinic/app/principals.js';
import { buildClinicSchema } from '../../examples/clinic/app/schema.js';
import { seedClinic } from '../../examples/clinic/app/seed/seed.js';
import type { WardenSchema } from '../../src/server/warden-schema.js';
import type { ArgumentValues } from '../support/application-schema.js';
import type { Canary, CanaryWorld } from '../support/canary-check.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { schemaCanaries, seedSchemaCanaries, type CanaryPlan } from '../support/schema-canaries.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The clinic under examples/, as Warden's own suite runs it: its schema, migrations, identity
 * hook, demo people and seed, imported as they are (`warden` is the sources under test), plus
 * one practice holding a canary in every field a session does not see in full.
 */

export const CANARY_PRACTICE = 'prc_canary';
/** The canary practice's manager: the customer every session of these suites acts as. */
export const CANARY_MEMBER = 'mem_canary';

/** Kept by the clinic but in no field of its schema: it must not appear for anyone. */
export const CLINIC_NEVER_SHOWN: readonly Canary[] = [{ field: 'patients.intake_notes', value: 'CNRYINTAKENOTES kept at the front desk', token: 'CNRYINTAKENOTES' }];

/**
 * The rows of the canary practice, one per table behind the clinic's object types: ids and
 * foreign keys only, and the column no field shows. The canaries fill every other column a
 * classified field exposes (see schema-canaries.ts).
 */
const CANARY_PLAN: CanaryPlan = {
  tables: [
    { type: 'Practice', table: 'practices', row: { id: CANARY_PRACTICE, name: 'Canary Practice' } },
    { type: 'Member', table: 'members', row: { id: CANARY_MEMBER, practice_id: CANARY_PRACTICE, role: 'practice_manager' } },
    { type: 'Patient', table: 'patients', row: { id: 'pat_canary', practice_id: CANARY_PRACTICE, intake_notes: CLINIC_NEVER_SHOWN[0]?.value } },
    {
      type: 'Appointment',
      table: 'appointments',
      row: { id: 'apt_canary', practice_id: CANARY_PRACTICE, patient_id: 'pat_canary', clinician_id: CANARY_MEMBER, starts_at: '2027-03-01T10:00:00Z' },
    },
  ],
  // The staff directory shows members' names.
  shows: { 'MemberDirectoryEntry.name': 'Member.name' },
};

/** Arguments are sent the canary practice's ids, and "cnry", which every canary text contains. */
export const CANARY_ARGUMENTS: ArgumentValues = {
  idOf: (type) => {
    const id = CANARY_PLAN.tables.find((table) => table.type === type)?.row['id'];
    return typeof id === 'string' ? id : undefined;
  },
  text: 'cnry',
};

export interface ClinicWorld extends CanaryWorld {
  rows: ReturnType<typeof schemaCanaries>['rows'];
}

/** The clinic's schema (plugin on or off) with its canaries. */
export function clinicWorld(policyEnforced = true): ClinicWorld {
  const { schema, catalog } = buildClinicSchema({ policyEnforced });
  const { canaries, rows } = schemaCanaries(schema, catalog, CANARY_PLAN);
  return { schema, catalog, canaries, neverShown: CLINIC_NEVER_SHOWN, rows };
}

/** A database of its own: Warden's migrations and the clinic's, its demo world, the canary practice. */
export async function createClinicDatabase(world: ClinicWorld): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  await migrateClinic(database.db);
  await seedClinic(database.db);
  await seedSchemaCanaries(database.db, world.rows);
  return database;
}

/** A gateway serving `schema` over `database` with the clinic's identity hook, demo people and real sessions. */
export function startClinicGateway(database: TestDatabase, schema: WardenSchema, env: Record<string, string> = {}, errorMessagesCleaned = true): Promise<TestGateway> {
  return startTestGateway(env, { database, schema, identity: clinicIdentity, subjects: clinicSubject, realSessions: true, errorMessagesCleaned });
}

import { recordAuditEvent, SYSTEM_ACTOR, type WardenDb } from 'warden';
import { clinicDb, type ClinicTables } from '../database.js';
import { CLINIC_APPOINTMENTS, CLINIC_MEMBERS, CLINIC_PATIENTS, CLINIC_PRACTICES, CLINIC_STAFF } from './clinic-data.js';

type Inserted = Array<{ numInsertedOrUpdatedRows?: bigint }>;

/** Loads the demo world; rows that exist (by id) are kept. Returns how many rows each table got. */
export async function seedClinic(db: WardenDb): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    const clinic = trx.withTables<ClinicTables>();
    const added: Record<string, number> = {};
    const count = (table: string, result: Inserted) => {
      added[table] = Number(result.reduce((n, r) => n + (r.numInsertedOrUpdatedRows ?? 0n), 0n));
    };
    count('practices', await clinic.insertInto('practices').values(CLINIC_PRACTICES).onConflict((c) => c.column('id').doNothing()).execute());
    count('members', await clinic.insertInto('members').values(CLINIC_MEMBERS).onConflict((c) => c.column('id').doNothing()).execute());
    count('patients', await clinic.insertInto('patients').values(CLINIC_PATIENTS).onConflict((c) => c.column('id').doNothing()).execute());
    count('appointments', await clinic.insertInto('appointments').values(CLINIC_APPOINTMENTS).onConflict((c) => c.column('id').doNothing()).execute());
    count('staff', await trx.insertInto('staff').values(CLINIC_STAFF).onConflict((c) => c.column('id').doNothing()).execute());
    if (Object.values(added).some((n) => n > 0)) {
      await recordAuditEvent(trx, { kind: 'demo_data_seeded', rows: added }, { actor: SYSTEM_ACTOR });
    }
    return added;
  });
}

/** True when no practice exists yet: `npm start` seeds only then. */
export async function isEmpty(db: WardenDb): Promise<boolean> {
  return (await clinicDb(db).selectFrom('practices').select('id').limit(1).executeTakeFirst()) === undefined;
}

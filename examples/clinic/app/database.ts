import type { Kysely, Transaction } from 'kysely';
import type { WardenDatabase, WardenDb, WardenExecutor } from 'warden';
import type { AppointmentTable } from './tables/appointment.js';
import type { MemberTable } from './tables/member.js';
import type { PatientTable } from './tables/patient.js';
import type { PracticeTable } from './tables/practice.js';

/** The clinic's own tables (a type, not an interface: Kysely's `withTables` wants one). */
export type ClinicTables = {
  practices: PracticeTable;
  members: MemberTable;
  patients: PatientTable;
  appointments: AppointmentTable;
};

/** One database: the clinic's tables beside Warden's. */
export type ClinicDatabase = WardenDatabase & ClinicTables;
export type ClinicDb = Kysely<ClinicDatabase>;
/** A repository function takes the pool-backed `ClinicDb` or an open transaction. */
export type ClinicExecutor = Kysely<ClinicDatabase> | Transaction<ClinicDatabase>;

/**
 * The clinic's tables over the very connection Warden hands out (a request's `db`, a
 * describer's, a transaction), so a change and its audit record commit together.
 */
export function clinicDb(db: WardenDb): ClinicDb {
  return db.withTables<ClinicTables>();
}

/** `clinicDb` for an executor that may be an open transaction. */
export function clinicExecutor(db: WardenExecutor): ClinicExecutor {
  return db.withTables<ClinicTables>();
}

import type { ClinicExecutor } from '../database.js';
import type { PatientRow } from '../tables/patient.js';

export type PatientOrder = 'NAME' | 'DATE_OF_BIRTH';

export interface PatientListing {
  /** Part of the name, case-insensitive. */
  search: string | null;
  orderBy: PatientOrder | null;
  limit: number;
}

/** A practice's patients: by id unless asked otherwise (an order nobody asked for reveals nothing). */
export function listPatients(db: ClinicExecutor, practiceId: string, listing: PatientListing): Promise<PatientRow[]> {
  let query = db.selectFrom('patients').selectAll().where('practice_id', '=', practiceId);
  if (listing.search) query = query.where('name', 'ilike', `%${listing.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (listing.orderBy === 'NAME') query = query.orderBy('name');
  if (listing.orderBy === 'DATE_OF_BIRTH') query = query.orderBy('date_of_birth');
  return query.orderBy('id').limit(listing.limit).execute();
}

export function findPatient(db: ClinicExecutor, practiceId: string, patientId: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patients').selectAll().where('practice_id', '=', practiceId).where('id', '=', patientId).executeTakeFirst();
}

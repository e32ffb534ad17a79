import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A patient of a practice: records its members keep, never a user who signs in. */
export interface PatientTable {
  id: string;
  practice_id: string;
  name: string;
  phone: string;
  /** `YYYY-MM-DD`. */
  date_of_birth: string;
  insurance_number: string;
  diagnosis: string | null;
  /** Free text the front desk writes at the first visit; the schema does not show it (yet). */
  intake_notes: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type PatientRow = Selectable<PatientTable>;
export type NewPatientRow = Insertable<PatientTable>;

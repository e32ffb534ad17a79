import type { ColumnType, Insertable, Selectable } from 'kysely';

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'cancelled', 'completed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface AppointmentTable {
  id: string;
  practice_id: string;
  patient_id: string;
  /** The member (a clinician) the patient sees. */
  clinician_id: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
  /** Why the patient comes, in their words: health data. */
  reason: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type AppointmentRow = Selectable<AppointmentTable>;
export type NewAppointmentRow = Insertable<AppointmentTable>;

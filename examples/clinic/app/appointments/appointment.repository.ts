import type { ClinicExecutor } from '../database.js';
import type { AppointmentRow, AppointmentStatus } from '../tables/appointment.js';

export interface AppointmentListing {
  status: AppointmentStatus | null;
  patientId: string | null;
  limit: number;
}

/** Soonest first; the (practice_id, starts_at) index serves it. */
export function listAppointments(db: ClinicExecutor, practiceId: string, listing: AppointmentListing): Promise<AppointmentRow[]> {
  let query = db.selectFrom('appointments').selectAll().where('practice_id', '=', practiceId);
  if (listing.status) query = query.where('status', '=', listing.status);
  if (listing.patientId) query = query.where('patient_id', '=', listing.patientId);
  return query.orderBy('starts_at').orderBy('id').limit(listing.limit).execute();
}

export function lockAppointment(db: ClinicExecutor, practiceId: string, appointmentId: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('practice_id', '=', practiceId).where('id', '=', appointmentId).forUpdate().executeTakeFirst();
}

export function setAppointmentStatus(db: ClinicExecutor, appointmentId: string, status: AppointmentStatus): Promise<AppointmentRow> {
  return db.updateTable('appointments').set({ status }).where('id', '=', appointmentId).returningAll().executeTakeFirstOrThrow();
}

/** An appointment with whom it is for and with, as an approval describes it. */
export function findAppointmentWithPeople(db: ClinicExecutor, practiceId: string, appointmentId: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .innerJoin('members', 'members.id', 'appointments.clinician_id')
    .select([
      'appointments.id',
      'appointments.starts_at',
      'appointments.status',
      'patients.id as patientId',
      'patients.name as patientName',
      'members.id as clinicianId',
      'members.name as clinicianName',
    ])
    .where('appointments.practice_id', '=', practiceId)
    .where('appointments.id', '=', appointmentId)
    .executeTakeFirst();
}

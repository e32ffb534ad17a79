import { type EffectDescriber, says, shown } from 'warden';
import { clinicExecutor } from '../database.js';
import { appointmentTime } from './appointment-time.js';
import { findAppointmentWithPeople } from './appointment.repository.js';

/**
 * "cancel appointment apt_… of 2026-12-08 09:30 UTC for Maria Lopez with Sam Ortiz (booked)",
 * each value shown to its reader as the policy shows its field. The state is the status and the
 * time: an approved cancellation of an appointment moved or cancelled meanwhile does not run.
 */
export const cancelEffect: EffectDescriber<{ appointmentId: string | number }> = async ({ appointmentId }, { db, customer }) => {
  const appointment = await findAppointmentWithPeople(clinicExecutor(db), customer.accountId, String(appointmentId));
  if (!appointment) return null;
  const when = appointmentTime(appointment.starts_at);
  return {
    says: says`cancel appointment ${shown('Appointment.id', appointment.id)} of ${shown('Appointment.startsAt', when)} for ${shown('Patient.name', appointment.patientName, `patient ${appointment.patientId}`)} with ${shown('Member.name', appointment.clinicianName, `member ${appointment.clinicianId}`)} (${shown('Appointment.status', appointment.status)})`,
    state: { status: appointment.status, startsAt: appointment.starts_at.toISOString() },
  };
};

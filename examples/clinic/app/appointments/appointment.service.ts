import { type AuditScope, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from 'warden';
import type { ClinicTables } from '../database.js';
import { findPracticeById } from '../practices/index.js';
import type { AppointmentRow, AppointmentStatus } from '../tables/appointment.js';
import { appointmentTime } from './appointment-time.js';
import { lockAppointment, setAppointmentStatus } from './appointment.repository.js';

/** A change of status a member may make, and from which statuses. */
interface StatusMove {
  mutation: 'cancelAppointment' | 'confirmAppointment';
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
}

const CANCEL: StatusMove = { mutation: 'cancelAppointment', from: ['booked', 'confirmed'], to: 'cancelled' };
const CONFIRM: StatusMove = { mutation: 'confirmAppointment', from: ['booked'], to: 'confirmed' };

export const NO_SUCH_APPOINTMENT = 'No appointment with that id in your practice; list appointments to find its id.';

/** Cancels a booked or confirmed appointment: risky, since the patient loses their slot. */
export function cancelAppointment(db: WardenDb, member: CustomerPrincipal, appointmentId: string, scope: AuditScope): Promise<AppointmentRow> {
  return moveAppointment(db, member, appointmentId, CANCEL, scope);
}

/** Confirms a booked appointment: routine. */
export function confirmAppointment(db: WardenDb, member: CustomerPrincipal, appointmentId: string, scope: AuditScope): Promise<AppointmentRow> {
  return moveAppointment(db, member, appointmentId, CONFIRM, scope);
}

/**
 * Changes the status in Warden's transaction and records who changed it from what to what, so
 * the change and its audit row commit together. `scope.beforeChange` re-checks an approved
 * call's target under the row lock (Warden refuses it if the appointment changed since).
 */
async function moveAppointment(db: WardenDb, member: CustomerPrincipal, appointmentId: string, move: StatusMove, scope: AuditScope): Promise<AppointmentRow> {
  return db.transaction().execute(async (trx) => {
    const clinic = trx.withTables<ClinicTables>();
    const before = await lockAppointment(clinic, member.accountId, appointmentId);
    await scope.beforeChange?.(trx, scope);
    const practice = await findPracticeById(clinic, member.accountId);
    if (!before || !practice) throw wardenError('NOT_FOUND', NO_SUCH_APPOINTMENT);
    if (!move.from.includes(before.status)) {
      throw wardenError('BAD_USER_INPUT', `That appointment is ${before.status}; only ${move.from.join(' or ')} appointments can become ${move.to}.`);
    }
    const after = await setAppointmentStatus(clinic, before.id, move.to);
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: `Mutation.${move.mutation}`,
        account: { id: practice.id, name: practice.name },
        subjectUserId: member.id,
        target: `appointment ${before.id} of ${appointmentTime(before.starts_at)}`,
        changes: [{ field: 'Appointment.status', label: 'status', before: before.status, after: after.status }],
      },
      scope,
    );
    return after;
  });
}

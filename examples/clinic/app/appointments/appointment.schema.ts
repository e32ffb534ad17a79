import { actingCustomer, auditScopeOf, wardenError } from 'warden';
import type { ClinicBuilder } from '../clinic-types.js';
import { clinicDb } from '../database.js';
import { findMemberInPractice } from '../members/index.js';
import { findPatient } from '../patients/index.js';
import { APPOINTMENT_STATUSES } from '../tables/appointment.js';
import { cancelEffect } from './appointment.effects.js';
import { listAppointments } from './appointment.repository.js';
import { cancelAppointment, confirmAppointment } from './appointment.service.js';

export const APPOINTMENT_PAGE_MAX = 200;

export function defineAppointmentTypes(builder: ClinicBuilder): void {
  const AppointmentStatus = builder.enumType('AppointmentStatus', { values: APPOINTMENT_STATUSES });

  builder.objectType('Appointment', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      startsAt: t.expose('starts_at', { type: 'DateTime', classification: 'public' }),
      status: t.field({ type: AppointmentStatus, classification: 'public', resolve: (appointment) => appointment.status }),
      reason: t.exposeString('reason', { classification: 'sensitive', nullable: true, description: 'Why the patient comes, in their words.' }),
      clinician: t.field({
        type: 'Member',
        classification: 'public',
        nullable: true,
        resolve: (appointment, _args, context) =>
          findMemberInPractice(clinicDb(context.db), appointment.practice_id, appointment.clinician_id).then((member) => member ?? null),
      }),
      patient: t.field({
        type: 'Patient',
        classification: 'public',
        nullable: true,
        resolve: (appointment, _args, context) => findPatient(clinicDb(context.db), appointment.practice_id, appointment.patient_id).then((patient) => patient ?? null),
      }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  const page = (first: number) => {
    if (first < 1 || first > APPOINTMENT_PAGE_MAX) throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${APPOINTMENT_PAGE_MAX} appointments.`);
    return first;
  };

  builder.objectFields('Practice', (t) => ({
    appointments: t.field({
      type: ['Appointment'],
      classification: 'public',
      description: 'Soonest first.',
      args: {
        status: t.arg({ type: AppointmentStatus, filtersBy: 'Appointment.status' }),
        first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }),
      },
      resolve: (practice, { status, first }, context) =>
        listAppointments(clinicDb(context.db), practice.id, { status: status ?? null, patientId: null, limit: page(first) }),
    }),
  }));

  builder.objectFields('Patient', (t) => ({
    appointments: t.field({
      type: ['Appointment'],
      classification: 'public',
      args: { first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }) },
      resolve: (patient, { first }, context) =>
        listAppointments(clinicDb(context.db), patient.practice_id, { status: null, patientId: patient.id, limit: page(first) }),
    }),
  }));

  builder.mutationFields((t) => ({
    cancelAppointment: t.field({
      type: 'Appointment',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: cancelEffect,
      description: 'Cancels a booked or confirmed appointment; the patient loses the slot.',
      args: { appointmentId: t.arg.id({ required: true, filtersBy: 'Appointment.id' }) },
      resolve: (_root, { appointmentId }, context, info) =>
        cancelAppointment(context.db, actingCustomer(context), String(appointmentId), auditScopeOf(context, info)),
    }),
    confirmAppointment: t.field({
      type: 'Appointment',
      callers: 'customer',
      classification: 'public',
      risk: 'routine',
      description: 'Confirms a booked appointment.',
      args: { appointmentId: t.arg.id({ required: true, filtersBy: 'Appointment.id' }) },
      resolve: (_root, { appointmentId }, context, info) =>
        confirmAppointment(context.db, actingCustomer(context), String(appointmentId), auditScopeOf(context, info)),
    }),
  }));
}

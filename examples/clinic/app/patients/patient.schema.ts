import { actingCustomer, wardenError } from 'warden';
import type { ClinicBuilder } from '../clinic-types.js';
import { clinicDb } from '../database.js';
import { findPatient, listPatients } from './patient.repository.js';

export const PATIENT_PAGE_MAX = 200;

export function definePatientTypes(builder: ClinicBuilder): void {
  builder.objectType('Patient', {
    description: "A patient of the practice: the practice's records, not someone who signs in.",
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      phone: t.exposeString('phone', { classification: 'pii', mask: 'last4', nullable: true }),
      dateOfBirth: t.expose('date_of_birth', { type: 'Date', classification: 'sensitive', nullable: true }),
      insuranceNumber: t.exposeString('insurance_number', { classification: 'secret', mask: 'last4', nullable: true }),
      diagnosis: t.exposeString('diagnosis', { classification: 'sensitive', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  const PatientOrder = builder.enumType('PatientOrder', { values: ['NAME', 'DATE_OF_BIRTH'] as const });

  builder.objectFields('Practice', (t) => ({
    patients: t.field({
      type: ['Patient'],
      classification: 'public',
      args: {
        search: t.arg.string({ filtersBy: 'Patient.name', description: 'Part of the name, case-insensitive.' }),
        orderBy: t.arg({
          type: PatientOrder,
          filtersBy: { NAME: 'Patient.name', DATE_OF_BIRTH: 'Patient.dateOfBirth' },
          description: 'Left out: by id, which everyone sees.',
        }),
        first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }),
      },
      resolve: (practice, { search, orderBy, first }, context) => {
        if (first < 1 || first > PATIENT_PAGE_MAX) throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${PATIENT_PAGE_MAX} patients.`);
        return listPatients(clinicDb(context.db), practice.id, { search: search ?? null, orderBy: orderBy ?? null, limit: first });
      },
    }),
  }));

  builder.queryField('patient', (t) =>
    t.field({
      type: 'Patient',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: "A patient of the calling member's practice; null for any other id.",
      args: { id: t.arg.id({ required: true, filtersBy: 'Patient.id' }) },
      resolve: (_root, { id }, context) =>
        findPatient(clinicDb(context.db), actingCustomer(context).accountId, String(id)).then((patient) => patient ?? null),
    }),
  );
}

import type { NewStaffRow } from 'warden';
import type { NewAppointmentRow } from '../tables/appointment.js';
import type { NewMemberRow } from '../tables/member.js';
import type { NewPatientRow } from '../tables/patient.js';
import type { NewPracticeRow } from '../tables/practice.js';

/**
 * The clinic's demo world, with fixed ids so the README and the tests can name its people.
 * Riverside is an ordinary practice; Harbor (mental health) is sensitive; Oakwood said support
 * may never enter; Maple asked to be asked first.
 */
export const CLINIC_PRACTICES = [
  { id: 'prc_riverside', name: 'Riverside Family Practice' },
  { id: 'prc_harbor', name: 'Harbor Mental Health', sensitive: true },
  { id: 'prc_oakwood', name: 'Oakwood Dental', support_access: 'never' },
  { id: 'prc_maple', name: 'Maple Pediatrics', support_access: 'ask_first' },
] satisfies NewPracticeRow[];

export const CLINIC_MEMBERS = [
  { id: 'mem_nora', practice_id: 'prc_riverside', name: 'Nora Quinn', email: 'nora.quinn@riverside.example', role: 'practice_manager' },
  { id: 'mem_sam', practice_id: 'prc_riverside', name: 'Sam Ortiz', email: 'sam.ortiz@riverside.example', role: 'clinician' },
  { id: 'mem_lily', practice_id: 'prc_riverside', name: 'Lily Chen', email: 'lily.chen@riverside.example', role: 'receptionist' },
  { id: 'mem_hana', practice_id: 'prc_harbor', name: 'Hana Sato', email: 'hana.sato@harbor.example', role: 'practice_manager' },
  { id: 'mem_ivan', practice_id: 'prc_harbor', name: 'Ivan Petrov', email: 'ivan.petrov@harbor.example', role: 'clinician' },
  { id: 'mem_zoe', practice_id: 'prc_oakwood', name: 'Zoe Walsh', email: 'zoe.walsh@oakwood.example', role: 'receptionist' },
  { id: 'mem_omar', practice_id: 'prc_maple', name: 'Omar Farouk', email: 'omar.farouk@maple.example', role: 'clinician' },
] satisfies NewMemberRow[];

export const CLINIC_PATIENTS = [
  { id: 'pat_maria', practice_id: 'prc_riverside', name: 'Maria Lopez', phone: '+1 415 555 0142', date_of_birth: '1984-03-09', insurance_number: 'BCX-4417-2290-8812', diagnosis: 'Type 2 diabetes', intake_notes: 'Prefers morning slots; anxious about needles' },
  { id: 'pat_tom', practice_id: 'prc_riverside', name: 'Tom Reed', phone: '+1 415 555 0177', date_of_birth: '1979-11-23', insurance_number: 'AET-2093-5581-0046', diagnosis: 'Hypertension', intake_notes: null },
  { id: 'pat_ada', practice_id: 'prc_riverside', name: 'Ada Brooks', phone: '+1 415 555 0190', date_of_birth: '2015-06-30', insurance_number: 'KPN-7781-3320-1159', diagnosis: null, intake_notes: 'Comes with her father' },
  { id: 'pat_lee', practice_id: 'prc_harbor', name: 'Lee Morgan', phone: '+1 206 555 0123', date_of_birth: '1991-08-14', insurance_number: 'PRM-5520-1184-7731', diagnosis: 'Generalised anxiety disorder', intake_notes: null },
  { id: 'pat_ruth', practice_id: 'prc_oakwood', name: 'Ruth Kim', phone: '+1 503 555 0166', date_of_birth: '1968-02-02', insurance_number: 'DLT-3301-9087-2245', diagnosis: null, intake_notes: null },
] satisfies NewPatientRow[];

/** Riverside's first two stay booked and confirmed: the tests cancel and confirm them. */
export const CLINIC_APPOINTMENTS = [
  { id: 'apt_maria_1', practice_id: 'prc_riverside', patient_id: 'pat_maria', clinician_id: 'mem_sam', starts_at: '2026-12-08T09:30:00Z', reason: 'Follow-up on blood sugar readings' },
  { id: 'apt_maria_2', practice_id: 'prc_riverside', patient_id: 'pat_maria', clinician_id: 'mem_sam', starts_at: '2027-01-12T09:30:00Z', status: 'confirmed', reason: 'Quarterly HbA1c review' },
  { id: 'apt_tom_1', practice_id: 'prc_riverside', patient_id: 'pat_tom', clinician_id: 'mem_sam', starts_at: '2026-12-09T14:00:00Z', reason: 'Blood pressure check after the dose change' },
  { id: 'apt_ada_1', practice_id: 'prc_riverside', patient_id: 'pat_ada', clinician_id: 'mem_sam', starts_at: '2026-12-10T08:00:00Z', status: 'completed', reason: 'School vaccination' },
  { id: 'apt_lee_1', practice_id: 'prc_harbor', patient_id: 'pat_lee', clinician_id: 'mem_ivan', starts_at: '2026-12-08T11:00:00Z', reason: 'Weekly therapy session' },
] satisfies NewAppointmentRow[];

/** Support staff, in Warden's own staff table: whose roles a token's claims must agree with. */
export const CLINIC_STAFF = [
  { id: 'stf_ana', name: 'Ana Costa', email: 'ana.costa@support.example', roles: ['support_agent'] },
  { id: 'stf_ravi', name: 'Ravi Menon', email: 'ravi.menon@support.example', roles: ['support_agent'] },
  { id: 'stf_helen', name: 'Helen Brandt', email: 'helen.brandt@support.example', roles: ['support_manager'] },
  { id: 'stf_kofi', name: 'Kofi Mensah', email: 'kofi.mensah@support.example', roles: ['support_manager', 'support_agent'] },
  { id: 'stf_mei', name: 'Mei Lin', email: 'mei.lin@support.example', roles: ['security_admin'] },
  { id: 'stf_olu', name: 'Olu Adeyemi', email: 'olu.adeyemi@support.example', roles: ['auditor'] },
] satisfies NewStaffRow[];

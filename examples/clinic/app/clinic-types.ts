import type { WardenBuilder } from 'warden';
import type { AppointmentRow } from './tables/appointment.js';
import type { MemberRow } from './tables/member.js';
import type { PatientRow } from './tables/patient.js';
import type { PracticeRow } from './tables/practice.js';

/** One row of the staff directory: enough for support to find whom to help, nothing more. */
export interface MemberDirectoryEntryShape {
  memberId: string;
  name: string;
  practiceId: string;
  practiceName: string;
}

/** What the clinic adds to Warden's schema types: its objects, by the rows its resolvers return. */
export interface ClinicTypes {
  Objects: {
    Practice: PracticeRow;
    Member: MemberRow;
    Patient: PatientRow;
    Appointment: AppointmentRow;
    MemberDirectoryEntry: MemberDirectoryEntryShape;
  };
}

export type ClinicBuilder = WardenBuilder<ClinicTypes>;

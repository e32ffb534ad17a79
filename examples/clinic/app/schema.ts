import { type BuilderOptions, createWardenBuilder, type WardenSchema, wardenSchemaOf } from 'warden';
import { defineAppointmentTypes } from './appointments/index.js';
import type { ClinicBuilder, ClinicTypes } from './clinic-types.js';
import { defineMemberTypes } from './members/index.js';
import { definePatientTypes } from './patients/index.js';
import { definePracticeTypes } from './practices/index.js';

/** Puts the clinic's types and root fields on a Warden builder. */
export function defineClinicTypes(builder: ClinicBuilder): void {
  definePracticeTypes(builder);
  defineMemberTypes(builder);
  definePatientTypes(builder);
  defineAppointmentTypes(builder);
}

/**
 * The clinic's schema: its types on a Warden builder, Warden's own types included, under
 * Warden's default baseline policy (no file of its own: the data classes say it all).
 */
export function buildClinicSchema(options: BuilderOptions = {}): WardenSchema {
  const builder = createWardenBuilder<ClinicTypes>(options);
  defineClinicTypes(builder);
  return wardenSchemaOf(builder.toSchema({ sortSchema: true }));
}

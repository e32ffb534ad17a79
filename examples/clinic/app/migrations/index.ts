import type { Migration } from 'kysely';
import * as clinic from './20261207000100_clinic.js';
import * as clinicGrants from './20261207000200_clinic_grants.js';

/** The clinic's migrations, by name: recorded in Kysely's default `kysely_migration`, Warden's in its own table. */
export const clinicMigrations: Record<string, Migration> = {
  '20261207000100_clinic': clinic,
  '20261207000200_clinic_grants': clinicGrants,
};

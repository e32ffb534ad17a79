import type { Migration } from 'kysely';
import * as referenceDomain from './20261121000100_reference_domain.js';
import * as riskyActions from './20261127000200_risky_actions.js';
import * as referenceDomainGrants from './20261206000200_reference_domain_grants.js';

/**
 * The reference domain's own migrations, by name, beside Warden's (which it runs first, through
 * the public entry): recorded in Kysely's default `kysely_migration`, as an application's are.
 */
export const demoMigrations: Record<string, Migration> = {
  '20261121000100_reference_domain': referenceDomain,
  '20261127000200_risky_actions': riskyActions,
  '20261206000200_reference_domain_grants': referenceDomainGrants,
};

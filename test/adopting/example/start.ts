import { type Config, type DatabaseHandle, type Logger, startWarden, type Warden } from 'warden';
import { shopIdentity } from './identity.js';
import { migrateShop, pendingShopMigrations } from './migrations.js';
import { buildShopSchema } from './schema.js';

/**
 * Everything the shop's gateway runs: migrations (Warden's, then the shop's), the audit's
 * partitions, the policy in force, audit checkpoints, the session sweeper, notifications, and
 * the gateway itself. Null when `signal` stopped the start between two steps.
 */
export function startShop(database: DatabaseHandle, config: Config, logger: Logger, signal?: AbortSignal): Promise<Warden | null> {
  return startWarden({
    database,
    // Production builds with unclassified fields hidden as secrets; elsewhere they fail the build.
    schema: buildShopSchema({ onUnclassified: config.production ? 'secret' : 'error' }),
    identity: shopIdentity(database.db),
    config,
    logger,
    migrations: { apply: migrateShop, pending: pendingShopMigrations, command: 'npm run migrate' },
    signal,
  });
}

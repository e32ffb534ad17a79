import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { ensureAuditPartitions, missingAuditPartitions } from './partitions.js';
import { repeatTask } from './repeat-task.js';

export interface PartitionUpkeepOptions {
  db: Db;
  logger: Logger;
  /**
   * Create missing partitions (the gateway runs with the owner's rights: it migrates at start).
   * Otherwise only check: the application role cannot create them.
   */
  create: boolean;
  /** @default 3600000 (an hour) */
  intervalMs?: number;
}

export interface PartitionUpkeep {
  /** Which partitions are missing, for /health; null while this month's and next month's exist. */
  problem(): string | null;
  stop(): Promise<void>;
}

/**
 * At start and every interval: creates the coming months' partitions if it may, then checks
 * that this month's and next month's exist, and warns loudly while one does not (its rows would
 * land in the default partition, from which retention cannot retire them without a move).
 * Never fails a request or the start for it: the default partition takes the rows.
 */
export async function startPartitionUpkeep(options: PartitionUpkeepOptions): Promise<PartitionUpkeep> {
  const { db, logger } = options;
  let missing: string[] = [];
  const check = async () => {
    if (options.create) {
      try {
        const { created, stranded } = await ensureAuditPartitions(db);
        if (created.length) logger.info({ partitions: created }, 'audit partitions created');
        if (stranded.length) {
          logger.warn({ months: stranded }, 'audit rows of these months sit in audit_events_default; run `npm run audit:partitions -- --move-stranded` as the table owner');
        }
      } catch (error) {
        logger.warn({ err: error }, 'could not create audit partitions; run `npm run audit:partitions` as the table owner');
      }
    }
    try {
      missing = await missingAuditPartitions(db);
    } catch (error) {
      logger.warn({ err: error }, 'could not check the audit partitions');
      return;
    }
    if (missing.length) {
      logger.warn(
        { months: missing },
        'AUDIT PARTITIONS MISSING: rows of these months will land in audit_events_default. Run `npm run audit:partitions` as the table owner, and schedule it (monthly or more often).',
      );
    }
  };
  await check();
  const repeating = repeatTask(check, options.intervalMs ?? 3_600_000);
  return {
    problem: () => (missing.length ? `audit partitions missing for ${missing.join(', ')}; run npm run audit:partitions as the table owner` : null),
    stop: () => repeating.stop(),
  };
}

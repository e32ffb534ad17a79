import { parseArgs } from 'node:util';
import { invokedAs } from '../../cli/invoked-as.js';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/connect.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, moveStrandedAuditRows, RetentionRefused } from '../partitions.js';

const USAGE = `Usage:
  ${invokedAs('audit:partitions').padEnd(45)} create this month's and the next two months' partitions
  ${''.padEnd(45)} (schedule it: a gateway running as the application role cannot)
  ${`${invokedAs('audit:partitions')} --move-stranded`.padEnd(45)} move rows that landed in audit_events_default into monthly partitions
  ${`${invokedAs('audit:retention')} --before 2025-01`.padEnd(45)} detach the months before January 2025 (add --drop to delete them)

Run these as the table owner; retention after archiving what your retention policy requires.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      before: { type: 'string' },
      drop: { type: 'boolean', default: false },
      'move-stranded': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    if (positionals[0] === 'partitions') {
      if (values['move-stranded']) {
        const moved = await moveStrandedAuditRows(db);
        console.log(moved.rows ? `Moved ${moved.rows} rows in ${description} into the partitions of ${moved.months.join(', ')}.` : 'audit_events_default holds no rows.');
      }
      const { created, stranded } = await ensureAuditPartitions(db);
      console.log(created.length ? `Created in ${description}: ${created.join(', ')}` : 'All partitions exist.');
      if (stranded.length) {
        console.error(`Rows of ${stranded.join(', ')} sit in audit_events_default, so their partitions cannot be created: run with --move-stranded.`);
        return 1;
      }
      return 0;
    }
    const before = values.before && /^\d{4}-\d{2}$/.test(values.before) ? new Date(`${values.before}-01T00:00:00Z`) : null;
    if (!before) {
      console.error(`--before YYYY-MM is required.\n\n${USAGE}`);
      return 2;
    }
    const detached = await detachAuditPartitionsBefore(db, before, values.drop);
    console.log(detached.length ? `${values.drop ? 'Dropped' : 'Detached'} in ${description}: ${detached.join(', ')}` : 'No month is old enough.');
    return 0;
  } catch (error) {
    if (!(error instanceof RetentionRefused)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

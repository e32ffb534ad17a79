import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/connect.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions } from '../partitions.js';

const USAGE = `Usage:
  npm run audit:partitions                      create this month's and the next two months' partitions
  npm run audit:retention -- --before 2025-01   detach the months before January 2025 (add --drop to delete them)

Run retention as the table owner, after archiving what your retention policy requires.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { before: { type: 'string' }, drop: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (positionals[0] === 'partitions') {
      const created = await ensureAuditPartitions(db);
      console.log(created.length ? `Created in ${description}: ${created.join(', ')}` : 'All partitions exist.');
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

import { describeChainProblem, describeChainStart, loadConfig, openDatabase, verifyAuditChain } from 'warden';

/**
 * `npm run audit:verify`: walks Warden's audit hash chain and its signed checkpoints in this
 * database. Exit 0: intact as far as the database shows; 1: broken, every problem listed.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const keys = [config.audit.checkpointKey, ...config.audit.verifyKeys];
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    const report = await verifyAuditChain(db, keys, { toleranceMs: config.audit.checkpointToleranceMinutes * 60_000 });
    const checked = `rows: ${report.rows}, checkpoints: ${report.checkpoints}`;
    if (report.problem) {
      console.error([`Audit chain in ${description} is BROKEN (${checked}).`, ...report.problems.map((problem) => `  - ${describeChainProblem(problem)}`)].join('\n'));
      return 1;
    }
    console.log(`Audit chain in ${description} is intact as far as the database shows (${checked}). ${describeChainStart(report.start)}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

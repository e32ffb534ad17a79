import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/connect.js';
import { describeChainProblem, verifyAuditChain } from '../verify-chain.js';

/** `npm run audit:verify`: walks the hash chain and the signed checkpoints; exit 1 names the first broken link. */
async function main(): Promise<number> {
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await verifyAuditChain(db, config.audit.checkpointKey);
    if (report.problem) {
      console.error(`Audit chain in ${description} is BROKEN after ${report.rows} good rows.\n${describeChainProblem(report.problem)}`);
      return 1;
    }
    console.log(`Audit chain in ${description} is intact: ${report.rows} rows, ${report.checkpoints} signed checkpoints.`);
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

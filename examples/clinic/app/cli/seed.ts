import { ensureAuditPartitions, loadConfig, openDatabase } from 'warden';
import { migrateClinic } from '../migrate.js';
import { seedClinic } from '../seed/seed.js';

/** `npm run seed`: migrates, then loads the demo world; rows that exist are kept. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    await migrateClinic(db);
    await ensureAuditPartitions(db);
    const added = await seedClinic(db);
    const total = Object.values(added).reduce((a, b) => a + b, 0);
    console.log(total ? `Seeded ${description}: ${JSON.stringify(added)}` : `Demo data already present in ${description}.`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

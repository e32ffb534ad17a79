import { applicationRoleExists, loadConfig, openDatabase } from 'warden';
import { migrateClinic, migrateClinicDown } from '../migrate.js';

/** `npm run migrate` applies Warden's pending migrations, then the clinic's; `-- down` undoes the clinic's newest. */
async function main(): Promise<void> {
  const direction = process.argv[2] ?? 'up';
  if (direction !== 'up' && direction !== 'down') throw new Error(`Unknown direction "${direction}": use "up" (the default) or "down".`);
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    const applied = direction === 'up' ? await migrateClinic(db) : await migrateClinicDown(db);
    console.log(applied.length ? `${direction === 'up' ? 'Applied' : 'Rolled back'} on ${description}: ${applied.join(', ')}` : `Nothing to do on ${description}.`);
    if (direction === 'up' && !(await applicationRoleExists(db))) {
      console.warn('The application role warden_app does not exist (this user may not create roles): have an administrator create and grant it.');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { applicationRoleExists, loadConfig, openDatabase } from '../../index.js';
import { migrateDemo, migrateDemoDown } from '../migrate.js';

/**
 * `npm run migrate` applies pending migrations, Warden's then the reference domain's;
 * `npm run migrate -- down` undoes the reference domain's newest.
 */
async function main(): Promise<void> {
  const direction = process.argv[2] ?? 'up';
  if (direction !== 'up' && direction !== 'down') {
    throw new Error(`Unknown direction "${direction}": use "up" (the default) or "down".`);
  }
  const config = loadConfig();
  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    const applied = direction === 'up' ? await migrateDemo(db) : await migrateDemoDown(db);
    const verb = direction === 'up' ? 'Applied' : 'Rolled back';
    console.log(applied.length ? `${verb} on ${description}: ${applied.join(', ')}` : `Nothing to do on ${description}.`);
    if (direction === 'up' && !(await applicationRoleExists(db))) {
      console.warn(
        'The application role warden_app does not exist: this user may not create roles. Have an administrator create ' +
          'and grant it, as "On a real PostgreSQL server" in README.md shows.',
      );
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { applicationRoleExists, loadConfig, openDatabase } from 'warden';
import { migrateShop } from './migrations.js';

// `npm run migrate` in the shop, as the database's owner: what a production start, which does
// not migrate (WARDEN_MIGRATE_ON_START), asks for when a migration is pending.
const config = loadConfig();
const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
try {
  const applied = await migrateShop(db);
  console.log(applied.length > 0 ? `Applied on ${description}: ${applied.join(', ')}` : `Nothing to apply on ${description}.`);
  if (!(await applicationRoleExists(db))) console.warn('No warden_app role: this user may not create roles; an administrator creates and grants it (see Warden\'s README).');
} finally {
  await db.destroy();
}

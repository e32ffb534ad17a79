import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { migrateWarden, pendingWardenMigrations, type WardenDb } from 'warden';

/**
 * Where the shop's tables go. Warden's connections look in WARDEN_DB_SCHEMA first (when it is
 * set), so the shop names its own schema rather than land in Warden's.
 */
const SHOP_SCHEMA = 'public';

/** Frozen in time, like every migration: it takes `Kysely<any>` and imports nothing from the app. */
const shopTables: Migration = {
  async up(db: Kysely<any>) {
    const schema = db.schema.withSchema(SHOP_SCHEMA);
    await schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('support_access', 'text', (c) => c.notNull().defaultTo('allow').check(sql`support_access in ('allow', 'ask_first', 'never')`))
      .execute();
    await schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'member')`))
      .addColumn('phone', 'text')
      .addColumn('date_of_birth', 'date')
      .addColumn('api_key', 'text', (c) => c.notNull())
      .execute();
    await schema
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('total_cents', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('paid', 'refunded')`))
      .addColumn('shipping_address', 'text')
      .addColumn('placed_on', 'date', (c) => c.notNull())
      .execute();
    // Where the gateway runs as Warden's application role (warden_app), it reads these tables
    // and refunds orders; the role exists when Warden's migrations could create it.
    const { rows } = await sql<{ found: boolean }>`select exists (select from pg_roles where rolname = 'warden_app') as found`.execute(db);
    if (rows[0]?.found) {
      const tables = (...names: string[]) => sql.join(names.map((name) => sql.table(`${SHOP_SCHEMA}.${name}`)));
      await sql`grant select on ${tables('teams', 'members', 'orders', 'kysely_migration')} to warden_app`.execute(db);
      await sql`grant update on ${tables('teams', 'orders')} to warden_app`.execute(db);
    }
  },
  async down(db: Kysely<any>) {
    for (const table of ['orders', 'members', 'teams']) await db.schema.withSchema(SHOP_SCHEMA).dropTable(table).execute();
  },
};

const SHOP_MIGRATIONS: Record<string, Migration> = { '20270105000000_shop_tables': shopTables };

/** The shop's migrator: its history in Kysely's default table, in its own schema, apart from Warden's. */
function shopMigrator(db: WardenDb): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => SHOP_MIGRATIONS }, migrationTableSchema: SHOP_SCHEMA });
}

/** Warden's migrations, then the shop's; the names applied in this call. */
export async function migrateShop(db: WardenDb): Promise<string[]> {
  const applied = await migrateWarden(db);
  const { error, results = [] } = await shopMigrator(db).migrateToLatest();
  if (error) throw error;
  return [...applied, ...results.filter((result) => result.status === 'Success').map((result) => result.migrationName)];
}

/** What is not applied yet, Warden's and the shop's: a start without the owner's rights refuses while any is. */
export async function pendingShopMigrations(db: WardenDb): Promise<string[]> {
  const own = (await shopMigrator(db).getMigrations()).filter((migration) => !migration.executedAt).map((migration) => migration.name);
  return [...(await pendingWardenMigrations(db)), ...own];
}

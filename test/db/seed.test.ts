import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { STAFF_ROLES } from '../../src/db/tables/staff.js';
import { isEmpty, seedDemoData } from '../../src/domain/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { demoDb } from '../../src/domain/database.js';

let testDatabase: TestDatabase;
let db: Db;
beforeEach(async () => {
  testDatabase = await createTestDatabase();
  db = testDatabase.db;
});
afterEach(() => testDatabase.destroy());

const seededEvents = () =>
  db.selectFrom('audit_events').selectAll().where('kind', '=', 'demo_data_seeded').execute();

/** Rows per table, for the tables the seed reports on (names come from the seed, not a user). */
async function countRows(tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

describe('seedDemoData', () => {
  it('fills an empty database and reports every row it added', async () => {
    expect(await isEmpty(db)).toBe(true);
    const added = await seedDemoData(db);

    expect(await isEmpty(db)).toBe(false);
    expect(await countRows(Object.keys(added))).toEqual(added);
    expect(Object.values(added).every((n) => n > 0)).toBe(true);
  });

  it('loads the accounts that demonstrate each rule', async () => {
    await seedDemoData(db);
    const accounts = await demoDb(db)
      .selectFrom('accounts')
      .select(['id', 'sensitive', 'support_access'])
      .orderBy('id')
      .execute();
    expect(accounts).toEqual([
      { id: 'acc_acme', sensitive: false, support_access: 'allow' },
      { id: 'acc_globex', sensitive: true, support_access: 'allow' },
      { id: 'acc_initech', sensitive: false, support_access: 'never' },
      { id: 'acc_umbrella', sensitive: false, support_access: 'ask_first' },
    ]);
  });

  it('loads invoices in every status, with ACME-2026-012 open at 20% tax', async () => {
    await seedDemoData(db);
    const invoices = await demoDb(db).selectFrom('invoices').select(['number', 'status', 'tax_rate_bp']).execute();
    expect(new Set(invoices.map((i) => i.status))).toEqual(new Set(['draft', 'open', 'paid', 'void', 'refunded']));
    expect(invoices.find((i) => i.number === 'ACME-2026-012')).toEqual({ number: 'ACME-2026-012', status: 'open', tax_rate_bp: 2000 });
  });

  it('loads at least one staff member with each role', async () => {
    await seedDemoData(db);
    const staff = await db.selectFrom('staff').select('roles').execute();
    expect(new Set(staff.flatMap((s) => s.roles))).toEqual(new Set(STAFF_ROLES));
  });

  it('records one audit event with a plain-language summary', async () => {
    const added = await seedDemoData(db);
    const [event, ...others] = await seededEvents();
    expect(others).toEqual([]);
    expect(event).toMatchObject({ actor_kind: 'system', details: { rows: added } });
    expect(event?.summary).toMatch(/loaded the demo data \(4 accounts, .*staff\)/);
  });

  it('adds nothing and records nothing when run again', async () => {
    const first = await seedDemoData(db);
    const second = await seedDemoData(db);

    expect(Object.values(second)).toEqual(Object.values(first).map(() => 0));
    expect(await countRows(Object.keys(first))).toEqual(first);
    expect(await seededEvents()).toHaveLength(1);
  });
});

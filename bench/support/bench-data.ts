import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { demoDb } from '../../src/domain/database.js';
import type { NewInvoiceRow } from '../../src/domain/tables/invoice.js';
import { migrateDemo } from '../../src/domain/migrate.js';
import { ensureAuditPartitions } from '../../src/audit/partitions.js';
import { seedDemoData } from '../../src/domain/seed/seed.js';

/** The account whose invoices the list workload reads (an ordinary one: no approval needed). */
export const BENCH_ACCOUNT = 'acc_acme';
/** Every tenth bench invoice is open, so the mutation workload has rows it may change. */
const OPEN_EVERY = 10;

export interface BenchData {
  /** Invoices the bench account holds in all (the demo's and the bench's). */
  accountInvoices: number;
  /** Open invoices of the bench account, for the tax-rate mutation to cycle through. */
  openInvoiceIds: string[];
}

/**
 * Migrates, loads the demo world and adds `invoiceCount` invoices to Acme, so that Acme lists
 * a little over that many (the demo's own 12 come on top). Invoices are spread over the last
 * three years, one a day, like a busy account.
 */
export async function prepareBenchDatabase(wardenDb: Db, invoiceCount: number): Promise<BenchData> {
  await migrateDemo(wardenDb);
  await ensureAuditPartitions(wardenDb);
  await seedDemoData(wardenDb);
  const db = demoDb(wardenDb);
  const today = Date.UTC(2026, 10, 1);
  const rows: NewInvoiceRow[] = Array.from({ length: invoiceCount }, (_, i) => {
    const n = String(i + 1).padStart(5, '0');
    return {
      id: `inv_bench_${n}`,
      account_id: BENCH_ACCOUNT,
      number: `ACME-B-${n}`,
      amount_cents: 1000 + ((i * 7919) % 250_000),
      currency: 'GBP',
      tax_rate_bp: 2000,
      status: i % OPEN_EVERY === 0 ? 'open' : i % 7 === 0 ? 'void' : 'paid',
      issued_on: new Date(today - i * 86_400_000).toISOString().slice(0, 10),
    };
  });
  // 9 columns a row: stay well under PostgreSQL's 65,535 bind parameters a statement.
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insertInto('invoices').values(rows.slice(start, start + 1000)).onConflict((c) => c.column('id').doNothing()).execute();
  }
  await sql`analyze`.execute(db);
  const { n } = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', BENCH_ACCOUNT)
    .executeTakeFirstOrThrow();
  return { accountInvoices: Number(n), openInvoiceIds: rows.filter((r) => r.status === 'open').map((r) => r.id) };
}

/** Rows appended to the audit trail so far, over every chain (each head's number is its chain's count). */
export async function auditRowsWritten(db: Db): Promise<number> {
  return Number((await db.selectFrom('audit_chain_heads').select((eb) => eb.fn.sum<string>('last_seq').as('rows')).executeTakeFirstOrThrow()).rows);
}

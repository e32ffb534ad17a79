import type { DemoExecutor } from '../database.js';
import type { InvoiceRow, InvoiceStatus } from '../tables/invoice.js';
import type { PaymentMethodRow } from '../tables/payment-method.js';

export function listPaymentMethods(db: DemoExecutor, accountId: string): Promise<PaymentMethodRow[]> {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .execute();
}

export interface InvoiceListing {
  status?: InvoiceStatus | null;
  limit: number;
}

/** Newest first; the (account_id, issued_on) index serves it. */
export function listInvoices(db: DemoExecutor, accountId: string, listing: InvoiceListing): Promise<InvoiceRow[]> {
  let query = db.selectFrom('invoices').selectAll().where('account_id', '=', accountId);
  if (listing.status) query = query.where('status', '=', listing.status);
  return query.orderBy('issued_on', 'desc').orderBy('number', 'desc').limit(listing.limit).execute();
}

export function findInvoice(db: DemoExecutor, accountId: string, invoiceId: string): Promise<InvoiceRow | undefined> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export function lockInvoice(db: DemoExecutor, accountId: string, invoiceId: string): Promise<InvoiceRow | undefined> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateInvoiceTaxRate(db: DemoExecutor, invoiceId: string, taxRateBp: number): Promise<InvoiceRow> {
  return db
    .updateTable('invoices')
    .set({ tax_rate_bp: taxRateBp })
    .where('id', '=', invoiceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The account's billing contact: its billing user (else its owner, `userId` either way), with
 * the default payment method's billing address.
 */
export async function findBillingContact(db: DemoExecutor, accountId: string) {
  const person = await db
    .selectFrom('users')
    .select(['id as userId', 'name', 'email', 'phone'])
    .where('account_id', '=', accountId)
    .where('role', 'in', ['billing', 'owner'])
    .orderBy((eb) => eb.case().when('role', '=', 'billing').then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
  if (!person) return null;
  const card = await db
    .selectFrom('payment_methods')
    .select('billing_address')
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return { ...person, address: card?.billing_address ?? null };
}

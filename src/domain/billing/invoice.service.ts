import { type AuditScope, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { InvoiceRow } from '../tables/invoice.js';
import type { UserRole } from '../tables/user.js';
import { findAccountById } from '../accounts/index.js';
import { userRoleOf } from '../users/index.js';
import { lockInvoice, updateInvoiceTaxRate } from './billing.repository.js';
import { formatTaxRate, percentToBasisPoints } from './tax-rate.js';
import type { DomainTables } from '../database.js';

const BILLING_ROLES: readonly UserRole[] = ['owner', 'admin', 'billing'];

/** Changes one invoice's tax rate and records who changed it from what to what, atomically. */
export async function changeInvoiceTaxRate(
  db: WardenDb,
  customer: CustomerPrincipal,
  input: { invoiceId: string; taxRate: number },
  scope: AuditScope,
): Promise<InvoiceRow> {
  if (!BILLING_ROLES.includes(userRoleOf(customer))) {
    throw wardenError('FORBIDDEN', "Only the account's owner, admins and billing contacts can change tax settings.");
  }
  const taxRateBp = percentToBasisPoints(input.taxRate);
  if (taxRateBp === null) {
    throw wardenError('BAD_USER_INPUT', 'The tax rate is a percentage from 0 to 100 with at most two decimals, e.g. 20 or 7.25.');
  }
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockInvoice(app, customer.accountId, input.invoiceId);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) {
      throw wardenError('NOT_FOUND', 'No invoice with that id in your account; list invoices to find its id.');
    }
    if (before.status === 'paid' || before.status === 'void' || before.status === 'refunded') {
      throw wardenError('BAD_USER_INPUT', `Invoice ${before.number} is ${before.status}; only draft and open invoices can change their tax rate.`);
    }
    const after = await updateInvoiceTaxRate(app, before.id, taxRateBp);
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.setInvoiceTaxRate',
        account: { id: account.id, name: account.name },
        subjectUserId: customer.id,
        target: `invoice ${before.number}`,
        changes: [
          { field: 'Invoice.taxRate', label: 'tax rate', before: formatTaxRate(before.tax_rate_bp), after: formatTaxRate(after.tax_rate_bp) },
        ],
      },
      scope,
    );
    return after;
  });
}

/** Refuses a customer who may not refund: only owners, admins and billing contacts do. */
export function mayRefund(customer: CustomerPrincipal): void {
  if (!BILLING_ROLES.includes(userRoleOf(customer))) {
    throw wardenError('FORBIDDEN', "Only the account's owner, admins and billing contacts can refund invoices.");
  }
}

/** A refund marks a paid invoice refunded (the payment provider does the rest); risky by nature. */
export async function refundInvoice(db: WardenDb, customer: CustomerPrincipal, invoiceId: string, scope: AuditScope): Promise<InvoiceRow> {
  mayRefund(customer);
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockInvoice(app, customer.accountId, invoiceId);
    await scope.beforeChange?.(trx, scope);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) throw wardenError('NOT_FOUND', 'No invoice with that id in your account; list invoices to find its id.');
    if (before.status !== 'paid') throw wardenError('BAD_USER_INPUT', `Invoice ${before.number} is ${before.status}; only paid invoices can be refunded.`);
    const after = await app.updateTable('invoices').set({ status: 'refunded' }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.refundInvoice',
        account: { id: account.id, name: account.name },
        subjectUserId: customer.id,
        target: `invoice ${before.number}`,
        changes: [{ field: 'Invoice.status', label: 'status', before: before.status, after: after.status }],
      },
      scope,
    );
    return after;
  });
}

/** The account's invoices as CSV: public fields only. Never available during impersonation. */
export async function exportInvoicesCsv(db: WardenDb, customer: CustomerPrincipal, scope: AuditScope): Promise<string> {
  if (customer.role !== 'owner' && customer.role !== 'admin') {
    throw wardenError('FORBIDDEN', "Only the account's owner and admins can export its data.");
  }
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const account = await findAccountById(app, customer.accountId);
    if (!account) throw wardenError('NOT_FOUND', 'Your account no longer exists; sign in again.');
    const rows = await app.selectFrom('invoices').selectAll().where('account_id', '=', account.id).orderBy('issued_on').execute();
    await recordAuditEvent(
      trx,
      { kind: 'mutation_executed', typeField: 'Mutation.exportInvoices', account: { id: account.id, name: account.name }, subjectUserId: customer.id, target: `an export of ${rows.length} invoices`, changes: [] },
      scope,
    );
    const lines = rows.map((r) => [r.number, r.issued_on, r.status, r.currency, (r.amount_cents / 100).toFixed(2), formatTaxRate(r.tax_rate_bp)].join(','));
    return ['number,issued_on,status,currency,amount,tax_rate', ...lines].join('\n');
  });
}

import { recordAuditEvent } from '../../audit/index.js';
import type { CustomerPrincipal } from '../../auth/principal.js';
import type { Db } from '../../db/database.js';
import type { InvoiceRow } from '../../db/tables/invoice.js';
import type { UserRole } from '../../db/tables/user.js';
import { wardenError } from '../../errors/index.js';
import { findAccountById } from '../accounts/index.js';
import { lockInvoice, updateInvoiceTaxRate } from './billing.repository.js';
import { formatTaxRate, percentToBasisPoints } from './tax-rate.js';

const BILLING_ROLES: readonly UserRole[] = ['owner', 'admin', 'billing'];

/** Changes one invoice's tax rate and records who changed it from what to what, atomically. */
export async function changeInvoiceTaxRate(
  db: Db,
  customer: CustomerPrincipal,
  input: { invoiceId: string; taxRate: number },
  request: { requestId: string; operation: string | null },
): Promise<InvoiceRow> {
  if (!BILLING_ROLES.includes(customer.role)) {
    throw wardenError('FORBIDDEN', "Only the account's owner, admins and billing contacts can change tax settings.");
  }
  const taxRateBp = percentToBasisPoints(input.taxRate);
  if (taxRateBp === null) {
    throw wardenError('BAD_USER_INPUT', 'The tax rate is a percentage from 0 to 100 with at most two decimals, e.g. 20 or 7.25.');
  }
  return db.transaction().execute(async (trx) => {
    const before = await lockInvoice(trx, customer.accountId, input.invoiceId);
    const account = await findAccountById(trx, customer.accountId);
    if (!before || !account) {
      throw wardenError('NOT_FOUND', 'No invoice with that id in your account; list invoices to find its id.');
    }
    if (before.status === 'paid' || before.status === 'void' || before.status === 'refunded') {
      throw wardenError('BAD_USER_INPUT', `Invoice ${before.number} is ${before.status}; only draft and open invoices can change their tax rate.`);
    }
    const after = await updateInvoiceTaxRate(trx, before.id, taxRateBp);
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
      { actor: { kind: 'customer', id: customer.id, name: customer.name }, ...request },
    );
    return after;
  });
}

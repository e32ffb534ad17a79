import { type EffectDescriber, says, shown } from '../../index.js';
import { findInvoice } from './billing.repository.js';
import { formatAmount } from './amount.js';
import { mayRefund } from './invoice.service.js';
import { demoExecutor } from '../database.js';

/**
 * "refund invoice ACME-2026-001 (GBP 61.50, paid, issued 2026-01-01)": the invoice as it is now.
 * Refunded or changed in amount meanwhile, an approved refund no longer runs.
 */
export const refundEffect: EffectDescriber<{ invoiceId: string | number }> = async ({ invoiceId }, { db, customer }) => {
  mayRefund(customer);
  const invoice = await findInvoice(demoExecutor(db), customer.accountId, String(invoiceId));
  if (!invoice) return null;
  const amount = formatAmount(invoice.amount_cents, invoice.currency);
  return {
    says: says`refund invoice ${shown('Invoice.number', invoice.number)} (${shown('Invoice.amountCents', amount)}, ${shown('Invoice.status', invoice.status)}, issued ${shown('Invoice.issuedOn', invoice.issued_on)})`,
    state: { number: invoice.number, amountCents: invoice.amount_cents, currency: invoice.currency, status: invoice.status, issuedOn: invoice.issued_on },
  };
};

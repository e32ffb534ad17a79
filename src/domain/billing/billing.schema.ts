import { actingCustomer, auditScopeOf, auditSubjectFrom, wardenError } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { findBillingContact, findInvoice, listInvoices, listPaymentMethods } from './billing.repository.js';
import { changeInvoiceTaxRate, exportInvoicesCsv, refundInvoice } from './invoice.service.js';
import { refundEffect } from './invoice.effects.js';
import { basisPointsToPercent } from './tax-rate.js';
import { demoDb } from '../database.js';

/** Large enough for a year of daily invoices; the benchmark lists 1,000 rows. */
export const INVOICE_PAGE_MAX = 1000;

export function defineBillingTypes(builder: DemoBuilder): void {
  const InvoiceStatus = builder.enumType('InvoiceStatus', {
    values: ['draft', 'open', 'paid', 'void', 'refunded'] as const,
  });

  builder.objectType('PaymentMethod', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      brand: t.exposeString('brand', { classification: 'public' }),
      cardNumber: t.exposeString('card_number', { classification: 'secret', mask: 'last4', nullable: true }),
      expMonth: t.exposeInt('exp_month', { classification: 'internal', nullable: true }),
      expYear: t.exposeInt('exp_year', { classification: 'internal', nullable: true }),
      billingAddress: t.exposeString('billing_address', { classification: 'pii', mask: 'redact', nullable: true }),
      isDefault: t.exposeBoolean('is_default', { classification: 'public' }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectType('Invoice', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      number: t.exposeString('number', { classification: 'public' }),
      amountCents: t.exposeInt('amount_cents', { classification: 'public', description: 'The amount in the smallest unit of the currency.' }),
      currency: t.exposeString('currency', { classification: 'public' }),
      taxRate: t.float({
        classification: 'public',
        description: 'Percent: 20 means 20%.',
        resolve: (invoice) => basisPointsToPercent(invoice.tax_rate_bp),
      }),
      status: t.field({ type: InvoiceStatus, classification: 'public', resolve: (invoice) => invoice.status }),
      issuedOn: t.expose('issued_on', { type: 'Date', classification: 'public' }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectType('BillingContact', {
    description: 'Who receives the invoices, and where.',
    interfaces: ['Contact'],
    extensions: auditSubjectFrom('userId'),
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'address' in value,
    fields: (t) => ({
      address: t.exposeString('address', { classification: 'pii', mask: 'redact', nullable: true }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    billingContact: t.field({
      type: 'BillingContact',
      classification: 'public',
      nullable: true,
      resolve: (account, _args, context) => findBillingContact(demoDb(context.db), account.id),
    }),
    paymentMethods: t.field({
      type: ['PaymentMethod'],
      classification: 'public',
      resolve: (account, _args, context) => listPaymentMethods(demoDb(context.db), account.id),
    }),
    invoices: t.field({
      type: ['Invoice'],
      classification: 'public',
      description: 'Newest first.',
      args: {
        status: t.arg({ type: InvoiceStatus, filtersBy: 'Invoice.status' }),
        first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }),
      },
      resolve: (account, { status, first }, context) => {
        if (first < 1 || first > INVOICE_PAGE_MAX) {
          throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${INVOICE_PAGE_MAX} invoices.`);
        }
        return listInvoices(demoDb(context.db), account.id, { status, limit: first });
      },
    }),
  }));

  builder.queryField('invoice', (t) =>
    t.field({
      type: 'Invoice',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: "An invoice of the calling customer's own account; null for any other id.",
      authScopes: { customer: true },
      args: { id: t.arg.id({ required: true, filtersBy: 'Invoice.id' }) },
      resolve: (_root, { id }, context) =>
        findInvoice(demoDb(context.db), actingCustomer(context).accountId, String(id)).then((invoice) => invoice ?? null),
    }),
  );

  const SetInvoiceTaxRateInput = builder.inputType('SetInvoiceTaxRateInput', {
    fields: (t) => ({
      invoiceId: t.id({ required: true, filtersBy: 'Invoice.id' }),
      taxRate: t.float({ required: true, filtersBy: false, description: 'Percent, 0 to 100, at most two decimals.' }),
    }),
  });

  builder.mutationFields((t) => ({
    refundInvoice: t.field({
      type: 'Invoice',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: refundEffect,
      description: 'Refunds a paid invoice (owners, admins and billing contacts).',
      args: { invoiceId: t.arg.id({ required: true, filtersBy: 'Invoice.id' }) },
      resolve: (_root, { invoiceId }, context, info) =>
        refundInvoice(context.db, actingCustomer(context), String(invoiceId), auditScopeOf(context, info)),
    }),
    exportInvoices: t.string({
      callers: 'customer',
      classification: 'public',
      risk: 'never-during-impersonation',
      description: "The account's invoices as CSV (owners and admins).",
      resolve: (_root, _args, context, info) => exportInvoicesCsv(context.db, actingCustomer(context), auditScopeOf(context, info)),
    }),
  }));

  builder.mutationField('setInvoiceTaxRate', (t) =>
    t.field({
      type: 'Invoice',
      callers: 'customer',
      classification: 'public',
      risk: 'routine',
      description: 'Changes the tax rate of a draft or open invoice (owners, admins and billing contacts).',
      authScopes: { customer: true },
      args: { input: t.arg({ type: SetInvoiceTaxRateInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        changeInvoiceTaxRate(
          context.db,
          actingCustomer(context),
          { invoiceId: String(input.invoiceId), taxRate: input.taxRate },
          auditScopeOf(context, info),
        ),
    }),
  );
}

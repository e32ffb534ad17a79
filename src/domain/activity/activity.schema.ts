import { wardenError } from '../../index.js';
import type { DemoExecutor } from '../database.js';
import type { ApiTokenRow } from '../tables/api-token.js';
import type { InvoiceRow } from '../tables/invoice.js';
import type { PaymentMethodRow } from '../tables/payment-method.js';
import type { DemoBuilder } from '../demo-types.js';
import { demoDb } from '../database.js';

type ActivityRow = InvoiceRow | PaymentMethodRow | ApiTokenRow;

const ACTIVITY_MAX = 100;

/** The newest invoices, payment methods and API tokens of an account, merged by creation time. */
async function listActivity(db: DemoExecutor, accountId: string, limit: number): Promise<ActivityRow[]> {
  const [invoices, cards, tokens] = await Promise.all([
    db.selectFrom('invoices').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute(),
    db.selectFrom('payment_methods').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute(),
    db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute(),
  ]);
  return [...invoices, ...cards, ...tokens]
    .sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export function defineActivityTypes(builder: DemoBuilder): void {
  const AccountActivity = builder.unionType('AccountActivity', {
    description: 'Something created in an account: an invoice, a payment method or an API token.',
    types: ['Invoice', 'PaymentMethod', 'ApiToken'],
    resolveType: (row) => ('number' in row ? 'Invoice' : 'card_number' in row ? 'PaymentMethod' : 'ApiToken'),
  });

  builder.objectFields('Account', (t) => ({
    activity: t.field({
      type: [AccountActivity],
      classification: 'public',
      description: 'Newest first.',
      args: { first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }) },
      resolve: (account, { first }, context) => {
        if (first < 1 || first > ACTIVITY_MAX) {
          throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${ACTIVITY_MAX} activity items.`);
        }
        return listActivity(demoDb(context.db), account.id, first);
      },
    }),
  }));
}

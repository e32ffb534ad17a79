import { type AuditScope, type CustomerPrincipal, type EffectDescriber, recordAuditEvent, says, shown, type WardenDb, type WardenExecutor, wardenError } from 'warden';
import { shop, type OrderRow, type ShopExecutor } from './tables.js';

/** The team's orders, newest first. */
export function listOrders(db: WardenExecutor, teamId: string, status: OrderRow['status'] | null, first: number): Promise<OrderRow[]> {
  let query = shop(db).selectFrom('orders').selectAll().where('team_id', '=', teamId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('placed_on', 'desc').orderBy('number', 'desc').limit(first).execute();
}

function findOrder(db: ShopExecutor, teamId: string, orderId: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', orderId).where('team_id', '=', teamId).executeTakeFirst();
}

/** "USD 120.00": how a person reads an amount. */
export function formatTotal(order: Pick<OrderRow, 'total_cents' | 'currency'>): string {
  return `${order.currency} ${(order.total_cents / 100).toFixed(2)}`;
}

/** Only a team's owner refunds: a call nobody could run is refused before a manager is asked. */
function mayRefund(customer: CustomerPrincipal): void {
  if (customer.role !== 'owner') throw wardenError('FORBIDDEN', "Only the team's owner can refund orders.");
}

/**
 * What a manager reads before approving a refund, with each value tagged with the field whose
 * policy shows it, and the state they approve: an approved refund whose order changed since
 * is refused (TARGET_CHANGED). Never throws for the order's state (see EffectDescriber).
 */
export const refundEffect: EffectDescriber<{ orderId: string | number }> = async ({ orderId }, { db, customer }) => {
  mayRefund(customer);
  const order = await findOrder(shop(db), customer.accountId, String(orderId));
  if (!order) return null;
  return {
    says: says`refund order ${shown('Order.number', order.number)} (${shown('Order.totalCents', formatTotal(order))}, ${shown('Order.status', order.status)})`,
    state: { number: order.number, totalCents: order.total_cents, currency: order.currency, status: order.status },
  };
};

/** Marks a paid order refunded and records who did it, in one transaction. */
export async function refundOrder(db: WardenDb, customer: CustomerPrincipal, orderId: string, scope: AuditScope): Promise<OrderRow> {
  mayRefund(customer);
  return db.transaction().execute(async (trx) => {
    const app = shop(trx);
    const before = await app.selectFrom('orders').selectAll().where('id', '=', orderId).where('team_id', '=', customer.accountId).forUpdate().executeTakeFirst();
    // On an approved call: is the order, now locked, still as the manager saw it? Throws if not.
    await scope.beforeChange?.(trx, scope);
    if (!before) throw wardenError('NOT_FOUND', 'No order with that id in your team; list the orders to find its id.');
    if (before.status !== 'paid') throw wardenError('BAD_USER_INPUT', `Order ${before.number} is ${before.status}; only paid orders can be refunded.`);
    const team = await app.selectFrom('teams').select(['id', 'name']).where('id', '=', customer.accountId).executeTakeFirstOrThrow();
    const after = await app.updateTable('orders').set({ status: 'refunded' }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    // In the change's transaction: both commit, or neither (and an approval is used up here).
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.refundOrder',
        account: team,
        subjectUserId: customer.id,
        target: `order ${before.number}`,
        changes: [{ field: 'Order.status', label: 'status', before: before.status, after: after.status }],
      },
      scope,
    );
    return after;
  });
}

import { fileURLToPath } from 'node:url';
import {
  actingCustomer,
  auditScopeOf,
  auditSubjectFrom,
  type BuilderOptions,
  createWardenBuilder,
  type GrantDescriber,
  says,
  type WardenSchema,
  wardenSchemaOf,
} from 'warden';
import { listOrders, refundEffect, refundOrder } from './orders.js';
import { setSupportAccess } from './support-access.js';
import { type MemberRow, type OrderRow, shop, type TeamRow } from './tables.js';

/** What the shop adds to Warden's schema types: its objects, as its resolvers return them. */
export interface ShopTypes {
  Objects: { Team: TeamRow; Member: MemberRow; Order: OrderRow };
}

/** The shop's baseline policy: Warden's default classes, plus the shop's own overrides. */
const POLICY_PATH = fileURLToPath(new URL('./policy.json', import.meta.url));

/** What a grant of `Member.dateOfBirth` would show a session: the whole team's, as a customer sees them. */
const datesOfBirthRevealed: GrantDescriber = async ({ db, customer }) => {
  const members = await shop(db).selectFrom('members').select('id').where('team_id', '=', customer.accountId).execute();
  return says`the date of birth of every member of the team (${members.length})`;
};

export function buildShopSchema(options: BuilderOptions = {}): WardenSchema {
  const builder = createWardenBuilder<ShopTypes>(options);
  const OrderStatus = builder.enumType('OrderStatus', { values: ['paid', 'refunded'] as const });
  const SupportAccess = builder.enumType('SupportAccess', { values: ['allow', 'ask_first', 'never'] as const });

  builder.objectType('Team', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'public' }),
      supportAccess: t.field({ type: SupportAccess, classification: 'internal', nullable: true, resolve: (team) => team.support_access }),
      members: t.field({
        type: ['Member'],
        classification: 'public',
        resolve: (team, _args, { db }) => shop(db).selectFrom('members').selectAll().where('team_id', '=', team.id).orderBy('id').execute(),
      }),
      orders: t.field({
        type: ['Order'],
        classification: 'public',
        args: {
          // Filtering by status reads Order.status: refused where a caller may not see it in full.
          status: t.arg({ type: OrderStatus, filtersBy: 'Order.status' }),
          first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }),
        },
        resolve: (team, { status, first }, { db }) => listOrders(db, team.id, status ?? null, Math.min(Math.max(first, 1), 100)),
      }),
    }),
  });

  builder.objectType('Member', {
    // Reads of a member's classified fields are recorded as that member's data.
    extensions: auditSubjectFrom('id'),
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      email: t.exposeString('email', { classification: 'pii', mask: 'email', nullable: true }),
      phone: t.exposeString('phone', { classification: 'pii', mask: 'last4', nullable: true }),
      dateOfBirth: t.exposeString('date_of_birth', { classification: 'sensitive', nullable: true, reveals: datesOfBirthRevealed }),
      apiKey: t.exposeString('api_key', { classification: 'secret', mask: 'last2', nullable: true }),
    }),
  });

  builder.objectType('Order', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      number: t.exposeString('number', { classification: 'public' }),
      totalCents: t.exposeInt('total_cents', { classification: 'public' }),
      currency: t.exposeString('currency', { classification: 'public' }),
      status: t.field({ type: OrderStatus, classification: 'public', resolve: (order) => order.status }),
      placedOn: t.expose('placed_on', { type: 'Date', classification: 'public' }),
      shippingAddress: t.exposeString('shipping_address', { classification: 'pii', mask: 'redact', nullable: true }),
    }),
  });

  builder.queryFields((t) => ({
    me: t.field({
      type: 'Member',
      callers: 'customer',
      classification: 'public',
      resolve: (_root, _args, context) =>
        shop(context.db).selectFrom('members').selectAll().where('id', '=', actingCustomer(context).id).executeTakeFirstOrThrow(),
    }),
    team: t.field({
      type: 'Team',
      callers: 'customer',
      classification: 'public',
      resolve: (_root, _args, context) =>
        shop(context.db).selectFrom('teams').selectAll().where('id', '=', actingCustomer(context).accountId).executeTakeFirstOrThrow(),
    }),
  }));

  builder.mutationFields((t) => ({
    refundOrder: t.field({
      type: 'Order',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: refundEffect,
      args: { orderId: t.arg.id({ required: true, filtersBy: 'Order.id' }) },
      resolve: (_root, { orderId }, context, info) => refundOrder(context.db, actingCustomer(context), String(orderId), auditScopeOf(context, info)),
    }),
    setSupportAccess: t.field({
      type: 'Team',
      callers: 'customer',
      classification: 'public',
      risk: 'never-during-impersonation',
      args: { value: t.arg({ type: SupportAccess, required: true, filtersBy: false }) },
      resolve: (_root, { value }, context, info) => setSupportAccess(context.db, actingCustomer(context), value, auditScopeOf(context, info)),
    }),
  }));

  return wardenSchemaOf(builder.toSchema({ sortSchema: true }), {
    baselinePolicyPath: POLICY_PATH,
    // The banner and the access history show these names as the policy shows these fields.
    names: { customer: 'Member.name', account: 'Team.name' },
  });
}

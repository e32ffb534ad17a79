import { actingCustomer, auditScopeOf, auditSubjectFrom, type GatewayContext, wardenError } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { seesPrivateDataOf } from './colleague-privacy.js';
import { ownOrColleagues } from './private-data.effects.js';
import { findNotificationSettings, findUserInAccount, listUsersOfAccount } from './user.repository.js';
import { changeNotificationSettings } from './notification-settings.service.js';
import { demoDb } from '../database.js';

export function defineUserTypes(builder: DemoBuilder): void {
  const UserRole = builder.enumType('UserRole', { values: ['owner', 'admin', 'billing', 'member'] as const });

  builder.interfaceType('Contact', {
    description: 'Someone who can be reached: a user, or an account’s billing contact.',
    fields: (t) => ({
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      email: t.exposeString('email', { classification: 'pii', mask: 'email', nullable: true }),
      phone: t.exposeString('phone', { classification: 'pii', mask: 'last4', nullable: true }),
    }),
  });

  builder.objectType('User', {
    description: 'A person in a customer account.',
    interfaces: ['Contact'],
    extensions: auditSubjectFrom('id'),
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'password_hash' in value,
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      accountId: t.exposeID('account_id', { classification: 'public' }),
      role: t.field({ type: UserRole, classification: 'public', resolve: (user) => user.role }),
      birthDate: t.field({
        type: 'Date',
        classification: 'sensitive',
        reveals: ownOrColleagues('birth date'),
        nullable: true,
        resolve: (user, _args, context) => privateValueOf(user.birth_date, 'birth date', user.id, context),
      }),
      nationalId: t.string({
        classification: 'sensitive',
        reveals: ownOrColleagues('national ID'),
        mask: 'last2',
        nullable: true,
        resolve: (user, _args, context) => privateValueOf(user.national_id, 'national ID', user.id, context),
      }),
      // The password hash and recovery codes themselves are never part of the schema.
      hasPassword: t.boolean({
        classification: 'internal',
        nullable: true,
        resolve: (user) => user.password_hash.length > 0,
      }),
      mfaRecoveryCodesRemaining: t.int({
        classification: 'internal',
        nullable: true,
        resolve: (user) => user.mfa_recovery_codes.length,
      }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
      notificationSettings: t.field({
        type: 'NotificationSettings',
        classification: 'public',
        nullable: true,
        resolve: (user, _args, context) => findNotificationSettings(demoDb(context.db), user.id),
      }),
    }),
  });

  builder.objectType('NotificationSettings', {
    fields: (t) => ({
      invoiceEmails: t.exposeBoolean('invoice_emails', { classification: 'internal', nullable: true }),
      securityAlerts: t.exposeBoolean('security_alerts', { classification: 'internal', nullable: true }),
      productUpdates: t.exposeBoolean('product_updates', { classification: 'internal', nullable: true }),
      smsAlerts: t.exposeBoolean('sms_alerts', { classification: 'internal', nullable: true }),
      updatedAt: t.expose('updated_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  const UserFilter = builder.inputType('UserFilter', {
    fields: (t) => ({
      role: t.field({ type: UserRole, filtersBy: 'User.role' }),
      nameContains: t.string({ filtersBy: 'User.name' }),
      email: t.string({ filtersBy: 'User.email', description: 'Exact address, case-insensitive.' }),
    }),
  });

  const UserOrder = builder.enumType('UserOrder', { values: ['NAME', 'EMAIL', 'CREATED_AT', 'ROLE'] as const });

  builder.objectFields('Account', (t) => ({
    users: t.field({
      type: ['User'],
      classification: 'public',
      args: {
        filter: t.arg({ type: UserFilter }),
        orderBy: t.arg({
          type: UserOrder,
          filtersBy: { NAME: 'User.name', EMAIL: 'User.email', CREATED_AT: 'User.createdAt', ROLE: 'User.role' },
          description: 'Left out: by id, which everyone sees (sorting by a masked field would reveal its order).',
        }),
      },
      resolve: (account, { filter, orderBy }, context) =>
        listUsersOfAccount(demoDb(context.db), account.id, {
          role: filter?.role ?? null,
          nameContains: filter?.nameContains ?? null,
          email: filter?.email ?? null,
          orderBy: orderBy ?? null,
        }),
    }),
  }));

  builder.queryFields((t) => ({
    me: t.field({
      type: 'User',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: 'The calling customer.',
      authScopes: { customer: true },
      resolve: async (_root, _args, context) => {
        const customer = actingCustomer(context);
        const user = await findUserInAccount(demoDb(context.db), customer.accountId, customer.id);
        if (!user) throw wardenError('NOT_FOUND', 'Your user no longer exists; sign in again.');
        return user;
      },
    }),
    user: t.field({
      type: 'User',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: 'A user of the calling customer’s own account; null for anyone else.',
      authScopes: { customer: true },
      args: { id: t.arg.id({ required: true, filtersBy: 'User.id' }) },
      resolve: (_root, { id }, context) =>
        findUserInAccount(demoDb(context.db), actingCustomer(context).accountId, String(id)).then((u) => u ?? null),
    }),
  }));

  const NotificationSettingsInput = builder.inputType('NotificationSettingsInput', {
    description: 'The settings to change; leave out the ones to keep.',
    fields: (t) => ({
      invoiceEmails: t.boolean({ filtersBy: false }),
      securityAlerts: t.boolean({ filtersBy: false }),
      productUpdates: t.boolean({ filtersBy: false }),
      smsAlerts: t.boolean({ filtersBy: false }),
    }),
  });

  builder.mutationFields((t) => ({
    updateNotificationSettings: t.field({
      type: 'NotificationSettings',
      callers: 'customer',
      classification: 'public',
      risk: 'routine',
      description: "Changes the calling customer's own notification settings.",
      authScopes: { customer: true },
      args: { input: t.arg({ type: NotificationSettingsInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        changeNotificationSettings(context.db, actingCustomer(context), input, auditScopeOf(context, info)),
    }),
  }));
}

/** A user's sensitive value, for themselves and their account's owners and admins only. */
function privateValueOf<T>(value: T, label: string, userId: string, context: GatewayContext): T {
  if (seesPrivateDataOf(actingCustomer(context), userId)) return value;
  throw wardenError('FORBIDDEN', `Only the account's owners and admins see a colleague's ${label}; everyone sees their own.`);
}

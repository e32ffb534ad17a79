import type { WardenBuilder } from '../../graphql/builder.js';
import { actingCustomer } from '../../graphql/acting-customer.js';
import { wardenError } from '../../errors/index.js';
import { findNotificationSettings, findUserInAccount, listUsersOfAccount } from './user.repository.js';
import { changeNotificationSettings } from './notification-settings.service.js';

export function defineUserTypes(builder: WardenBuilder): void {
  const UserRole = builder.enumType('UserRole', { values: ['owner', 'admin', 'billing', 'member'] as const });

  builder.objectType('User', {
    description: 'A person in a customer account.',
    fields: (t) => ({
      id: t.exposeID('id'),
      accountId: t.exposeID('account_id'),
      name: t.exposeString('name', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      role: t.field({ type: UserRole, resolve: (user) => user.role }),
      birthDate: t.expose('birth_date', { type: 'Date', nullable: true }),
      nationalId: t.exposeString('national_id', { nullable: true }),
      // The password hash and recovery codes themselves are never part of the schema.
      hasPassword: t.boolean({ resolve: (user) => user.password_hash.length > 0 }),
      mfaRecoveryCodesRemaining: t.int({ resolve: (user) => user.mfa_recovery_codes.length }),
      createdAt: t.expose('created_at', { type: 'DateTime' }),
      notificationSettings: t.field({
        type: 'NotificationSettings',
        nullable: true,
        resolve: (user, _args, context) => findNotificationSettings(context.db, user.id),
      }),
    }),
  });

  builder.objectType('NotificationSettings', {
    fields: (t) => ({
      invoiceEmails: t.exposeBoolean('invoice_emails'),
      securityAlerts: t.exposeBoolean('security_alerts'),
      productUpdates: t.exposeBoolean('product_updates'),
      smsAlerts: t.exposeBoolean('sms_alerts'),
      updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    users: t.field({
      type: ['User'],
      resolve: (account, _args, context) => listUsersOfAccount(context.db, account.id),
    }),
  }));

  builder.queryFields((t) => ({
    me: t.field({
      type: 'User',
      nullable: true,
      description: 'The calling customer.',
      authScopes: { customer: true },
      resolve: async (_root, _args, context) => {
        const customer = actingCustomer(context);
        const user = await findUserInAccount(context.db, customer.accountId, customer.id);
        if (!user) throw wardenError('NOT_FOUND', 'Your user no longer exists; sign in again.');
        return user;
      },
    }),
    user: t.field({
      type: 'User',
      nullable: true,
      description: 'A user of the calling customer’s own account; null for anyone else.',
      authScopes: { customer: true },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, context) =>
        findUserInAccount(context.db, actingCustomer(context).accountId, String(id)).then((u) => u ?? null),
    }),
  }));

  const NotificationSettingsInput = builder.inputType('NotificationSettingsInput', {
    description: 'The settings to change; leave out the ones to keep.',
    fields: (t) => ({
      invoiceEmails: t.boolean(),
      securityAlerts: t.boolean(),
      productUpdates: t.boolean(),
      smsAlerts: t.boolean(),
    }),
  });

  builder.mutationFields((t) => ({
    updateNotificationSettings: t.field({
      type: 'NotificationSettings',
      description: "Changes the calling customer's own notification settings.",
      authScopes: { customer: true },
      args: { input: t.arg({ type: NotificationSettingsInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        changeNotificationSettings(context.db, actingCustomer(context), input, {
          requestId: context.requestId,
          operation: info.operation.name?.value ?? null,
        }),
    }),
  }));
}

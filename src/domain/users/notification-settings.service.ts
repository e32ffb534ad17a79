import { type AuditScope, type CustomerPrincipal, type FieldChange, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { NotificationSettingsRow } from '../tables/notification-settings.js';
import { findAccountById } from '../accounts/index.js';
import { lockNotificationSettings, updateNotificationSettings } from './user.repository.js';
import type { DomainTables } from '../database.js';

export interface NotificationSettingsChange {
  invoiceEmails?: boolean | null;
  securityAlerts?: boolean | null;
  productUpdates?: boolean | null;
  smsAlerts?: boolean | null;
}

const SETTINGS = [
  ['invoiceEmails', 'invoice_emails', 'invoice emails'],
  ['securityAlerts', 'security_alerts', 'security alerts'],
  ['productUpdates', 'product_updates', 'product update emails'],
  ['smsAlerts', 'sms_alerts', 'SMS alerts'],
] as const;

/** Changes the caller's own notification settings and records the change in one transaction. */
export async function changeNotificationSettings(
  db: WardenDb,
  customer: CustomerPrincipal,
  change: NotificationSettingsChange,
  scope: AuditScope,
): Promise<NotificationSettingsRow> {
  const requested = SETTINGS.filter(([input]) => typeof change[input] === 'boolean');
  if (requested.length === 0) {
    throw wardenError('BAD_USER_INPUT', 'Name at least one setting to change, e.g. { smsAlerts: false }.');
  }
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockNotificationSettings(app, customer.id);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) throw wardenError('NOT_FOUND', 'Your notification settings were not found; sign in again.');

    const update = Object.fromEntries(requested.map(([input, column]) => [column, change[input] as boolean]));
    const after = await updateNotificationSettings(app, customer.id, update);
    const changes: FieldChange[] = requested.map(([input, column, label]) => ({
      field: `NotificationSettings.${input}`,
      label,
      before: onOff(before[column]),
      after: onOff(after[column]),
    }));
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.updateNotificationSettings',
        account: { id: account.id, name: account.name },
        subjectUserId: customer.id,
        target: `the notification settings of ${customer.name}`,
        changes,
      },
      scope,
    );
    return after;
  });
}

const onOff = (value: boolean) => (value ? 'on' : 'off');

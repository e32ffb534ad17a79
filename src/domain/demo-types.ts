import type { WardenBuilder } from '../index.js';
import type { AccountRow } from './tables/account.js';
import type { ApiTokenRow } from './tables/api-token.js';
import type { InvoiceRow } from './tables/invoice.js';
import type { NotificationSettingsRow } from './tables/notification-settings.js';
import type { PaymentMethodRow } from './tables/payment-method.js';
import type { PrivateNoteRow } from './tables/private-note.js';
import type { UserRow } from './tables/user.js';

/** One row of the staff directory: enough to find whom to help, nothing more. */
export interface DirectoryEntryShape {
  userId: string;
  name: string;
  accountId: string;
  accountName: string;
  plan: AccountRow['plan'];
}

/** What the `Contact` interface reads: users and billing contacts both have these. */
export interface ContactShape {
  name: string;
  email: string;
  phone: string | null;
}

/** What the reference domain adds to Warden's schema types. */
export interface DemoTypes {
  Objects: {
    Account: AccountRow;
    User: UserRow;
    NotificationSettings: NotificationSettingsRow;
    PaymentMethod: PaymentMethodRow;
    Invoice: InvoiceRow;
    ApiToken: ApiTokenRow;
    PrivateNote: PrivateNoteRow;
    DirectoryEntry: DirectoryEntryShape;
    BillingContact: ContactShape & { address: string | null };
  };
  Interfaces: {
    Contact: ContactShape;
  };
}

export type DemoBuilder = WardenBuilder<DemoTypes>;

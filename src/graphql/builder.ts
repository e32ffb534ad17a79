import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { AccountRow } from '../db/tables/account.js';
import type { ApiTokenRow } from '../db/tables/api-token.js';
import type { InvoiceRow } from '../db/tables/invoice.js';
import type { NotificationSettingsRow } from '../db/tables/notification-settings.js';
import type { PaymentMethodRow } from '../db/tables/payment-method.js';
import type { PrivateNoteRow } from '../db/tables/private-note.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { UserRow } from '../db/tables/user.js';
import type { Principal } from '../auth/principal.js';
import { hasRole } from '../auth/principal.js';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from './context.js';

/** One row of the staff directory: enough to find whom to help, nothing more. */
export interface DirectoryEntryShape {
  userId: string;
  name: string;
  accountId: string;
  accountName: string;
  plan: AccountRow['plan'];
}

export interface WardenSchemaTypes {
  Context: GatewayContext;
  AuthScopes: {
    customer: boolean;
    staff: boolean;
    staffRole: StaffRole;
  };
  Objects: {
    Viewer: Principal;
    Account: AccountRow;
    User: UserRow;
    NotificationSettings: NotificationSettingsRow;
    PaymentMethod: PaymentMethodRow;
    Invoice: InvoiceRow;
    ApiToken: ApiTokenRow;
    PrivateNote: PrivateNoteRow;
    DirectoryEntry: DirectoryEntryShape;
  };
  /** Fields are non-null unless they say otherwise; fields a policy may deny say so. */
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}

export type WardenBuilder = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<WardenSchemaTypes>
>;

/**
 * A fresh builder per schema build (no module-level builder), so tests can build the same
 * schema with and without a plugin and compare.
 */
export function createBuilder(): WardenBuilder {
  return new SchemaBuilder<WardenSchemaTypes>({
    plugins: [ScopeAuthPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (context) => ({
        customer: context.principal.kind === 'customer',
        staff: context.principal.kind === 'staff',
        staffRole: (role) => hasRole(context.principal, role),
      }),
      unauthorizedError: (_parent, _context, info) =>
        wardenError(
          'FORBIDDEN',
          `You are not allowed to read ${info.parentType.name}.${info.fieldName}; ask an administrator for the role it needs.`,
        ),
    },
  });
}

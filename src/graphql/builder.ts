import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import WardenPolicyPlugin from '../policy/plugin/index.js';
import type { AccountRow } from '../db/tables/account.js';
import type { ApiTokenRow } from '../db/tables/api-token.js';
import type { InvoiceRow } from '../db/tables/invoice.js';
import type { NotificationSettingsRow } from '../db/tables/notification-settings.js';
import type { PaymentMethodRow } from '../db/tables/payment-method.js';
import type { PrivateNoteRow } from '../db/tables/private-note.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { UserRow } from '../db/tables/user.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
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

/** What the `Contact` interface reads: users and billing contacts both have these. */
export interface ContactShape {
  name: string;
  email: string;
  phone: string | null;
}

export interface WardenSchemaTypes {
  Context: GatewayContext;
  AuthScopes: {
    customer: boolean;
    staff: boolean;
    staffRole: StaffRole;
    /** Auditors and security admins: who may read the audit trail. */
    auditReader: boolean;
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
    BillingContact: ContactShape & { address: string | null };
    ApprovalRequest: ApprovalRequestRow;
  };
  Interfaces: {
    Contact: ContactShape;
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

export interface BuilderOptions {
  /** False builds the same schema with no data-class enforcement: the canary control run. */
  policyEnforced?: boolean;
  /** See `WardenPolicyPluginOptions.onUnclassified`. @default 'error' */
  onUnclassified?: 'error' | 'secret';
}

/**
 * A fresh builder per schema build (no module-level builder), so tests can build the same
 * schema with and without a plugin and compare.
 */
export function createBuilder(options: BuilderOptions = {}): WardenBuilder {
  return new SchemaBuilder<WardenSchemaTypes>({
    plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
    wardenPolicy: {
      enabled: options.policyEnforced ?? true,
      onUnclassified: options.onUnclassified ?? 'error',
      requestPolicy: (context) => context.policy,
    },
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (context) => ({
        customer: context.access.actingAs !== null,
        staff: context.principal.kind === 'staff',
        staffRole: (role) => hasRole(context.principal, role),
        auditReader: hasRole(context.principal, 'auditor') || hasRole(context.principal, 'security_admin'),
      }),
      unauthorizedError: (_parent, _context, info) =>
        wardenError(
          'FORBIDDEN',
          `You are not allowed to read ${info.parentType.name}.${info.fieldName}; ask an administrator for the role it needs.`,
        ),
    },
  });
}

import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import WardenPolicyPlugin from '../policy/plugin/index.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { Principal } from '../auth/principal.js';
import { hasRole } from '../auth/principal.js';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from './context.js';

/** The objects Warden's own types are built from (its types and operations, `defineWardenTypes`). */
export interface WardenObjects {
  Viewer: Principal;
  ApprovalRequest: ApprovalRequestRow;
}

/** Who may read a field, for `authScopes`: the scopes every Warden schema knows. */
export interface WardenAuthScopes {
  /** A customer, or support acting as one in a session. */
  customer: boolean;
  staff: boolean;
  staffRole: StaffRole;
  /** Auditors and security admins: who may read the audit trail. */
  auditReader: boolean;
}

export interface WardenScalars {
  DateTime: { Input: Date; Output: Date };
  /** `YYYY-MM-DD`, kept as a string so no time zone can shift it. */
  Date: { Input: string; Output: string };
}

/**
 * What an application adds to Warden's schema types: its objects and interfaces (by the shape
 * its resolvers return), the part of the context it adds (`createGateway`'s `appContext`), and
 * scalars of its own. Every part is optional.
 */
export interface AppTypes {
  Objects?: object;
  Interfaces?: object;
  Context?: object;
  Scalars?: Record<string, { Input: unknown; Output: unknown }>;
}

type Part<App extends AppTypes, K extends keyof AppTypes> = App[K] extends object ? App[K] : {};

/** The Pothos schema types of a Warden schema: Warden's own and the application's `App`. */
export interface WardenSchemaTypes<App extends AppTypes = {}> {
  Context: GatewayContext & Part<App, 'Context'>;
  AuthScopes: WardenAuthScopes;
  Objects: WardenObjects & Part<App, 'Objects'>;
  Interfaces: Part<App, 'Interfaces'>;
  /** Fields are non-null unless they say otherwise; fields a policy may deny say so. */
  DefaultFieldNullability: false;
  Scalars: WardenScalars & Part<App, 'Scalars'>;
}

export type WardenBuilder<App extends AppTypes = {}> = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<WardenSchemaTypes<App>>>;

export interface BuilderOptions {
  /** False builds the same schema with no data-class enforcement: the canary control run. */
  policyEnforced?: boolean;
  /** See `WardenPolicyPluginOptions.onUnclassified`. @default 'error' */
  onUnclassified?: 'error' | 'secret';
}

/**
 * A fresh builder with Warden's plugins (scope-auth, the data-class policy) and options. A fresh
 * builder per schema build (no module-level builder), so tests can build the same schema with
 * and without a plugin and compare. Warden's own types are added by `defineWardenTypes`.
 */
export function createBuilder<App extends AppTypes = {}>(options: BuilderOptions = {}): WardenBuilder<App> {
  return new SchemaBuilder<WardenSchemaTypes<App>>({
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

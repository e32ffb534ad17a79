import { defineApprovalTypes } from '../approvals/approvals.schema.js';
import { defineAuditTypes } from '../audit/audit.schema.js';
import { defineViewerTypes } from '../auth/viewer.schema.js';
import { defineAccessHistoryTypes } from '../impersonation/access-history.schema.js';
import { defineDelegationTypes } from '../impersonation/delegation.schema.js';
import { defineImpersonationTypes } from '../impersonation/impersonation.schema.js';
import { definePolicyTypes } from '../policy/policy.schema.js';
import { createBuilder, type AppTypes, type BuilderOptions, type WardenBuilder } from './builder.js';
import { defineScalars } from './scalars.js';

/**
 * A builder for an application's schema with Warden's own types and operations already on it:
 * the scalars, the root types, `viewer`, sessions and approvals, field grants, policy versions,
 * the audit trail's queries and the customer's access history. The application adds its own
 * types and root fields to it, then calls `toSchema`.
 */
export function createWardenBuilder<App extends AppTypes = {}>(options: BuilderOptions = {}): WardenBuilder<App> {
  const builder = createBuilder<App>(options);
  defineWardenTypes(asWardensOwn(builder));
  return builder;
}

function defineWardenTypes(builder: WardenBuilder): void {
  defineScalars(builder);
  builder.queryType({});
  builder.mutationType({});
  defineViewerTypes(builder);
  definePolicyTypes(builder);
  defineApprovalTypes(builder);
  defineImpersonationTypes(builder);
  defineDelegationTypes(builder);
  defineAccessHistoryTypes(builder);
  defineAuditTypes(builder);
}

/**
 * The same builder, as Warden's own definitions see it. They read only Warden's part of the
 * context, which every application's context contains, and return only Warden's objects, so
 * hiding the application's part from them is safe; TypeScript cannot see that (a builder's
 * context type is both read and written, so a wider one is not assignable), hence this one cast.
 */
function asWardensOwn<App extends AppTypes>(builder: WardenBuilder<App>): WardenBuilder {
  return builder as unknown as WardenBuilder;
}

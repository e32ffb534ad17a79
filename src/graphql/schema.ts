import type { GraphQLSchema } from 'graphql';
import { defineAccountTypes } from '../domain/accounts/index.js';
import { defineActivityTypes } from '../domain/activity/index.js';
import { defineApiTokenTypes } from '../domain/api-tokens/index.js';
import { defineBillingTypes } from '../domain/billing/index.js';
import { definePrivateNoteTypes } from '../domain/notes/index.js';
import { defineSignInTypes, defineUserTypes } from '../domain/users/index.js';
import { defineViewerTypes } from '../domain/viewer/index.js';
import { definePolicyTypes } from '../policy/policy.schema.js';
import { defineApprovalTypes } from '../approvals/approvals.schema.js';
import { defineImpersonationTypes } from '../impersonation/impersonation.schema.js';
import { defineAccessHistoryTypes } from '../impersonation/access-history.schema.js';
import { defineAuditTypes } from '../audit/audit.schema.js';
import { createBuilder, type BuilderOptions } from './builder.js';
import { defineScalars } from './scalars.js';

/** Builds the whole GraphQL schema: the reference domain on the Warden builder. */
export function buildSchema(options: BuilderOptions = {}): GraphQLSchema {
  const builder = createBuilder(options);
  defineScalars(builder);
  builder.queryType({});
  builder.mutationType({});
  defineViewerTypes(builder);
  defineAccountTypes(builder);
  defineUserTypes(builder);
  defineSignInTypes(builder);
  defineBillingTypes(builder);
  defineApiTokenTypes(builder);
  definePrivateNoteTypes(builder);
  defineActivityTypes(builder);
  definePolicyTypes(builder);
  defineApprovalTypes(builder);
  defineImpersonationTypes(builder);
  defineAccessHistoryTypes(builder);
  defineAuditTypes(builder);
  return builder.toSchema({ sortSchema: true });
}

import { type BuilderOptions, createWardenBuilder, type WardenSchema, wardenSchemaOf } from '../index.js';
import { defineAccountTypes } from './accounts/index.js';
import { defineActivityTypes } from './activity/index.js';
import { defineApiTokenTypes } from './api-tokens/index.js';
import { defineBillingTypes } from './billing/index.js';
import type { DemoTypes } from './demo-types.js';
import { DEMO_POLICY_PATH } from './files.js';
import { definePrivateNoteTypes } from './notes/index.js';
import { defineSignInTypes, defineUserTypes } from './users/index.js';

/**
 * The reference domain's schema: its types on a Warden builder, Warden's own types included,
 * checked against the baseline policy (schema/policy.json, whose overrides name its fields).
 */
export function buildDemoSchema(options: BuilderOptions = {}): WardenSchema {
  const builder = createWardenBuilder<DemoTypes>(options);
  defineAccountTypes(builder);
  defineUserTypes(builder);
  defineSignInTypes(builder);
  defineBillingTypes(builder);
  defineApiTokenTypes(builder);
  definePrivateNoteTypes(builder);
  defineActivityTypes(builder);
  return wardenSchemaOf(builder.toSchema({ sortSchema: true }), { baselinePolicyPath: DEMO_POLICY_PATH });
}

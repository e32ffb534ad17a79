import type { GraphQLSchema } from 'graphql';
import type { BuilderOptions } from '../graphql/builder.js';
import { createWardenBuilder } from '../graphql/warden-types.js';
import { defineAccountTypes } from './accounts/index.js';
import { defineActivityTypes } from './activity/index.js';
import { defineApiTokenTypes } from './api-tokens/index.js';
import { defineBillingTypes } from './billing/index.js';
import type { DemoTypes } from './demo-types.js';
import { definePrivateNoteTypes } from './notes/index.js';
import { defineSignInTypes, defineUserTypes } from './users/index.js';

/** The reference domain's schema: its types on a Warden builder, Warden's own types included. */
export function buildDemoSchema(options: BuilderOptions = {}): GraphQLSchema {
  const builder = createWardenBuilder<DemoTypes>(options);
  defineAccountTypes(builder);
  defineUserTypes(builder);
  defineSignInTypes(builder);
  defineBillingTypes(builder);
  defineApiTokenTypes(builder);
  definePrivateNoteTypes(builder);
  defineActivityTypes(builder);
  return builder.toSchema({ sortSchema: true });
}

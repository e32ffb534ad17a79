import type { GraphQLSchema } from 'graphql';
import { defineAccountTypes } from '../domain/accounts/index.js';
import { defineApiTokenTypes } from '../domain/api-tokens/index.js';
import { defineBillingTypes } from '../domain/billing/index.js';
import { definePrivateNoteTypes } from '../domain/notes/index.js';
import { defineUserTypes } from '../domain/users/index.js';
import { defineViewerTypes } from '../domain/viewer/index.js';
import { createBuilder } from './builder.js';
import { defineScalars } from './scalars.js';

/** Builds the whole GraphQL schema: the reference domain on the Warden builder. */
export function buildSchema(): GraphQLSchema {
  const builder = createBuilder();
  defineScalars(builder);
  builder.queryType({});
  builder.mutationType({});
  defineViewerTypes(builder);
  defineAccountTypes(builder);
  defineUserTypes(builder);
  defineBillingTypes(builder);
  defineApiTokenTypes(builder);
  definePrivateNoteTypes(builder);
  return builder.toSchema({ sortSchema: true });
}

import type { GraphQLSchema } from 'graphql';
import type { BuilderOptions } from '../graphql/builder.js';
import { buildDemoSchema } from '../domain/schema.js';
import { loadBaselinePolicy } from '../policy/baseline.js';
import { fieldInventory } from '../policy/field-inventory.js';
import type { PolicyCatalog } from '../policy/policy-catalog.js';

/** The schema a gateway serves, with what its policy needs to know about it. */
export interface WardenSchema {
  schema: GraphQLSchema;
  catalog: PolicyCatalog;
}

/** Builds the schema and checks the baseline policy against its fields (bad lines stop here). */
export function buildWardenSchema(options: BuilderOptions = {}): WardenSchema {
  const schema = buildDemoSchema(options);
  const fields = fieldInventory(schema);
  return { schema, catalog: { fields, baseline: loadBaselinePolicy(fields) } };
}

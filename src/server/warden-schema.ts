import type { GraphQLSchema } from 'graphql';
import { defaultPolicy, loadBaselinePolicy } from '../policy/baseline.js';
import { fieldInventory } from '../policy/field-inventory.js';
import type { PolicyCatalog } from '../policy/policy-catalog.js';

/** The schema a gateway serves, with what its policy needs to know about it. */
export interface WardenSchema {
  schema: GraphQLSchema;
  catalog: PolicyCatalog;
}

export interface WardenSchemaOptions {
  /**
   * The policy file this schema starts from before anyone publishes a version: the classes
   * (what each kind of caller sees of pii, sensitive…) and any per-field overrides, which must
   * name fields of this schema. @default Warden's default: the classes, no overrides
   */
  baselinePolicyPath?: string;
}

/**
 * A schema built on a Warden builder (`createWardenBuilder`), with its field inventory and its
 * baseline policy checked against it: an override naming a field the schema lacks stops here,
 * with the file and line.
 */
export function wardenSchemaOf(schema: GraphQLSchema, options: WardenSchemaOptions = {}): WardenSchema {
  const fields = fieldInventory(schema);
  const baseline = options.baselinePolicyPath ? loadBaselinePolicy(fields, options.baselinePolicyPath) : defaultPolicy(fields);
  return { schema, catalog: { fields, baseline } };
}

import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';
import { defaultPolicy, loadBaselinePolicy } from '../policy/baseline.js';
import { fieldInventory } from '../policy/field-inventory.js';
import { DEFAULT_NAME_FIELDS, type NameFields, type PolicyCatalog } from '../policy/policy-catalog.js';

/** The schema a gateway serves, with what its policy needs to know about it. */
export interface WardenSchema {
  schema: GraphQLSchema;
  catalog: PolicyCatalog;
  /**
   * Execution hooks the schema brings with it (a proxy's forwarding of the upstream's answer),
   * served after the gateway's own checks. @default none
   */
  plugins?: Plugin<GatewayContext>[];
}

export interface WardenSchemaOptions {
  /**
   * The policy file this schema starts from before anyone publishes a version: the classes
   * (what each kind of caller sees of pii, sensitive…) and any per-field overrides, which must
   * name fields of this schema. @default Warden's default: the classes, no overrides
   */
  baselinePolicyPath?: string;
  /**
   * The fields (`Type.field`) holding a customer's name and their account's name: the banner
   * (`extensions.impersonation`) and the access history show those names as the policy shows
   * these fields. Each must be a field of this schema.
   * @default { customer: 'User.name', account: 'Account.name' } (ids are shown where the schema lacks them)
   */
  names?: Partial<NameFields>;
}

/**
 * A schema built on a Warden builder (`createWardenBuilder`), with its field inventory and its
 * baseline policy checked against it: an override naming a field the schema lacks stops here,
 * with the file and line.
 */
export function wardenSchemaOf(schema: GraphQLSchema, options: WardenSchemaOptions = {}): WardenSchema {
  const fields = fieldInventory(schema);
  const baseline = options.baselinePolicyPath ? loadBaselinePolicy(fields, options.baselinePolicyPath) : defaultPolicy(fields);
  const names: NameFields = {
    customer: options.names?.customer ?? DEFAULT_NAME_FIELDS.customer,
    account: options.names?.account ?? DEFAULT_NAME_FIELDS.account,
  };
  for (const [whose, coordinate] of Object.entries(options.names ?? {})) {
    if (coordinate !== undefined && !fields.has(coordinate)) {
      throw new Error(`wardenSchemaOf: names.${whose} is "${coordinate}", which is not a field of this schema: name the "Type.field" that holds the ${whose}'s name.`);
    }
  }
  return { schema, catalog: { fields, baseline, names } };
}

import type { GraphQLSchema } from 'graphql';
import { argumentInventory } from './argument-inventory.js';
import { renderFieldInventory } from './inventory-report.js';
import type { PolicyCatalog } from './policy-catalog.js';

/** A schema with what the policy knows of it (the server's `WardenSchema`). */
interface BuiltSchema {
  schema: GraphQLSchema;
  catalog: PolicyCatalog;
}

/** What `npm run policy:check` finds: the inventory (null when the schema does not build at all) and each problem to fix. */
export interface PolicyCheck {
  report: string | null;
  problems: string[];
}

/**
 * Builds the schema as production does (unclassified fields and undeclared arguments are listed,
 * not fatal) to render the inventory, then as development does to collect what must be fixed: so
 * a reviewer sees the unclassified field in the inventory next to the error naming it.
 */
export function checkPolicy(build: (onUnclassified: 'error' | 'secret') => BuiltSchema): PolicyCheck {
  let built: BuiltSchema;
  try {
    built = build('secret');
  } catch (error) {
    return { report: null, problems: [messageOf(error)] };
  }
  const report = renderFieldInventory(built.catalog.fields, argumentInventory(built.schema), built.catalog.baseline);
  try {
    build('error');
    return { report, problems: [] };
  } catch (error) {
    return { report, problems: [messageOf(error)] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

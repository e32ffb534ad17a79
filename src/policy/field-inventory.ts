import { isObjectType, type GraphQLSchema } from 'graphql';
import { PLAN_EXTENSION, type FieldPlan } from './plugin/types.js';

/**
 * Every field values come from (object types, including fields inherited from interfaces), with
 * the plan the policy plugin gave it, keyed by `Type.field`.
 */
export function fieldInventory(schema: GraphQLSchema): Map<string, FieldPlan> {
  const inventory = new Map<string, FieldPlan>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const plan = field.extensions[PLAN_EXTENSION];
      if (plan) inventory.set(plan.coordinate, plan);
    }
  }
  return new Map([...inventory].sort(([a], [b]) => a.localeCompare(b)));
}

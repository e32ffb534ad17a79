import { getNamedType, isAbstractType, isCompositeType, isObjectType, Kind, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { PLAN_EXTENSION, type FieldPlan } from '../policy/plugin/types.js';
/** The root fields an operation calls, through fragments too. */
export function collectRootFields(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>, root: GraphQLObjectType, selections: SelectionSetNode, into: Set<string>): void {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) into.add(selection.name.value);
    } else {
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (inner) collectRootFields(schema, fragments, root, inner.selectionSet, into);
    }
  }
}

/**
 * Every path from the root to a selected value, as field plans. Under an interface or a union
 * the path goes on through each object type it could be, each with its own fields' plans.
 * `__typename` shows no data and makes no path; a field without a plan ends its path as if
 * it were missing, so nothing counts as shown that the policy does not know.
 */
export function collectPaths(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  objects: readonly GraphQLObjectType[],
  selections: SelectionSetNode,
  prefix: readonly FieldPlan[],
  into: FieldPlan[][],
): void {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      for (const object of objects) {
        const field = object.getFields()[selection.name.value];
        const plan = field?.extensions[PLAN_EXTENSION];
        if (!field || !plan) continue;
        const path = [...prefix, plan];
        const type = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(type)) collectPaths(schema, fragments, objectsOf(schema, type), selection.selectionSet, path, into);
        else into.push(path);
      }
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : null;
    const narrowed = condition && isCompositeType(condition) ? objects.filter((object) => object === condition || (isAbstractType(condition) && schema.isSubType(condition, object))) : objects;
    collectPaths(schema, fragments, narrowed, fragment.selectionSet, prefix, into);
  }
}

function objectsOf(schema: GraphQLSchema, type: GraphQLCompositeType): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : schema.getPossibleTypes(type);
}

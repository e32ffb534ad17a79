import {
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MASKS, type MaskFunction } from '../policy/masks.js';
import { effectiveMask } from '../policy/plugin/field-plan.js';
import { PLAN_EXTENSION, type FieldPlan } from '../policy/plugin/types.js';

/** How a value of one output type is completed: the shapes graphql-js completes, less abstract types. */
export type ValueShape =
  | { kind: 'leaf'; nonNull: boolean; type: GraphQLLeafType }
  | { kind: 'list'; nonNull: boolean; item: ValueShape }
  | { kind: 'object'; nonNull: boolean; type: GraphQLObjectType; fields: readonly FieldStep[] };

/** One selected field of an object, in selection order: a field with its plan, or `__typename` (the object's type). */
export type FieldStep =
  | {
      kind: 'field';
      /** The response key: the alias, or the field's name. */
      key: string;
      plan: FieldPlan;
      /** The mask the guard applies to this field when the request's decision masks it. */
      mask: MaskFunction;
      shape: ValueShape;
    }
  | { kind: 'typename'; key: string };

/** One root field of the upstream, as the caller selected it. */
export type RootStep = Extract<FieldStep, { kind: 'field' }> & {
  node: FieldNode;
  returnType: GraphQLOutputType;
};

/** What forwarding walks for an operation: its root fields, and every plan below them (to check denials before anything is sent). */
export interface AnswerPlan {
  roots: readonly RootStep[];
  plans: readonly FieldPlan[];
}

/**
 * The walk an operation's answer takes, decided once per document (the plans on the schema's
 * fields are the guard's own). Null when forwarding does not cover the operation, which then
 * executes as any other: not a query, a root field that is not the upstream's (Warden's own,
 * introspection), a fragment, a directive, an interface or union, or a response key selected
 * twice (graphql-js merges those; the walk does not).
 */
export function answerPlanOf(schema: GraphQLSchema, operation: OperationDefinitionNode, upstreamRoots: ReadonlySet<string>): AnswerPlan | null {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType || operation.directives?.length) return null;
  const plans: FieldPlan[] = [];
  const roots: RootStep[] = [];
  const keys = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    const name = selection.name.value;
    const key = selection.alias?.value ?? name;
    if (keys.has(key) || !upstreamRoots.has(`${queryType.name}.${name}`)) return null;
    keys.add(key);
    const step = fieldStep(queryType, selection, plans);
    const field = queryType.getFields()[name];
    if (step?.kind !== 'field' || !field) return null;
    roots.push({ ...step, node: selection, returnType: field.type });
  }
  return roots.length > 0 ? { roots, plans } : null;
}

function fieldStep(parent: GraphQLObjectType, node: FieldNode, plans: FieldPlan[]): FieldStep | null {
  const name = node.name.value;
  const key = node.alias?.value ?? name;
  if (name === '__typename') return { kind: 'typename', key };
  const field = parent.getFields()[name];
  const plan = field?.extensions[PLAN_EXTENSION];
  if (!field || !plan) return null;
  plans.push(plan);
  const shape = shapeOf(field.type, node.selectionSet, plans);
  return shape ? { kind: 'field', key, plan, mask: MASKS[effectiveMask(plan)], shape } : null;
}

function shapeOf(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, plans: FieldPlan[]): ValueShape | null {
  const nonNull = isNonNullType(type);
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = shapeOf(nullable.ofType, selectionSet, plans);
    return item ? { kind: 'list', nonNull, item } : null;
  }
  if (isLeafType(nullable)) return selectionSet ? null : { kind: 'leaf', nonNull, type: nullable };
  if (!isObjectType(nullable) || !selectionSet) return null;
  const fields: FieldStep[] = [];
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    const step = fieldStep(nullable, selection, plans);
    if (!step || keys.has(step.key)) return null;
    keys.add(step.key);
    fields.push(step);
  }
  return { kind: 'object', nonNull, type: nullable, fields };
}
